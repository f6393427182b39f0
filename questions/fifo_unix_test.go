//go:build unix

package questions

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A FIFO named as a lens (a hand-edited source, --lens <(...)) is refused
// at once, never waited on, and never recorded: the next command could not
// read it again.
func TestLensThatIsAPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo.yaml")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Load(path); done <- err }()
	err := <-done // a blocking open would hang here until the test times out
	if err == nil || !strings.Contains(err.Error(), "is not a regular file (a pipe or a device)") {
		t.Errorf("got %v", err)
	}
}
