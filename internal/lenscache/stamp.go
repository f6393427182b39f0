package lenscache

import (
	"fmt"
	"os"
	"time"
)

// stampSettle is how long a file's times must lie in the past for its stamp
// to vouch for its content: a write within the file system's timestamp
// resolution of the last one could leave every field as it was.
const stampSettle = 2 * time.Second

// Stamp names a file as it is now by its device, inode, size and
// modification and change times (the change time is set by the system on
// every write and cannot be set back by a program), once both times are
// stampSettle old; false otherwise, or where the system does not give a
// change time.
func (s *Store) Stamp(path string) (string, bool) {
	if s == nil {
		return "", false
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	id, changed, ok := fileID(st)
	if !ok {
		return "", false
	}
	latest := st.ModTime()
	if changed.After(latest) {
		latest = changed
	}
	if time.Since(latest) < s.settle {
		return "", false
	}
	return fmt.Sprintf("%s:%d:%d:%d", id, st.Size(), st.ModTime().UnixNano(), changed.UnixNano()), true
}
