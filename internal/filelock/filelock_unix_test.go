//go:build unix

package filelock

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"
)

// On a file system that cannot lock at all (flock fails with ENOLCK on
// NFS without a lock daemon), the save goes ahead, unlocked, and leaves
// no lock file behind; the lock is never why a save of a writable file
// fails.
func TestLockWhereFilesCannotBeLocked(t *testing.T) {
	for _, noLocks := range []error{syscall.ENOLCK, syscall.EOPNOTSUPP, syscall.ENOSYS} {
		dir := t.TempDir()
		path := filepath.Join(dir, "review.yaml")
		os.WriteFile(path, []byte("x"), 0o644)
		release, err := lock(path, time.Second, func(context.Context, *flock.Flock) (bool, error) { return false, noLocks })
		if err != nil {
			t.Fatalf("%v: %v", noLocks, err)
		}
		release()
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%v: left behind %v", noLocks, entries)
		}
	}
	// Any other failure is still an error.
	path := filepath.Join(t.TempDir(), "review.yaml")
	os.WriteFile(path, []byte("x"), 0o644)
	if _, err := lock(path, time.Second, func(context.Context, *flock.Flock) (bool, error) { return false, syscall.EIO }); err == nil {
		t.Error("an I/O error taking the lock was ignored")
	}
}
