package lenscache

import (
	"fmt"
	"io/fs"
	"time"
)

// stampSettle is how long a file's times must lie in the past for its stamp
// to vouch for its content: a write within the file system's timestamp
// resolution of the last one could leave every field as it was.
const stampSettle = 2 * time.Second

// Stamp names the file at path, whose information st is, by its device,
// inode, size and modification and change times (the change time is set
// by the system on every write, and no program can set it back), once
// both times are stampSettle old. There is none (false) for a file on a
// file system not known to keep those times truthfully and at once: a
// network file system answers from attributes it cached, and FAT and many
// FUSE file systems have no change time of their own. Nor where the system
// gives no change time.
func (s *Store) Stamp(path string, st fs.FileInfo) (string, bool) {
	if s == nil || st == nil || !st.Mode().IsRegular() {
		return "", false
	}
	id, changed, ok := fileID(st)
	if !ok || !localFileSystem(path) {
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
