package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "minutes.db")
	l, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if l.Path() != path+".lock" {
		t.Errorf("lock file %s, want %s.lock", l.Path(), path)
	}
	_, err = Lock(path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Lock = %v, want ErrLocked", err)
	}
	if want := fmt.Sprintf("(pid %d)", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("ErrLocked message %q does not name the holder %s", err, want)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	l2, err := Lock(path)
	if err != nil {
		t.Fatalf("Lock after Close: %v", err)
	}
	l2.Close()
}

// TestLockHeldByOtherProcess runs this test binary again as a lock holder,
// then checks the lock is refused while it runs and free once it is killed
// without any chance to clean up.
func TestLockHeldByOtherProcess(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" && !strings.HasSuffix(runtime.GOOS, "bsd") {
		t.Skip("a killed holder releases the lock only where flock exists")
	}
	path := filepath.Join(t.TempDir(), "minutes.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLockHolder$")
	cmd.Env = append(os.Environ(), "MINUTES_LOCK_HOLDER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe() // the holder exits when this closes
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "locked" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("holder said %q, %v", line, err)
	}
	_, err = Lock(path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), fmt.Sprintf("(pid %d)", cmd.Process.Pid)) {
		t.Errorf("Lock while another process holds it = %v, want ErrLocked naming pid %d", err, cmd.Process.Pid)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	l, err := Lock(path)
	if err != nil {
		t.Fatalf("Lock after the holder died: %v", err)
	}
	l.Close()
}

// TestHelperLockHolder is not a test: TestLockHeldByOtherProcess runs it in
// a child process to hold the lock until stdin closes.
func TestHelperLockHolder(t *testing.T) {
	path := os.Getenv("MINUTES_LOCK_HOLDER")
	if path == "" {
		t.Skip("helper process only")
	}
	l, err := Lock(path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString('\n')
	l.Close()
	os.Exit(0)
}

// A lock file that is a symbolic link is refused and the file it points at
// is left as it was.
func TestLockRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	if err := os.WriteFile(victim, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "a.db")
	if err := os.Symlink(victim, db+".lock"); err != nil {
		t.Skip("no symlinks here:", err)
	}
	l, err := Lock(db)
	if err == nil {
		l.Close()
		t.Fatal("Lock through a symlink succeeded")
	}
	if !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("error %q does not say what is wrong", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the symlink's target was written: %q", b)
	}
}
