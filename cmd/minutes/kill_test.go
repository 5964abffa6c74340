package main

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Tests that need the real program in its own process: killed with
// SIGKILL, or run under a file size limit.

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
	binaryDir  string
)

// minutesBinary builds the program once per test binary, pure Go as it
// ships (CGO_ENABLED=0).
func minutesBinary(t *testing.T) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("process tests are written for Linux")
	}
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "minutes-bin-")
		if binaryErr != nil {
			return
		}
		binaryPath = filepath.Join(binaryDir, "minutes")
		cmd := exec.Command("go", "build", "-o", binaryPath, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binaryErr = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

// TestSyncSurvivesSIGKILL kills a sync at random points, many times over:
// after every kill the archive passes the integrity checks, no item lacks
// its current revision and nothing stored before is lost; a last healthy
// run then brings every item to its newest version. Every other round the
// site publishes a new version of every item, so kills land among new
// items, new revisions and feed bookkeeping alike.
func TestSyncSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the real program; skipped with -short")
	}
	bin := minutesBinary(t)
	const items, rounds = 60, 15
	g := newGenSite(t, items)
	dbPath := tempDB(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("MINUTES_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (set MINUTES_KILL_SEED to repeat)", seed)
	rnd := rand.New(rand.NewPCG(seed, 5))

	var before archiveSnapshot
	killed := 0
	for round := 1; round <= rounds; round++ {
		if round%2 == 0 {
			g.version.Add(1)
		}
		cmd := exec.Command(bin, "--db", dbPath, "sync", "--source", g.base(),
			"--delay", "2ms", "--retries", "0", "--quiet", "--json")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := g.requests.Load()
		// Kill after a random number of requests plus a random few
		// milliseconds, so the kill lands in a request, in parsing or in
		// a database write.
		after := int64(rnd.IntN(items + 10))
		extra := time.Duration(rnd.IntN(4000)) * time.Microsecond
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var err error
	wait:
		for {
			select {
			case err = <-done:
				break wait
			case <-time.After(time.Millisecond):
				if g.requests.Load()-start >= after {
					time.Sleep(extra)
					cmd.Process.Kill()
					err = <-done
					break wait
				}
			}
		}
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signaled():
			killed++
		case err != nil && !errors.As(err, &ee):
			t.Fatalf("round %d: %v", round, err)
		case err != nil && ee.ExitCode() != exitOK:
			t.Fatalf("round %d: sync exited %d before the kill\n%s", round, ee.ExitCode(), stderr.String())
		}
		if strings.Contains(stderr.String(), "panic") {
			t.Fatalf("round %d: %s", round, stderr.String())
		}
		before = checkArchive(t, dbPath, before)
		if t.Failed() {
			t.Fatalf("round %d (killed after %d requests + %v): archive inconsistent", round, after, extra)
		}
	}
	t.Logf("%d of %d rounds killed mid-sync", killed, rounds)
	if killed < rounds/2 {
		t.Errorf("only %d of %d rounds were killed mid-sync; the test proves little", killed, rounds)
	}

	// The next run finishes the work.
	sum := syncJSON(t, context.Background(), exitOK, "--db", dbPath, "--source", g.base(), "--retries", "0")
	after := checkArchive(t, dbPath, before)
	if n := len(after.itemsOf(g.base())); n != items {
		t.Errorf("%d items in the archive after the healthy run, want %d (%+v)", n, items, sum.Sources[0])
	}
	raw := rawDB(t, dbPath)
	want := "Päivitetty versio " + strconv.Itoa(int(g.version.Load())+1) + "."
	var stale int
	if err := raw.QueryRow(`SELECT count(*) FROM items i JOIN revisions r ON r.id = i.current_revision_id
		WHERE instr(r.text, ?) = 0`, want).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Errorf("%d items are not at the newest version (%q) after the healthy run", stale, want)
	}
	// A run after that has nothing to do.
	sum = syncJSON(t, context.Background(), exitOK, "--db", dbPath, "--source", g.base(), "--retries", "0")
	if r := sum.Sources[0]; r.New+r.Changed+r.Failed != 0 {
		t.Errorf("a run after the healthy one still found work: %+v", r)
	}
}

// TestSyncDiskFull runs a sync whose archive files may not grow past a
// limit (RLIMIT_FSIZE with SIGXFSZ ignored, so writes fail with EFBIG the
// way they fail on a full disk): it must end with a clear error, no panic,
// the archive intact, and a later run with room completes the work.
func TestSyncDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real program; skipped with -short")
	}
	bin := minutesBinary(t)
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("needs bash for ulimit")
	}
	g := newGenSite(t, 120)
	small := newFixtureSite(t, "kphva")
	dbPath := tempDB(t)
	syncJSON(t, context.Background(), exitOK, "--db", dbPath, "--source", small.base())
	before := snapshot(t, dbPath)
	fi, err := os.Stat(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	// Room for the existing file and a little more: a few items fit, the
	// 120 items' revisions do not.
	limitKiB := fi.Size()/1024 + 512
	cmd := exec.Command(bash, "-c", `trap '' XFSZ; ulimit -f "$1"; exec "$2" --db "$3" sync --source "$4" --delay 0 --retries 0 --quiet`,
		"sh", strconv.FormatInt(limitKiB, 10), bin, dbPath, g.base())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() <= 0 {
		t.Fatalf("sync into a full disk: %v, want a failure exit\n%s", err, stderr.String())
	}
	msg := stderr.String()
	t.Logf("exit %d, stderr:\n%.600s", ee.ExitCode(), msg)
	if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine ") {
		t.Errorf("panic on a full disk:\n%s", msg)
	}
	// ENOSPC reads "database or disk is full"; EFBIG, which the limit
	// gives, reads "disk I/O error". Either way the source must say, once,
	// that it stopped because the disk is full.
	if !strings.Contains(msg, "archive cannot be written") || !strings.Contains(msg, "disk full") || strings.Count(msg, "disk I/O error") > 1 {
		t.Errorf("the error should say the archive could not be written:\n%.2000s", msg)
	}
	if n := g.itemFetches.Load(); n >= 100 {
		t.Errorf("%d item pages fetched after the archive filled up; the source should stop", n)
	}
	mid := checkArchive(t, dbPath, before)
	t.Logf("%d of 120 items stored before the limit", len(mid.itemsOf(g.base())))

	sum := syncJSON(t, context.Background(), exitOK, "--db", dbPath, "--source", g.base(), "--retries", "0")
	after := checkArchive(t, dbPath, before)
	if n := len(after.itemsOf(g.base())); n != 120 {
		t.Errorf("with room again: %d items, want 120 (%+v)", n, sum.Sources[0])
	}
}
