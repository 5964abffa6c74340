// Package search is the text analysis behind the archive's full-text
// search, pure and usable without SQLite: how Finnish words become index keys
// (Key, Analyze), the query language (ParseQuery), how a compound meets its
// parts through an archive's vocabulary (Query.Expand) and snippets
// (Query.Snippet). package store turns a Query into SQLite FTS5 expressions
// and keeps the index; this package knows nothing of SQL.
//
// Keys: a word's key is its Snowball Finnish stem, tidied where Snowball
// leaves the inflected forms of one word apart (see Key). The index holds each
// text twice, as keys and as keys spelled backwards (Reverse), so that "words
// ending in sopimus" is a prefix query. A query word (PatternOf) matches its
// own forms exactly, compounds ending in it through the reversed keys, and,
// after Expand, compounds beginning with it and its parts written apart.
package search
