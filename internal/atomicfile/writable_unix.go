//go:build unix

package atomicfile

import (
	"io/fs"
	"syscall"
)

// mayWrite says whether the file may be written in place: not when no one
// may write it (a read-only mark is meant, even for root), nor when this
// user may not (the folder's rights would let a rename replace it anyway).
func mayWrite(path string, st fs.FileInfo) error {
	if st.Mode().Perm()&0o222 == 0 {
		return fs.ErrPermission
	}
	const wOK = 2 // access(2)'s W_OK
	if err := syscall.Access(path, wOK); err != nil {
		return err
	}
	return nil
}
