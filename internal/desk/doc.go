// Package desk is the story desk's core: it takes articles through the
// pipeline into a durable Store and clusters them into stories one at a
// time, keeping the clusterer's state in the store so that a later run
// (`parallax ingest` again, or `parallax serve`) goes on where the last
// one stopped.
//
// The Store interface is the desk's: it says what the desk needs and each
// backend implements it in a package of its own (store/sqlite), checked by
// the shared suite in desk/storetest. Ingest commits in batches: each
// transaction holds the batch's articles, the assignments made so far and
// the clusterer's state, so a run killed at any moment loses nothing that
// was committed, and the next run completes the work with nothing stored
// twice.
//
// It may import news, cluster and pipeline; the store backends import it.
package desk
