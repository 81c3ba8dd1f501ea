// Package sqlite is the embedded backend of desk.Store and poll.FeedStore
// (feeds.go): one SQLite file
// (modernc.org/sqlite, pure Go, so CGO_ENABLED=0 builds) in WAL mode, with
// busy_timeout and synchronous=NORMAL set in the DSN. Writes go through a
// pool of one connection, so transactions queue in Go instead of failing
// with SQLITE_BUSY; reads go through a pool of read-only connections that
// run beside the writer (PocketBase's arrangement).
//
// The schema is versioned: migrations/NNNN_*.sql are applied in order,
// each in one transaction that also records its number in schema_version,
// so a newer binary upgrades an older file when it opens it and refuses a
// file newer than itself. Titles and texts are indexed with FTS5.
//
// A step a file has not recorded is applied even when a higher one is
// (branches number their steps ahead of each other's).
//
// SQL dialect details stay in this package; it may import desk, poll and
// news.
package sqlite
