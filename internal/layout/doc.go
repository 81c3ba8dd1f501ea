// Package layout holds no code. Its test checks the direction of the
// dependencies between Parallax's packages: the stages import the domain
// types, the token stream and the lexicon and not each other; rendering
// never reaches back into analysis; only the pipeline, the commands and the
// server wire the stages together. A new package must be added to the
// test's table with what it may import.
package layout
