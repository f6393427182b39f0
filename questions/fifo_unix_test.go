//go:build unix

package questions

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/lensgen"
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

// Where streams are read (lint, show, export), a FIFO is read like a file,
// waiting for its writer as cat would, and "-" reads Stdin; the lens's
// source is the name given.
func TestLensFromAStream(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo.yaml")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	lens := lensgen.YAML(1, 2, 3)
	go func() {
		time.Sleep(50 * time.Millisecond) // the reader is waiting by now
		os.WriteFile(path, lens, 0o644)
	}()
	l, err := LoadWith(path, Options{Streams: true})
	if err != nil || l.Source != path || l.QuestionCount() != 2 {
		t.Fatalf("FIFO: %v, %+v", err, l)
	}
	l, problems := Check("-", Options{Streams: true, Stdin: bytes.NewReader(lens)})
	if HasErrors(problems) || l.Source != "-" || l.QuestionCount() != 2 {
		t.Fatalf("stdin: %v", problems)
	}
	_, problems = Check("-", Options{Streams: true, Stdin: bytes.NewReader(make([]byte, MaxFileSize+1))})
	if len(problems) != 1 || !strings.Contains(problems[0].Msg, "larger than 10 MB") {
		t.Fatalf("stdin over the limit: %v", problems)
	}
}
