//go:build unix

package filelock

import (
	"errors"
	"syscall"
)

// noFollow makes an open fail on a symlink rather than follow it.
const noFollow = syscall.O_NOFOLLOW

// locksUnsupported says the file system cannot lock files at all.
func locksUnsupported(err error) bool {
	return errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS)
}
