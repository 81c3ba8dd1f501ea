// Package desk is the story desk's core: it takes articles through the
// pipeline into a durable Store and clusters them into stories one at a
// time, keeping the clusterer's state in the store so that a later run
// (`parallax ingest` again, or `parallax serve`) goes on where the last
// one stopped.
//
// The Store interface is the desk's: it says what the desk needs and each
// backend implements it in a package of its own (store/sqlite), checked by
// the shared suite in desk/storetest. Ingest commits in batches: each
// transaction holds the batch's articles, and every few batches one also
// holds the assignments and stories made since the last such commit and
// the clusterer's state, so the saved state always goes with exactly the
// assignments stored. A run killed at any moment loses nothing that was
// committed: the next run clusters again the articles stored without an
// assignment, and completes the work with nothing stored twice.
//
// It may import news, cluster, pipe and pipeline; the store backends
// import it.
package desk
