package filelock

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestMain lets the test binary act as a second process that takes the
// lock, so that exclusion is checked across processes, not goroutines.
func TestMain(m *testing.M) {
	if path := os.Getenv("FILELOCK_HOLD"); path != "" {
		release, err := Lock(path, 5*time.Second)
		if err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("locked\n")
		time.Sleep(300 * time.Millisecond)
		release()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Many writers that each read, add one line and write back lose nothing
// when they hold the lock.
func TestLockExcludes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "counter")
	os.WriteFile(path, nil, 0o644)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := Lock(path, 5*time.Second)
			if err != nil {
				t.Error(err)
				return
			}
			defer release()
			data, _ := os.ReadFile(path)
			time.Sleep(time.Millisecond)
			// Replace by rename, as real saves do: the lock must survive it.
			tmp := path + ".tmp"
			os.WriteFile(tmp, append(data, 'x'), 0o644)
			os.Rename(tmp, path)
		}()
	}
	wg.Wait()
	if data, _ := os.ReadFile(path); len(data) != 20 {
		t.Errorf("%d of 20 writes kept", len(data))
	}
}

// The lock file is beside the review, whatever TMPDIR says, and is gone
// once released: nothing is left for git to see.
func TestLockLeavesNothingBehind(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "review.yaml")
	os.WriteFile(path, []byte("x"), 0o644)
	t.Setenv("TMPDIR", filepath.Join(dir, "no-such-folder"))
	release, err := Lock(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".review.yaml"+Suffix)); err != nil {
		t.Errorf("lock file not beside the review: %v", err)
	}
	release()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "no-such-folder")); err == nil {
		t.Error("a mistyped TMPDIR was created")
	}
}

// Another process, with another TMPDIR, is locked out and times out.
func TestLockAcrossProcessesAndTmpdirs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "review.yaml")
	os.WriteFile(path, []byte("x"), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "FILELOCK_HOLD="+path, "TMPDIR="+t.TempDir())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	buf := make([]byte, 7)
	if _, err := out.Read(buf); err != nil || string(buf) != "locked\n" {
		t.Fatalf("helper did not lock: %q %v", buf, err)
	}
	if _, err := Lock(path, 50*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Errorf("second locker got %v, want a timeout", err)
	} else if !strings.Contains(err.Error(), path) {
		t.Errorf("message does not name the file: %v", err)
	}
	release, err := Lock(path, 5*time.Second) // once the helper lets go
	if err != nil {
		t.Fatal(err)
	}
	release()
}

// Two names of one file (a symlink) share one lock.
func TestLockFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "link.yaml")
	os.WriteFile(real, []byte("x"), 0o644)
	os.Symlink("real.yaml", link)
	release, err := Lock(real, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := Lock(link, 30*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Errorf("lock through the symlink: %v, want a timeout", err)
	}
}

// Where no lock file can be made, locking never stops a save.
func TestLockInUnwritableFolder(t *testing.T) {
	release, err := Lock(filepath.Join("/proc", "no-such-file"), time.Second)
	if err != nil {
		t.Fatalf("lock where nothing can be created: %v", err)
	}
	release()
}
