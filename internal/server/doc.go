// Package server is the desk's HTTP side: the JSON API over a store's
// reads (stories, articles, search, outlets), its OpenAPI document,
// /healthz and Prometheus metrics at /metrics; Options.Pages, when set,
// takes every other path (serve mounts the web pages there). It is safe by default: it
// listens on loopback unless told otherwise, every write (the feeds
// handler mounted through Options.Feeds) needs the bearer token when it is
// bound beyond loopback, every list is one bounded page, request bodies and
// queries have size limits, every connection has timeouts, and article
// text is only ever served as JSON string data (application/json, with
// nosniff), never as markup.
//
// The OpenAPI document is written by hand (openapi.json, embedded): a
// generator would add a dependency for six routes; a test checks that
// every route is documented and every documented route exists.
//
// It may import desk and report.
package server
