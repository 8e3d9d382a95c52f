package server

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// validator checks JSON values against the schemas of an OpenAPI 3.0
// document: type, nullable, properties, required, items,
// additionalProperties, allOf and $ref to components. Unknown properties
// are errors too, so a field the document forgot is caught.
type validator struct {
	doc map[string]any
}

func newValidator(raw []byte) (*validator, error) {
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	return &validator{doc: doc}, nil
}

func (v *validator) resolve(ref string) (map[string]any, error) {
	const p = "#/components/schemas/"
	if !strings.HasPrefix(ref, p) {
		return nil, fmt.Errorf("unsupported $ref %q", ref)
	}
	comps, _ := v.doc["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	s, ok := schemas[strings.TrimPrefix(ref, p)].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("unresolved $ref %q", ref)
	}
	return s, nil
}

// responseSchema returns the JSON schema of an operation's response.
func (v *validator) responseSchema(path, method string, status int) (map[string]any, error) {
	paths, _ := v.doc["paths"].(map[string]any)
	item, ok := paths[path].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("path %s not documented", path)
	}
	op, ok := item[method].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s %s not documented", method, path)
	}
	resps, _ := op["responses"].(map[string]any)
	r, ok := resps[fmt.Sprint(status)].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s %s: status %d not documented", method, path, status)
	}
	content, _ := r["content"].(map[string]any)
	mt, ok := content["application/json"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s %s %d: no JSON content documented", method, path, status)
	}
	s, _ := mt["schema"].(map[string]any)
	return s, nil
}

func (v *validator) validate(val any, s map[string]any, at string) error {
	if ref, ok := s["$ref"].(string); ok {
		r, err := v.resolve(ref)
		if err != nil {
			return err
		}
		return v.validate(val, r, at)
	}
	if val == nil {
		if s["nullable"] == true {
			return nil
		}
		return fmt.Errorf("%s: null where the schema does not allow it", at)
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			if err := v.validate(val, sub.(map[string]any), at); err != nil {
				return err
			}
		}
		return nil
	}
	switch s["type"] {
	case "object":
		obj, ok := val.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: %T, want object", at, val)
		}
		props, _ := s["properties"].(map[string]any)
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					return fmt.Errorf("%s: required property %q missing", at, r)
				}
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k].(map[string]any); ok {
				if err := v.validate(obj[k], ps, at+"."+k); err != nil {
					return err
				}
				continue
			}
			if ap, ok := s["additionalProperties"].(map[string]any); ok {
				if err := v.validate(obj[k], ap, at+"."+k); err != nil {
					return err
				}
				continue
			}
			return fmt.Errorf("%s: property %q not in the schema", at, k)
		}
	case "array":
		arr, ok := val.([]any)
		if !ok {
			return fmt.Errorf("%s: %T, want array", at, val)
		}
		items, _ := s["items"].(map[string]any)
		for i, x := range arr {
			if err := v.validate(x, items, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case "string":
		if _, ok := val.(string); !ok {
			return fmt.Errorf("%s: %T, want string", at, val)
		}
	case "number":
		if _, ok := val.(float64); !ok {
			return fmt.Errorf("%s: %T, want number", at, val)
		}
	case "integer":
		f, ok := val.(float64)
		if !ok || f != float64(int64(f)) {
			return fmt.Errorf("%s: %v, want integer", at, val)
		}
	case "boolean":
		if _, ok := val.(bool); !ok {
			return fmt.Errorf("%s: %T, want boolean", at, val)
		}
	}
	return nil
}
