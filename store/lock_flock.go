//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockFile uses flock(2): the kernel drops the lock when the process dies,
// so a crashed sync never leaves the archive locked. The file itself stays;
// removing it on Close would let a third process lock a different inode.
func lockFile(path string) (*FileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, lockedError(path, "")
		}
		return nil, fmt.Errorf("lock archive %s: %w", path, err)
	}
	return &FileLock{f: f, path: path}, nil
}

// Close releases the lock.
func (l *FileLock) Close() error {
	if l == nil || l.f == nil {
		return nil
	}
	f := l.f
	l.f = nil
	if err := f.Close(); err != nil { // closing the descriptor drops the flock
		return fmt.Errorf("unlock archive %s: %w", l.path, err)
	}
	return nil
}
