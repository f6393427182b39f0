package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// errNoSpace is what writing to /dev/full returns.
var errNoSpace = &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}

// fullWriter is stdout on a full disk: the first fails writes fail, then
// writes go to out (fails < 0: every write fails, as on /dev/full). It
// has no WriteString, which would bypass Write.
type fullWriter struct {
	fails int
	out   bytes.Buffer
}

func (w *fullWriter) Write(p []byte) (int, error) {
	if w.fails != 0 {
		w.fails--
		return 0, errNoSpace
	}
	return w.out.Write(p)
}

// Every command that prints to stdout reports a write that fails, and
// exits 3, rather than ending as if all went well.
func TestStdoutWriteErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--none")
	mustRun(t, "action", "add", "r.yaml", "OPS1", "--title", "first")
	for _, args := range [][]string{
		{"lens", "show", "builtin:ops"},
		{"lens", "lint", "builtin:ops"},
		{"lens", "list"},
		{"answer", "r.yaml", "OPS2", "--none"},
		{"milestone", "r.yaml", "m1"},
		{"action", "add", "r.yaml", "OPS2", "--title", "second"},
		{"action", "set", "r.yaml", "A1", "--status", "done"},
		{"action", "list", "r.yaml"},
		{"summary", "r.yaml"},
		{"report", "r.yaml"},
		{"history", "r.yaml"},
		{"diff", "r.yaml", "r.yaml"},
		// What cobra writes itself: the help, a help topic, the version.
		{"help", "exit-codes"},
		{"diff", "--help"},
		{},
		{"--version"},
	} {
		io, _, errOut := testStreams()
		io.Out = &fullWriter{fails: -1}
		code := run(args, io)
		if code != exitEnvironment || !strings.Contains(errOut.String(), "write /dev/stdout: no space left on device") {
			t.Errorf("wafr %s on a full stdout: exit %d, stderr %q; want 3 and the write error", strings.Join(args, " "), code, errOut)
		}
	}
}

// The closing lines of a review (wafr review, the host of wafr serve)
// report their first write that fails, though later ones go through.
func TestOutcomeWriteError(t *testing.T) {
	l, err := questions.Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	io, _, _ := testStreams()
	out := &fullWriter{fails: 1}
	io.Out = out
	err = printOutcome(io, "r.yaml", review.New(l, review.Workload{Name: "W"}), l, "")
	if err != errNoSpace {
		t.Errorf("printOutcome = %v, want %v (stdout: %q)", err, errNoSpace, out.out.String())
	}
}

// A session that ends says which set-aside files of answers (this
// session's or an earlier one's) are still beside the review, and how to
// see them, in the summary's language.
func TestOutcomeRemindsOfSetAsideAnswers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "r.yaml")
	for _, lens := range []string{"builtin:ops", "builtin:ops-ja"} {
		l, err := questions.Load(lens)
		if err != nil {
			t.Fatal(err)
		}
		io, _, errOut := testStreams()
		if err := printOutcome(io, file, review.New(l, review.Workload{Name: "W"}), l, ""); err != nil {
			t.Fatal(err)
		}
		if errOut.Len() != 0 {
			t.Errorf("%s: a reminder with nothing set aside: %q", lens, errOut)
		}
		for _, name := range []string{file + ".wafr-unsaved", file + ".wafr-unsaved-2"} {
			if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		io, _, errOut = testStreams()
		if err := printOutcome(io, file, review.New(l, review.Workload{Name: "W"}), l, ""); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"wafr diff " + file + " " + file + ".wafr-unsaved ", "wafr diff " + file + " " + file + ".wafr-unsaved-2 "} {
			if !strings.Contains(errOut.String(), want) {
				t.Errorf("%s: no reminder naming %q:\n%s", lens, want, errOut)
			}
		}
		if lens == "builtin:ops-ja" && !strings.Contains(errOut.String(), "注意") {
			t.Errorf("the Japanese reminder is not in Japanese:\n%s", errOut)
		}
		os.Remove(file + ".wafr-unsaved")
		os.Remove(file + ".wafr-unsaved-2")
	}
}
