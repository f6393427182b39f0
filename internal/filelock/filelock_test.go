package filelock

import (
	"errors"
	"fmt"
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
	if path := os.Getenv("FILELOCK_TRY"); path != "" {
		_, err := Lock(path, 100*time.Millisecond)
		fmt.Print(errors.Is(err, ErrTimeout), " ", err)
		os.Exit(0)
	}
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

// A symlink planted where the lock file goes is never followed: its target
// keeps its mode and is not created.
func TestLockNeverFollowsAPlantedSymlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "review.yaml")
	os.WriteFile(path, []byte("x"), 0o644)
	secret := filepath.Join(dir, "id_ed25519")
	os.WriteFile(secret, []byte("key"), 0o600)
	os.Symlink(secret, filepath.Join(dir, ".review.yaml"+Suffix))
	if _, err := Lock(path, 100*time.Millisecond); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("lock through a symlink: %v", err)
	}
	if st, _ := os.Stat(secret); st.Mode().Perm() != 0o600 {
		t.Errorf("the symlink's target is now %v", st.Mode().Perm())
	}
	dangling := filepath.Join(dir, "elsewhere")
	os.Remove(filepath.Join(dir, ".review.yaml"+Suffix))
	os.Symlink(dangling, filepath.Join(dir, ".review.yaml"+Suffix))
	Lock(path, 100*time.Millisecond)
	if _, err := os.Stat(dangling); err == nil {
		t.Error("a dangling symlink's target was created")
	}
}

// A lock file that exists but cannot be opened is waited for, never worked
// around by locking something else: the writers would not exclude each
// other. (Root opens any file, so the test drops that power with setpriv.)
func TestLockFileWeCannotOpenIsWaitedFor(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "review.yaml")
	os.WriteFile(path, []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, ".review.yaml"+Suffix), nil, 0o000)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if os.Geteuid() == 0 {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("setpriv is not installed (util-linux): root cannot be kept out of a file without it")
		}
		cmd = exec.Command(setpriv, "--bounding-set=-dac_override,-dac_read_search", os.Args[0], "-test.run=^$")
	}
	cmd.Env = append(os.Environ(), "FILELOCK_TRY="+path)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "true ") {
		t.Errorf("got %q (%v), want a timeout", out, err)
	}
}
