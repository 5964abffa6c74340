package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// An archive shared read-only (file and folder not writable by the reader)
// answers every read command, and the reader leaves no -wal, -shm or .lock
// file beside it. Root ignores file permissions, so under root the reads run
// in a child process with the nobody user's credentials.
func TestReadOnlyArchive(t *testing.T) {
	src := standardArchive(t)
	dir, err := os.MkdirTemp("", "minutes-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Chmod(dir, 0o755)
		os.RemoveAll(dir)
	})
	db := filepath.Join(dir, "minutes.db")
	copyFile(t, src, db)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		readOnlyReads(t, db)
	} else {
		// The test binary sits in a folder only root may enter: a copy
		// nobody can run, in a folder nobody can enter.
		bin, err := os.MkdirTemp("", "minutes-ro-bin-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(bin) })
		exe := filepath.Join(bin, "minutes.test")
		copyFile(t, os.Args[0], exe)
		for _, p := range []string{bin, exe} {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(exe, "-test.run=^TestReadOnlyArchiveChild$", "-test.v")
		cmd.Dir = bin
		cmd.Env = append(os.Environ(), "MINUTES_RO_DB="+db, "HOME="+dir)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestReadOnlyArchiveChild") {
			t.Fatalf("reads as nobody: %v\n%s", err, out)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if strings.Join(names, " ") != "minutes.db" {
		t.Errorf("files beside the read-only archive after reading: %v", names)
	}
}

// TestReadOnlyArchiveChild is TestReadOnlyArchive's reader when it runs as
// root; it does nothing on its own.
func TestReadOnlyArchiveChild(t *testing.T) {
	db := os.Getenv("MINUTES_RO_DB")
	if db == "" {
		t.Skip("run by TestReadOnlyArchive")
	}
	if f, err := os.OpenFile(db, os.O_WRONLY, 0); err == nil {
		f.Close()
		t.Fatal("the archive is writable: the test would prove nothing")
	}
	readOnlyReads(t, db)
}

func readOnlyReads(t *testing.T, db string) {
	t.Helper()
	for _, args := range [][]string{
		{"search", "sopimus"},
		{"approved", "yhteistyösopimus"},
		{"stats"},
		{"export"},
		{"show", "virolahti/2023277-5"},
		{"sources", "list"},
	} {
		r := mustRun(t, exitOK, append([]string{"--db", db}, args...)...)
		if r.stdout == "" {
			t.Errorf("%v printed nothing; stderr %s", args, r.stderr)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
