//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// mayWrite says whether this user may write the file (a file of another
// user's, a read-only file system); the folder's rights alone would let a
// rename replace it.
func mayWrite(path string) error {
	const wOK = 2 // access(2)'s W_OK
	return syscall.Access(path, wOK)
}

// keepOwner gives the new file the owner and group of the file it
// replaces, as far as this process may (root may give any; others may
// keep a group they belong to): a save by root, or by a member of a
// shared group, must not take the review from its owner.
func keepOwner(f *os.File, was fs.FileInfo) {
	st, ok := was.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		f.Chown(-1, int(st.Gid))
	}
}
