package review

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// LockTimeout is how long Lock waits for another writer.
const LockTimeout = 10 * time.Second

// ErrLocked is returned when another process held the lock too long.
var ErrLocked = errors.New("another wafr is writing this review file")

// Lock takes an exclusive lock on the review file at path, for a
// read-modify-write: two wafr processes (two 'wafr answer' runs, or the TUI
// and 'wafr answer') then never lose each other's answers. The lock is a
// file in the system's temporary folder, named after the review's real
// path, so nothing appears next to the review in git. Call the returned
// function to release it.
func Lock(path string) (unlock func(), err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	dir := filepath.Join(os.TempDir(), "wafr-locks")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	name := filepath.Join(dir, hex.EncodeToString(sum[:12])+".lock")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	deadline := time.Now().Add(LockTimeout)
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if ok {
			return func() { unlockFile(f); f.Close() }, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%s: %w (waited %v)", path, ErrLocked, LockTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
