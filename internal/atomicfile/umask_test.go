//go:build unix

package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A new file gets the mode the umask gives any new file: private under a
// strict umask, not always 0644.
func TestNewFilesFollowTheUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, write := range []func(string, []byte) error{Write, WriteNew} {
		path := filepath.Join(dir, fmt.Sprint("f", len(dir)))
		os.Remove(path)
		if err := write(path, []byte("x")); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Errorf("new file is %v under umask 077", st.Mode().Perm())
		}
		os.Remove(path)
	}
}
