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

// terminalEnv is the test's environment as a terminal's: termenv takes CI
// (set by CI systems, .ci/run included) to mean no terminal, and COLORFGBG
// as the answer to its question.
func terminalEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "NO_COLOR", "TERM", "CI", "COLORFGBG", "CLICOLOR", "CLICOLOR_FORCE", "TERM_PROGRAM":
		default:
			env = append(env, kv)
		}
	}
	return append(env, "TERM=xterm-256color", "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
}

// The TUI asks the terminal for its background once at start-up, not once
// per renderer: each question is a round trip to the terminal, slow over
// a remote shell. This test is the terminal: on a pseudo-terminal of its
// own it answers the background and cursor queries as a terminal does,
// counts them until the first question is drawn, then quits with q.
func TestTUIAsksTheTerminalOnce(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(wafrBinary(t), "review", filepath.Join(dir, "r.yaml"), "--lens", "builtin:ops", "--workload", "W")
	cmd.Env = terminalEnv()
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

// A command that never draws on the terminal asks it nothing: bubbletea's
// package init asked every command's terminal for its background, which
// stalls 5 s where nothing answers (script, expect, CI runners with a pty)
// and leaves the question in the output. This test is such a terminal.
// The command still sees the TERM it was given (summary is in colour).
func TestOneShotCommandsAskTheTerminalNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	if out, err := exec.Command(wafrBinary(t), "answer", path, "OPS1", "--lens", "builtin:ops", "--workload", "W", "--none").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, args := range [][]string{{"--version"}, {"lens", "list"}, {"summary", path}, {"report", path, "--format", "json"}} {
		out := runOnPty(t, terminalEnv(), args...)
		if asksTheTerminal(out) {
			t.Errorf("wafr %v asked the terminal a question:\n%q", args, out)
		}
		if args[0] == "summary" && !bytes.Contains(out, []byte("\x1b[1m")) {
			t.Errorf("wafr summary on a terminal is not in colour (TERM not given back?):\n%q", out)
		}
	}
}

// Without colour (NO_COLOR, or TERM=dumb: an editor's shell buffer, which
// shows escape codes as text), the plan drawn on a terminal needs nothing
// of it, so it is not asked for its background (where nothing answers,
// the question stalls 5 s and stays in the output), and no command writes
// an escape code.
func TestNoColourAsksNothingAndWritesNoEscapes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	if out, err := exec.Command(wafrBinary(t), "answer", path, "OPS1", "--lens", "builtin:ops", "--workload", "W", "--none").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, env := range []string{"NO_COLOR=1", "TERM=dumb"} {
		for _, args := range [][]string{{"report", path}, {"summary", path}, {"diff", path, path}, {"action", "list", path}} {
			out := runOnPty(t, append(terminalEnv(), env), args...)
			if asksTheTerminal(out) {
				t.Errorf("%s wafr %v asked the terminal a question:\n%q", env, args, out)
			}
			if bytes.Contains(out, []byte("\x1b[")) {
				t.Errorf("%s wafr %v wrote escape codes:\n%q", env, args, out)
			}
			if len(bytes.TrimSpace(out)) == 0 {
				t.Errorf("%s wafr %v wrote nothing", env, args)
			}
		}
	}
}

// asksTheTerminal says whether out holds termenv's questions: the
// background colour, or the cursor position it asks alongside.
func asksTheTerminal(out []byte) bool {
	return bytes.Contains(out, []byte("\x1b]11;?")) || bytes.Contains(out, []byte("\x1b[6n"))
}

// runOnPty runs wafr with args on a pseudo-terminal that answers nothing
// (as script, expect or a CI runner's pty) and returns what it wrote.
func runOnPty(t *testing.T, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(wafrBinary(t), args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	var out bytes.Buffer
	read := make(chan struct{})
	go func() { out.ReadFrom(f); close(read) }()
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("wafr %v: %v", args, err)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("wafr %v never ended", args)
	}
	f.Close()
	<-read
	return out.Bytes()
}
