// Package entity knows the things news talks about and the many names they
// go by. It holds the knowledge base (countries, capitals and cities,
// international organisations, government bodies, office holders), the
// language-aware name keys under which transliteration variants meet
// ("Loekasjenko", "Lukaschenko", "Loukachenko", "Лукашенко"), a gazetteer
// recogniser and the Linker that gives every mention in an article an
// entity ID, and a Registry that learns variants of names the knowledge base
// does not know.
package entity
