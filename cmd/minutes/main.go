// Command minutes turns Finnish municipal meeting minutes published with
// Dynasty into a searchable local archive. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(interruptContext(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// interruptContext is cancelled by the first Ctrl-C or SIGTERM, which lets a
// sync finish the item in hand and stop; a second Ctrl-C kills at once (the
// archive is transactional, so that is safe too).
func interruptContext() context.Context {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx
}
