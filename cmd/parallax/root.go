package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"
)

// env is what every subcommand gets from the process: streams and the
// context. Tests build their own.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Compare how news outlets report the same events",
		Long: `Parallax reads news articles (text, JSON lines, HTML, feeds, WARC), groups the ones
that report the same real-world event into stories, and shows for each story what
every outlet agrees on, what only some report, and where numbers, quotes and named
people differ.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(
		newAnalyzeCmd(e),
		newClusterCmd(e),
		newExtractCmd(e),
		newFetchCmd(e),
		newCompareCmd(e),
		newIngestCmd(e),
		newFeedsCmd(e),
		newExportCmd(e),
		newServeCmd(e),
	)
	return root.ExecuteContext(ctx)
}
