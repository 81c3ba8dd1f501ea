// Package pipeline is the core library: it wires the stages, read → clean
// → analyze → cluster → compare, for every entry point, so that the CLI
// commands and the server read, clean and analyze alike. The commands only
// turn flags into its Options.
//
// A Pipeline reads inputs through ingest (every format, with the web
// formats of ingest/web), cleans them, analyzes them on every core and
// hands documents on in input order (Articles, Documents, Map); an item it
// cannot use is reported through Options.OnProblem and counted (Err), and
// never stops the run. Stories clusters a stream of articles one at a time
// for as long as it runs, through a bounded reorder buffer; GroupStories
// does the same for documents in hand. Comparison is compare.Compare on a
// story's documents.
//
// It may import every stage package and report; no stage imports it.
package pipeline
