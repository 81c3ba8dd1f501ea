// Package web is the desk's web pages: server-rendered html/template pages
// over a Desk (the stories with a search box, one story, an outlet, the
// feeds), with htmx for live updates and in-place actions. Every page
// works without JavaScript; htmx only polls for new articles, searches as
// one types and removes a feed without a reload.
//
// The story page is report.WriteStory's view, the one `parallax compare
// --format html` writes to a file, so the CLI and the desk show one
// comparison. Desk is this package's: it says what the pages need, and the
// store implements it.
//
// Safety: every response carries a strict Content-Security-Policy
// (ContentSecurityPolicy: everything from the server itself, no inline
// script or style); all text goes through html/template's escaping and
// URLs that are not http(s) are never links; writes are refused across
// origins (net/http's CrossOriginProtection, from Sec-Fetch-Site and
// Origin) and need an anti-forgery token bound to a cookie, and with
// Options.Token set (a server bound beyond loopback, see NeedsToken) the
// desk's token too. The token check and the CSRF token are hand-written
// (an HMAC and a constant-time compare) rather than a library's: they are
// a few lines and no vetted module provides them.
//
// Assets are embedded with go:embed: assets/htmx.min.js is htmx 2.0.11
// from npm (htmx.org, `npm pack htmx.org@2`, dist/htmx.min.js unchanged),
// licensed 0BSD (Zero-Clause BSD: use, copy, modify and distribute for any
// purpose, no notice needed); web.css is ours; /assets/story.css is
// report.StoryCSS.
//
// It may import news, compare and report.
package web
