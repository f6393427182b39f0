package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/tui"
	"github.com/wafr-dev/wafr/workspace"
)

func TestExitCodeKinds(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{&review.LoadError{File: "r.yaml", Line: 3, Err: errors.New("bad")}, exitBadInput},
		{flagErrorf("--format x"), exitBadInput},
		{fmt.Errorf("r.yaml: %w", workspace.ErrLocked), exitEnvironment},
		{fmt.Errorf("r.yaml: %w", workspace.ErrStillChanging), exitEnvironment},
		{fmt.Errorf("%w: answers in r.yaml.wafr-unsaved", tui.ErrUnsaved), exitEnvironment},
		{&os.PathError{Op: "write", Path: "r.yaml", Err: syscall.ENOSPC}, exitEnvironment},
		{&os.PathError{Op: "open", Path: "r.yaml", Err: syscall.EACCES}, exitEnvironment},
		{fmt.Errorf("r.yaml: %w", workspace.ErrTooLarge), exitBadInput},
	}
	for _, c := range cases {
		if got := exitCode(c.err); got != c.want {
			t.Errorf("exitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}

// A review whose lock another wafr holds makes a command exit 3, saying so,
// and leaves the file alone.
func TestLockHeldExitsWithEnvironmentCode(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--none")
	before, _ := os.ReadFile("r.yaml")
	if _, err := exec.LookPath("flock"); err != nil {
		t.Skip("flock(1) is not installed")
	}
	holder := exec.Command("flock", ".r.yaml.wafr-lock", "sleep", "3")
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { holder.Process.Kill(); holder.Wait() }()
	for i := 0; i < 100; i++ { // until the holder has the lock file
		if _, err := os.Stat(".r.yaml.wafr-lock"); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	io, _, errOut := testStreams()
	io.ws.LockTimeout = 200 * time.Millisecond
	if code := run([]string{"answer", "r.yaml", "OPS2", "--none"}, io); code != exitEnvironment || !strings.Contains(errOut.String(), "another wafr is writing") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if after, _ := os.ReadFile("r.yaml"); string(after) != string(before) {
		t.Error("the file changed")
	}
}
