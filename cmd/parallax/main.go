// Command parallax reads news articles from many outlets, groups the ones
// that report the same event into stories and compares how each outlet tells
// them. Run `parallax --help` for the subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "parallax:", err)
		os.Exit(1)
	}
}
