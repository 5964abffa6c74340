//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// lockFile is the portable fallback: whoever creates the file holds the
// lock. A process that dies leaves the file behind; the ErrLocked message
// names the file so the user can remove it.
func lockFile(path string) (*FileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, lockedError(path, " (remove the file if no minutes process is running)")
	}
	if err != nil {
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	return &FileLock{f: f, path: path}, nil
}

// Close releases the lock by removing the file.
func (l *FileLock) Close() error {
	if l == nil || l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	f.Close()
	if err := os.Remove(l.path); err != nil {
		return fmt.Errorf("unlock archive %s: %w", l.path, err)
	}
	return nil
}
