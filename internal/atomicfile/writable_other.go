//go:build !unix

package atomicfile

import "io/fs"

// mayWrite says whether the file may be written in place: not when it is
// marked read-only.
func mayWrite(_ string, st fs.FileInfo) error {
	if st.Mode().Perm()&0o200 == 0 {
		return fs.ErrPermission
	}
	return nil
}
