//go:build unix

package atomicfile

import "syscall"

// mayWrite says whether this user may write the file (a file of another
// user's, a read-only file system); the folder's rights alone would let a
// rename replace it.
func mayWrite(path string) error {
	const wOK = 2 // access(2)'s W_OK
	return syscall.Access(path, wOK)
}
