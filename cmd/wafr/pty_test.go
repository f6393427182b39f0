package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The TUI asks the terminal for its background once at start-up, not once
// per renderer: each question is a round trip to the terminal, slow over
// a remote shell. This test is the terminal: on a pseudo-terminal of its
// own it answers the background and cursor queries as a terminal does,
// counts them until the first question is drawn, then quits with q.
func TestTUIAsksTheTerminalOnce(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(wafrBinary(t), "review", filepath.Join(dir, "r.yaml"), "--lens", "builtin:ops", "--workload", "W")
	// A terminal's environment: termenv takes CI (set by CI systems, .ci/run
	// included) to mean no terminal, and COLORFGBG as the answer.
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "NO_COLOR", "TERM", "CI", "COLORFGBG", "CLICOLOR", "CLICOLOR_FORCE", "TERM_PROGRAM":
		default:
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "TERM=xterm-256color", "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer f.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	var seen bytes.Buffer
	queries, drawn := 0, false
	chunks := make(chan []byte)
	go func() {
		for {
			buf := make([]byte, 4096)
			n, err := f.Read(buf)
			if n > 0 {
				chunks <- buf[:n]
			}
			if err != nil {
				close(chunks)
				return
			}
		}
	}()
	deadline := time.After(20 * time.Second)
	for !drawn {
		select {
		case chunk, ok := <-chunks:
			if !ok {
				t.Fatalf("wafr ended before drawing a question:\n%q", seen.String())
			}
			seen.Write(chunk)
			if n := bytes.Count(chunk, []byte("\x1b]11;?")); n > 0 {
				queries += n
				f.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\"))
			}
			if bytes.Contains(chunk, []byte("\x1b[6n")) {
				f.Write([]byte("\x1b[1;1R"))
			}
			drawn = bytes.Contains(seen.Bytes(), []byte("OPS1"))
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("no question drawn:\n%q", seen.String())
		}
	}
	f.Write([]byte("q"))
	go func() {
		for range chunks {
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("q did not end the TUI")
	}
	if queries != 1 {
		t.Fatalf("the terminal was asked for its background %d times before the first question, want once", queries)
	}
}
