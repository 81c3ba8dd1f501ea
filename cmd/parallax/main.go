// Command parallax reads news articles from many outlets, groups the ones
// that report the same event into stories and compares how each outlet tells
// them. Run `parallax --help` for the subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// stopSignals end a run cleanly: the context is cancelled and commands
// write out what they have (fetch flushes the articles it fetched). SIGTERM
// is what a service manager or `timeout` sends, SIGINT what Ctrl-C does.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "parallax:", err)
		os.Exit(1)
	}
}
