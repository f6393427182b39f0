//go:build linux || darwin

package lenscache

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

// fileID is a file's device and inode, and its change time.
func fileID(st os.FileInfo) (id string, changed time.Time, ok bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return "", time.Time{}, false
	}
	return fmt.Sprintf("%d:%d", sys.Dev, sys.Ino), changeTime(sys), true
}
