package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/workspace"
)

func testStreams() (*ioStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &ioStreams{
		In: strings.NewReader(""), Out: &out, ErrOut: &errOut,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) },
		ws:     workspace.New(),
	}, &out, &errOut
}

// Flags reach the options unchanged (argv -> opts through runF).
func TestAnswerFlags(t *testing.T) {
	io, _, _ := testStreams()
	var got *answerOptions
	cmd := newAnswerCmd(io, func(o *answerOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"r.yaml", "ops/OPS1", "--select", "a,b", "--notes", "", "--by", "me", "--lens", "x.json", "--workload", "W"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.file != "r.yaml" || got.question != "ops/OPS1" || strings.Join(got.selectIDs, "|") != "a,b" ||
		!got.notesSet || got.notes != "" || got.by != "me" || got.lens != "x.json" || got.workload != "W" {
		t.Errorf("opts = %+v", got)
	}
}

func TestLensLintFlags(t *testing.T) {
	io, _, _ := testStreams()
	var got *lensLintOptions
	cmd := newLensLintCmd(io, func(o *lensLintOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--aws", "--strict", "a.json", "builtin:ops"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.aws || !got.strict || strings.Join(got.lenses, " ") != "a.json builtin:ops" {
		t.Errorf("opts = %+v", got)
	}
}

func TestExitCodes(t *testing.T) {
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"lens", "list"}, 0, ""},
		{[]string{"lens", "show", "builtin:nope"}, 2, "no built-in lens"},
		{[]string{"bogus"}, 2, `unknown command "bogus"`},
		{[]string{"answer", "only-one-arg"}, 2, `give a review file and a question id (got 1 argument: "only-one-arg"): wafr answer FILE QUESTION`},
	}
	for _, c := range cases {
		io, _, errOut := testStreams()
		if got := run(c.args, io); got != c.code || !strings.Contains(errOut.String(), c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d with %q", c.args, got, errOut, c.code, c.err)
		}
	}
}

func TestAuthor(t *testing.T) {
	io, _, _ := testStreams()
	if got := io.author("given"); got != "given" {
		t.Errorf("author(given) = %q", got)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Chdir(t.TempDir())
	io.Getenv = func(k string) string {
		if k == "USER" {
			return "fromenv"
		}
		return ""
	}
	if got := io.author(""); got != "fromenv" {
		t.Errorf("author() = %q, want $USER", got)
	}
	gitconfig := filepath.Join(t.TempDir(), "gitconfig")
	os.WriteFile(gitconfig, []byte("[user]\n\tname = Git Person\n"), 0o644)
	t.Setenv("GIT_CONFIG_GLOBAL", gitconfig)
	io, _, _ = testStreams() // git is asked once per process
	if got := io.author(""); got != "Git Person" {
		t.Errorf("author() = %q, want git's user.name", got)
	}
}

func TestReviewNeedsATerminal(t *testing.T) {
	io, _, errOut := testStreams()
	if code := run([]string{"review", filepath.Join(t.TempDir(), "r.yaml")}, io); code != 2 || !strings.Contains(errOut.String(), "needs a terminal") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	// A terminal that cannot move its cursor (TERM=dumb, an editor's
	// shell buffer) would get escape codes for a screen.
	io, _, errOut = testStreams()
	io.InTTY, io.OutTTY = true, true
	io.Getenv = func(k string) string { return map[string]string{"TERM": "dumb"}[k] }
	if code := run([]string{"review", filepath.Join(t.TempDir(), "r.yaml")}, io); code != 2 || !strings.Contains(errOut.String(), "TERM is dumb") {
		t.Errorf("TERM=dumb: exit %d, stderr %q", code, errOut)
	}
	io, _, errOut = testStreams()
	if code := run([]string{"review", "--environment", "moon"}, io); code != 2 || !strings.Contains(errOut.String(), "use production or pre-production") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestReviewFlags(t *testing.T) {
	io, _, _ := testStreams()
	var got *reviewOptions
	cmd := newReviewCmd(io, func(o *reviewOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--lens", "builtin:ops", "--by", "me", "--workload", "W", "--owner", "team", "--environment", "pre-production"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.file != "review.yaml" || got.lens != "builtin:ops" || got.by != "me" || got.workload != "W" || got.owner != "team" || got.environment != "pre-production" {
		t.Errorf("opts = %+v", got)
	}
	if env, err := parseEnvironment(got.environment); err != nil || env != "PREPRODUCTION" {
		t.Errorf("environment %q %v", env, err)
	}
}
