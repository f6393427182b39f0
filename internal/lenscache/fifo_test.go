//go:build unix

package lenscache

import (
	"os"
	"syscall"
	"testing"
	"time"
)

// A FIFO in an entry's place is a miss at once, not a read that waits.
func TestFIFOEntry(t *testing.T) {
	s := store(t, "b")
	s.Put("k", payload(10))
	path := s.path("k")
	os.Remove(path)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan bool)
	go func() {
		_, ok := s.Get("k")
		done <- ok
	}()
	select {
	case ok := <-done:
		if ok {
			t.Fatal("a FIFO was read as an entry")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Get waits on a FIFO")
	}
}
