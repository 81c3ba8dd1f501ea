// Package token splits text into words with byte offsets and folds them for
// matching. It is the shared low-level text layer of the analysis, cluster and
// compare stages: a hand-written scanner rather than a Unicode segmentation
// library because it runs on every byte of every article and must not
// allocate per word.
package token
