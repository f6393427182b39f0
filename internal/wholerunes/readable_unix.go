//go:build unix

package wholerunes

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// readable waits up to d for f to have input, and reports whether it has.
func readable(f *os.File, d time.Duration) bool {
	fds := []unix.PollFd{{Fd: int32(f.Fd()), Events: unix.POLLIN}}
	for {
		n, err := unix.Poll(fds, int(d.Milliseconds()))
		if err == unix.EINTR {
			continue
		}
		return err == nil && n > 0
	}
}
