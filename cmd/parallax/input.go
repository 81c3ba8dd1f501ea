package main

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/pipeline"
)

// newPipeline returns the pipeline a command reads its inputs with: the
// command's standard input for "-", and every input item skipped or kept
// without text printed to its standard error (and counted, for the exit
// status: pipeline.Err).
func newPipeline(e *env, opt pipeline.Options) *pipeline.Pipeline {
	opt.Stdin = e.stdin
	opt.OnProblem = func(what string, err error) { fmt.Fprintln(e.stderr, "parallax:", what, err) }
	return pipeline.New(opt)
}
