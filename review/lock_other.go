//go:build !unix

package review

import "os"

// Without flock, locking is a no-op; the TUI's change detection still
// prevents blind overwrites.
func tryLock(*os.File) (bool, error) { return true, nil }

func unlockFile(*os.File) {}
