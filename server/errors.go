package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"dateline/store"
)

// apiError is the documented error body: {"error": {...}}.
type apiError struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *apiError) Error() string { return e.Message }

// ErrorBody is the JSON every error response carries.
type ErrorBody struct {
	Error apiError `json:"error"`
}

func errBadRequestf(format string, args ...any) error {
	return &apiError{Status: http.StatusBadRequest, Code: "bad_request", Message: fmt.Sprintf(format, args...)}
}

func errNotFoundf(format string, args ...any) error {
	return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: fmt.Sprintf(format, args...)}
}

func errInternal(err error) error {
	return &apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
}

// toAPIError maps an error from a handler or the store to an apiError.
func toAPIError(err error) *apiError {
	var ae *apiError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &mbe):
		return &apiError{Status: http.StatusRequestEntityTooLarge, Code: "too_large", Message: fmt.Sprintf("request body larger than %d bytes", mbe.Limit)}
	case errors.Is(err, store.ErrNotFound):
		return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: err.Error()}
	case errors.Is(err, store.ErrBadQuery):
		return &apiError{Status: http.StatusBadRequest, Code: "bad_query", Message: err.Error()}
	}
	return &apiError{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error"}
}

func writeError(w http.ResponseWriter, err error) {
	ae := toAPIError(err)
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Del("Content-Disposition")
	w.WriteHeader(ae.Status)
	json.NewEncoder(w).Encode(ErrorBody{Error: *ae})
}

// apiHandler adapts a handler returning an error: errors become the
// documented error JSON, internal ones are logged and not shown.
func (s *Server) apiHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			ae := toAPIError(err)
			if ae.Status >= 500 {
				s.log.Error("request failed", "path", r.URL.Path, "err", err)
			}
			if sw, ok := w.(*statusWriter); ok && sw.status != 0 {
				return // streaming response already started
			}
			writeError(w, err)
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	return enc.Encode(v)
}
