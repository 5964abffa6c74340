package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkStartup runs the built command as a user does, a process per
// run: `minutes --version` is the start-up every command pays (package
// initialisation; the parser's patterns are compiled on first use, so the
// archive's read commands do not pay for them), and `minutes parse` of one
// real page adds the first page's reading (compiling the patterns it
// uses). Reports wall-clock time per process.
func BenchmarkStartup(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "minutes")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sites", "real-*", "meetingitem", "*.html"))
	if len(pages) == 0 {
		b.Fatal("no real site pages")
	}
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"version", []string{"--version"}},
		{"parse-one-page", []string{"parse", "--json", pages[0]}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command(bin, bc.args...).CombinedOutput(); err != nil {
					b.Fatalf("minutes %v: %v\n%s", bc.args, err, out)
				}
			}
		})
	}
}
