package lenscache

import (
	"syscall"
	"time"
)

func changeTime(st *syscall.Stat_t) time.Time { return time.Unix(st.Ctim.Unix()) }

// localFileSystem reports whether path lies on a local disk file system
// that keeps change times: ext2/3/4, XFS, Btrfs, ZFS, F2FS, tmpfs or an
// overlay of these (a container's).
func localFileSystem(path string) bool {
	var fs syscall.Statfs_t
	if syscall.Statfs(path, &fs) != nil {
		return false
	}
	switch uint32(fs.Type) {
	case 0xEF53, // ext2, ext3, ext4
		0x58465342, // XFS
		0x9123683E, // Btrfs
		0x2FC12FC1, // ZFS
		0xF2F52010, // F2FS
		0x01021994, // tmpfs
		0x794C7630: // overlayfs
		return true
	}
	return false
}
