// Package evaltest holds evaluations of the comparison stage on the shared
// benchmark data (../shared/bench), run through the real reading, cleaning
// and analysis stages. They skip when the data is absent. It has no
// non-test code.
package evaltest
