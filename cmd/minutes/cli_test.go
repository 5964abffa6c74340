package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// cliResult is what one run of the CLI printed and returned.
type cliResult struct {
	code           int
	stdout, stderr string
}

// runCLI runs the CLI end to end through run(...), as main does.
func runCLI(t *testing.T, ctx context.Context, args ...string) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(ctx, args, strings.NewReader(""), &out, &errOut)
	return cliResult{code: code, stdout: out.String(), stderr: errOut.String()}
}

// mustRun runs the CLI and fails the test unless it exits with want.
func mustRun(t *testing.T, want int, args ...string) cliResult {
	t.Helper()
	r := runCLI(t, context.Background(), args...)
	if r.code != want {
		t.Fatalf("minutes %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
	return r
}

func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "archive", "minutes.db")
}

func TestUsageErrorsExit2(t *testing.T) {
	db := tempDB(t)
	mustRun(t, exitUsage, "--db", db, "nosuchcommand")
	mustRun(t, exitUsage, "--db", db, "search", "x", "--since", "2023-02-30")
	mustRun(t, exitUsage, "--db", db, "export", "--until", "2023-13-01")
	mustRun(t, exitUsage, "--db", "", "stats")
	dir := t.TempDir()
	for _, cmd := range [][]string{{"stats"}, {"search", "x"}, {"sources", "add", "x", "https://x.test"}, {"sync"}} {
		r := mustRun(t, exitUsage, append([]string{"--db", dir}, cmd...)...)
		if !strings.Contains(r.stderr, "is a directory") {
			t.Errorf("%v on a directory: %s", cmd, r.stderr)
		}
	}
}
