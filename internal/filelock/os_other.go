//go:build !unix

package filelock

import (
	"errors"
)

// noFollow is not needed where symlinks need privileges to make.
const noFollow = 0

// locksUnsupported says the file system cannot lock files at all.
func locksUnsupported(err error) bool { return errors.Is(err, errors.ErrUnsupported) }
