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
	"io/fs"
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
	return lock(path, timeout, tryLock)
}

// tryLock takes the lock of fl, trying until ctx is done.
func tryLock(ctx context.Context, fl *flock.Flock) (bool, error) {
	return fl.TryLockContext(ctx, retryEvery)
}

// lock is Lock with the way a lock is taken given, so that a file system
// without locks can be tested.
func lock(path string, timeout time.Duration, try func(context.Context, *flock.Flock) (bool, error)) (release func(), err error) {
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
	release, err = acquire(ctx, lockPath, true, try)
	switch {
	case locksUnsupported(err):
		// A file system without locks (NFS with no lock daemon, some
		// FUSE mounts): no writer can lock here, so not locking is no
		// worse, and the save goes ahead. The lock file goes with it.
		return func() { os.Remove(lockPath) }, nil
	case !errors.Is(err, errCannotCreate):
		return release, wrap(path, err, timeout)
	}
	// No lock file can be made here (a folder we may not write): lock the
	// file itself, which every writer in the same position does too.
	release, err = acquire(ctx, target, false, try)
	if err == nil || errors.Is(err, context.DeadlineExceeded) {
		return release, wrap(path, err, timeout)
	}
	return func() {}, nil
}

// errCannotCreate says the lock file is absent and cannot be created.
var errCannotCreate = errors.New("the lock file cannot be created")

// acquire locks the file at p and checks, once locked, that p still names
// the locked file: a releasing process removes its lock file, and a waiter
// that locked the removed one must start again on the new one. With own,
// p is a lock file of ours: made when missing, never followed through a
// symlink, and removed on release.
func acquire(ctx context.Context, p string, own bool, try func(context.Context, *flock.Flock) (bool, error)) (func(), error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if own {
			if err := makeLockFile(p); err != nil {
				return nil, err
			}
		}
		fl := flock.New(p, flock.SetFlag(os.O_RDONLY|noFollow))
		ok, err := try(ctx, fl)
		switch {
		case err != nil && own && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission)):
			// Removed by its releaser, or one we may not open (another
			// user's, made under a strict umask): try again until the
			// timeout rather than lock something else.
			fl.Close()
			time.Sleep(retryEvery)
			continue
		case err != nil || !ok:
			fl.Close()
			if err == nil {
				err = ctx.Err()
			}
			return nil, err
		}
		held, herr := fl.Stat()
		now, nerr := os.Lstat(p)
		if herr == nil && nerr == nil && now.Mode().IsRegular() && os.SameFile(held, now) {
			return func() {
				if own {
					os.Remove(p) // before unlocking: see acquire
				}
				fl.Unlock()
			}, nil
		}
		fl.Unlock()
	}
}

// makeLockFile creates the lock file if it is missing, readable by every
// user who shares the folder whatever this process's umask. It never
// follows a symlink, and refuses anything but a regular file there.
func makeLockFile(p string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o644)
	switch {
	case err == nil:
		f.Chmod(0o644) // through the descriptor of the file we made
		return f.Close()
	case errors.Is(err, fs.ErrExist):
		st, lerr := os.Lstat(p)
		if lerr == nil && !st.Mode().IsRegular() {
			return fmt.Errorf("the lock file %s is not a regular file (a symlink?): remove it", p)
		}
		return nil
	}
	return fmt.Errorf("%w: %v", errCannotCreate, err)
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
