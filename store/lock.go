package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// FileLock is the writer lock of an archive. SQLite already serialises
// individual writes; this lock keeps two syncs from interleaving whole runs
// (and doubling the load on the sites they poll).
type FileLock struct {
	f    *os.File
	path string
}

// Lock takes the exclusive writer lock "<dbPath>.lock" without waiting. If
// another process holds it, the error wraps ErrLocked and names that
// process's pid when it could be read. The lock is released by Close, and
// by the operating system if the process dies (except on platforms without
// flock, where a stale lock file must be removed by hand).
func Lock(dbPath string) (*FileLock, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, fmt.Errorf("lock archive %s: %w", dbPath, err)
	}
	path := abs + ".lock"
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	l, err := lockFile(path)
	if err != nil {
		return nil, err
	}
	// The pid is only informative, for the message a second process gets.
	if err := l.f.Truncate(0); err == nil {
		l.f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return l, nil
}

// lockedError builds the ErrLocked error, naming the holder if known.
func lockedError(path, hint string) error {
	holder := ""
	if b, err := os.ReadFile(path); err == nil {
		if pid := strings.TrimSpace(string(b)); pid != "" {
			holder = " (pid " + pid + ")"
		}
	}
	return fmt.Errorf("archive lock %s is held by another minutes process%s%s: %w", path, holder, hint, ErrLocked)
}

// Path is the lock file's name.
func (l *FileLock) Path() string { return l.path }
