package main

import (
	"os"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/internal/unprivileged"
)

// lint, show and export read a lens from standard input ("-"), since
// they record nothing of where it came from (lens_unix_test.go: pipes).
func TestLensCommandsReadStreams(t *testing.T) {
	lens := opsLensFile(t)
	stdin := func(args ...string) (int, string, string) {
		io, out, errOut := testStreams()
		io.In = strings.NewReader(string(lens))
		return run(args, io), out.String(), errOut.String()
	}
	if code, out, errOut := stdin("lens", "lint", "-"); code != 0 || !strings.Contains(out, "-: 0 errors, 0 warnings") {
		t.Errorf("lint -: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := stdin("lens", "show", "-"); code != 0 || !strings.Contains(out, "OPS1") {
		t.Errorf("show -: exit %d\n%s%s", code, out, errOut)
	}
	_, want, _ := wafrIn(t, "lens", "export", "ops.yaml", "--json")
	if code, out, errOut := stdin("lens", "export", "-", "--json"); code != 0 || out != want {
		t.Errorf("export -: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := stdin("lens", "lint", "-", "ops.yaml", "-"); code != exitBadInput || !strings.Contains(errOut, "- (standard input) can be given once") {
		t.Errorf("lint - ops.yaml -: exit %d: %s", code, errOut)
	}
	// A review's lens cannot be standard input, and says so.
	if code, _, errOut := stdin("answer", "r.yaml", "OPS1", "--none", "--lens", "-"); code == 0 || !strings.Contains(errOut, "standard input cannot be a review's lens") {
		t.Errorf("answer --lens -: exit %d: %s", code, errOut)
	}
	// A lens that only the AWS limits refuse (no schemaVersion) says so,
	// read from stdin too.
	lens = []byte(strings.Replace(string(lens), "schemaVersion: \"2021-11-01\"\n", "", 1))
	os.WriteFile("aws-only.yaml", lens, 0o644)
	for _, args := range [][]string{{"lens", "export", "aws-only.yaml", "--aws"}, {"lens", "export", "-", "--aws"}} {
		if code, _, errOut := stdin(args...); code != exitBadInput || !strings.Contains(errOut, "the AWS Well-Architected Tool would refuse this lens:") {
			t.Errorf("%q: exit %d: %s", args, code, errOut)
		}
	}
}

// opsLensFile moves to a new folder, writes the built-in ops lens there as
// ops.yaml and returns its bytes.
func opsLensFile(t *testing.T) []byte {
	t.Helper()
	t.Chdir(t.TempDir())
	mustRun(t, "lens", "export", "builtin:ops", "--yaml", "-o", "ops.yaml")
	lens, err := os.ReadFile("ops.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return lens
}

// A lens wafr may not read stopped wafr, not the lens: lint and show exit
// 3 alike (wafr help exit-codes), and lint still names the file; a lens
// that is missing or has errors is bad input (2).
func TestLensUnreadableExits3(t *testing.T) {
	if unprivileged.Rerun(t) {
		return
	}
	lens := opsLensFile(t)
	os.WriteFile("secret.yaml", lens, 0o000)
	code, out, _ := wafrIn(t, "lens", "lint", "secret.yaml")
	if code != exitEnvironment || !strings.Contains(out, "secret.yaml: error: permission denied") {
		t.Errorf("lint: exit %d\n%s", code, out)
	}
	if code, _, _ := wafrIn(t, "lens", "lint", "ops.yaml", "secret.yaml"); code != exitEnvironment {
		t.Errorf("lint ops.yaml secret.yaml: exit %d", code)
	}
	if code, _, errOut := wafrIn(t, "lens", "show", "secret.yaml"); code != exitEnvironment {
		t.Errorf("show: exit %d: %s", code, errOut)
	}
	if code, _, _ := wafrIn(t, "lens", "lint", "missing.yaml"); code != exitBadInput {
		t.Errorf("lint missing.yaml: exit %d", code)
	}
}
