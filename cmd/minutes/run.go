package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/minutes-fi/minutes/store"
)

// Exit codes, decided in one place (exitCode) and documented in the README.
const (
	exitOK          = 0
	exitError       = 1   // the command could not do its job
	exitUsage       = 2   // bad flags or arguments
	exitPartial     = 3   // sync: some sources failed, the others were synced
	exitBusy        = 4   // sync, reparse: another writer holds the archive
	exitInterrupted = 130 // stopped by Ctrl-C / SIGTERM
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// app carries what every command needs: streams, environment, clock and
// logger. Commands never touch os.Stdout or os.Getenv directly, so tests run
// the whole CLI through run(...).
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	stdoutTTY      bool
	stderrTTY      bool
	log            *slog.Logger

	dbPath   string // --db
	logLevel string // --log-level
}

// usageError marks errors in the user's flags or arguments (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitError carries a specific exit code with an error already reported.
type codeError struct {
	code int
	err  error
}

func (e codeError) Error() string { return e.err.Error() }
func (e codeError) Unwrap() error { return e.err }

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{
		stdin:     stdin,
		stdout:    stdout,
		stderr:    stderr,
		getenv:    os.Getenv,
		now:       time.Now,
		stdoutTTY: isTerminal(stdout),
		stderrTTY: isTerminal(stderr),
	}
	return a.run(ctx, args)
}

func (a *app) run(ctx context.Context, args []string) int {
	root := a.newRootCmd()
	root.SetArgs(args)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	code := exitCode(ctx, err)
	if err != nil && !errors.As(err, new(codeError)) {
		fmt.Fprintf(a.stderr, "minutes: %s\n", termSafe(err.Error()))
		if code == exitUsage {
			fmt.Fprintln(a.stderr, "Run 'minutes --help' for usage.")
		}
	}
	return code
}

func exitCode(ctx context.Context, err error) int {
	var ce codeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce):
		return ce.code
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return exitInterrupted
	case errors.As(err, new(usageError)):
		return exitUsage
	case strings.HasPrefix(err.Error(), "unknown command "):
		// cobra's own error for a mistyped command has no type to match.
		return exitUsage
	default:
		return exitError
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (a *app) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "minutes",
		Short: "A searchable archive of Finnish municipal meeting minutes",
		Long: `minutes polls the Dynasty decision-publishing sites of Finnish municipalities,
welfare areas and joint authorities, parses every meeting item into a structured
decision (body, date, §, diary number, proposal, decision, outcome, votes, …) and
keeps it, raw page included, in a local SQLite archive.

Typical use:
  minutes sources add --known virolahti kemijarvi   register sources
  minutes sync                                      fetch what is new (run it from cron)
  minutes sync --backfill --since 2023-01-01        reach older meetings too
  minutes parse --json page.html                    parse a saved page

The archive is at $XDG_DATA_HOME/minutes/minutes.db unless --db or MINUTES_DB
says otherwise.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if f := cmd.Flags().Lookup("db"); f != nil && f.Changed && strings.TrimSpace(a.dbPath) == "" {
				return usagef("--db needs a file name (leave it out for the default archive)")
			}
			return a.setup()
		},
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().StringVar(&a.dbPath, "db", "", "archive file (default $MINUTES_DB, else $XDG_DATA_HOME/minutes/minutes.db)")
	root.PersistentFlags().StringVar(&a.logLevel, "log-level", "warn", "diagnostics on stderr: debug, info, warn or error")
	root.AddCommand(
		a.newSourcesCmd(),
		a.newSyncCmd(),
		a.newParseCmd(),
		a.newSearchCmd(),
		a.newApprovedCmd(),
		a.newShowCmd(),
		a.newExportCmd(),
		a.newStatsCmd(),
		a.newReparseCmd(),
		a.newWatchCmd(),
		a.newReportCmd(),
	)
	return root
}

// setup builds the logger once flags are known.
func (a *app) setup() error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(a.logLevel)); err != nil {
		return usagef("--log-level %q: want debug, info, warn or error", a.logLevel)
	}
	a.setLogLevel(level)
	return nil
}

// setLogLevel (re)builds the logger for diagnostics at level and above.
func (a *app) setLogLevel(level slog.Level) {
	a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
}

// archivePath resolves the archive file: --db, then MINUTES_DB, then the
// XDG default.
func (a *app) archivePath() (string, error) {
	p := a.dbPath
	if p == "" {
		p = strings.TrimSpace(a.getenv("MINUTES_DB"))
	}
	if p == "" {
		return store.DefaultPath(a.getenv)
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return "", usagef("archive %s is a directory; give the archive file, such as %s", p, filepath.Join(p, "minutes.db"))
	}
	return p, nil
}

// lockArchive takes the archive's writer lock and opens it, for the commands
// that write (sync, reparse): a second writer stops at once with exit 4.
func (a *app) lockArchive(ctx context.Context) (*store.DB, *store.FileLock, error) {
	path, err := a.archivePath()
	if err != nil {
		return nil, nil, err
	}
	_, statErr := os.Stat(path + ".lock")
	lock, err := store.Lock(path)
	if errors.Is(err, store.ErrLocked) {
		return nil, nil, codeErrorf(a, exitBusy, "another 'minutes sync' or 'minutes reparse' is writing %s; this one stops without touching it", path)
	}
	if err != nil {
		return nil, nil, err
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		lock.Close()
		if errors.Is(statErr, os.ErrNotExist) {
			// Not an archive after all (a user's other file, a folder we
			// cannot write): the lock file made for it goes again.
			os.Remove(lock.Path())
		}
		return nil, nil, err
	}
	return db, lock, nil
}

// openArchive opens (creating if needed) the archive for writing.
func (a *app) openArchive(ctx context.Context) (*store.DB, string, error) {
	path, err := a.archivePath()
	if err != nil {
		return nil, "", err
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return nil, path, err
	}
	return db, path, nil
}
