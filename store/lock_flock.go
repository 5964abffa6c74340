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
	// O_NOFOLLOW: a lock file that is a symbolic link is refused, never
	// written through (it could point at any file the user can write).
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("lock archive: %s is a symbolic link; remove it (minutes makes its own lock file there)", path)
		}
		return nil, fmt.Errorf("lock archive: %w", err)
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("lock archive: %s is not a regular file; remove it (minutes makes its own lock file there)", path)
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
