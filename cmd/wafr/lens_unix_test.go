//go:build unix

package main

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// lint reads a lens from a pipe (a FIFO here, as <(...) gives), waiting
// for its writer; a review's --lens is still refused one, since the review
// records its lens's source to read it again.
func TestLensCommandsReadPipes(t *testing.T) {
	lens := opsLensFile(t)
	fifo := "lens.fifo"
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	go os.WriteFile(fifo, lens, 0o644) // waits for the reader, as a process substitution does
	if code, out, errOut := wafrIn(t, "lens", "lint", fifo); code != 0 || !strings.Contains(out, fifo+": 0 errors, 0 warnings") {
		t.Errorf("lint FIFO: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut := wafrIn(t, "answer", "r.yaml", "OPS1", "--none", "--lens", fifo)
	if code == 0 || !strings.Contains(errOut, "is not a regular file (a pipe or a device)") {
		t.Errorf("answer --lens FIFO: exit %d: %s", code, errOut)
	}
	// export --aws reads a pipe once, even to say the AWS tool would
	// refuse the lens (it used to open the pipe again, and wait forever).
	awsOnly := strings.Replace(string(lens), "schemaVersion: \"2021-11-01\"\n", "", 1) // only the AWS limits refuse it
	go os.WriteFile(fifo, []byte(awsOnly), 0o644)
	done := make(chan string, 1)
	go func() { _, _, errOut := wafrIn(t, "lens", "export", fifo, "--aws"); done <- errOut }()
	select {
	case errOut := <-done:
		if !strings.Contains(errOut, "the AWS Well-Architected Tool would refuse this lens:") {
			t.Errorf("export --aws FIFO: %s", errOut)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("export --aws of a FIFO is still waiting")
	}
}
