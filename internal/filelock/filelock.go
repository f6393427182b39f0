// Package filelock gives one process at a time the right to rewrite a file.
//
// The lock is a hidden file beside the locked one (".NAME.wafr-lock"),
// locked with the operating system's advisory locks through
// github.com/gofrs/flock, and removed again on release. Beside the file
// rather than in a temporary folder, every writer finds the same lock
// whatever its TMPDIR or user; removed on release, it never shows in
// "git status" for longer than a save takes.
package filelock

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// ErrTimeout is returned when another process held the lock too long.
var ErrTimeout = errors.New("another wafr is writing this file")

// Suffix ends the name of every lock file.
const Suffix = ".wafr-lock"

// retryEvery is how often a waiting Lock tries again.
const retryEvery = 5 * time.Millisecond

// Lock takes the lock of the file at path (symlinks resolved, so every
// name of one file shares one lock), waiting up to timeout. Call the
// returned function to release it.
//
// When no lock file can be made beside the file (a folder we may not
// write), the file itself is locked instead; when that is impossible too,
// Lock returns a no-op release rather than an error: the lock must never
// be the reason a save of a writable file fails. Only waiting too long for
// another writer is an error.
func Lock(path string, timeout time.Duration) (release func(), err error) {
	target, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	lockPath := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+Suffix)
	release, err = acquire(ctx, lockPath, os.O_CREATE|os.O_RDONLY, true)
	if err == nil || errors.Is(err, context.DeadlineExceeded) {
		return release, wrap(path, err, timeout)
	}
	release, err = acquire(ctx, target, os.O_RDONLY, false)
	if err == nil || errors.Is(err, context.DeadlineExceeded) {
		return release, wrap(path, err, timeout)
	}
	return func() {}, nil
}

// acquire locks the file at p and checks, once locked, that p still names
// the locked file: a releasing process removes its lock file, and a waiter
// that locked the removed one must start again on the new one.
func acquire(ctx context.Context, p string, flag int, remove bool) (func(), error) {
	for {
		fl := flock.New(p, flock.SetFlag(flag), flock.SetPermissions(0o644))
		ok, err := fl.TryLockContext(ctx, retryEvery)
		if err != nil || !ok {
			fl.Close()
			if err == nil {
				err = ctx.Err()
			}
			return nil, err
		}
		held, herr := fl.Stat()
		now, nerr := os.Stat(p)
		if herr == nil && nerr == nil && os.SameFile(held, now) {
			if remove {
				// Readable by every user who shares the folder, whatever
				// this process's umask.
				os.Chmod(p, 0o644)
			}
			return func() {
				if remove {
					os.Remove(p) // before unlocking: see acquire
				}
				fl.Unlock()
			}, nil
		}
		fl.Unlock()
	}
}

func wrap(path string, err error, timeout time.Duration) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w (waited %v)", path, ErrTimeout, timeout)
	}
	return fmt.Errorf("lock %s: %w", path, err)
}
