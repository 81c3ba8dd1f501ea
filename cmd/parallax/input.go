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
	return pipeline.New(pipelineOptions(e, opt))
}

// pipelineOptions returns opt reading "-" from the command's standard
// input and printing problems to its standard error, as newPipeline's.
func pipelineOptions(e *env, opt pipeline.Options) pipeline.Options {
	opt.Stdin = e.stdin
	opt.OnProblem = func(what string, err error) { fmt.Fprintln(e.stderr, "parallax:", what, err) }
	return opt
}
