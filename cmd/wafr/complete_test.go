package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Completion on bad files completes nothing: it never fails, panics or
// writes. Every completing position is tried on every file.
func TestCompletionOnBadFiles(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{
		"binary.yaml": "\x7fELF\x00\x01",
		"empty.yaml":  "",
		"deep.yaml":   "a: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
		"lens.yaml":   "schemaVersion: \"2021-11-01\"\nname: x\npillars: []\n",
		"broken.yaml": "wafr: 1\nanswers: [\n",
		"gone.yaml":   "wafr: 1\nlens: {id: ops, source: ./nowhere.json}\nactions: [{id: A1, question: p/q, status: open}]\nmilestones: [{name: m, recordedAt: 2026-01-01T00:00:00Z, lens: {id: ops}}]\n",
	}
	for name, content := range files {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir("folder.yaml", 0o755); err != nil {
		t.Fatal(err)
	}
	before := listDir(t)
	directive := regexp.MustCompile(`(?m)^:\d+$`)
	names := append(slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	}), "folder.yaml", "missing.yaml", "-")
	for _, f := range names {
		for _, args := range [][]string{
			{"answer", f, ""},
			{"answer", f, "OPS1", "--select", ""},
			{"answer", f, "p/q", "--select", "a,"},
			{"action", "add", f, ""},
			{"action", "add", f, "OPS1", "--choice", ""},
			{"action", "set", f, ""},
			{"diff", side(f, "@x"), ""},
			{"diff", "a", side(f, "@")},
			{"summary", f, "--at", ""},
			{"report", f, "--at", ""},
		} {
			io, out, errOut := testStreams()
			if code := run(append([]string{"__complete"}, args...), io); code != 0 {
				t.Errorf("%q: exit %d, stderr %s", args, code, errOut)
			}
			if !directive.MatchString(out.String()) {
				t.Errorf("%q: no directive in %q", args, out)
			}
		}
	}
	if after := listDir(t); !slices.Equal(before, after) {
		t.Errorf("completion changed the folder:\n%v\n%v", before, after)
	}
}

// side is a diff side for file: FILE@..., or - alone (which cannot take a
// milestone, and "-@" would read as a flag).
func side(file, at string) string {
	if file == "-" {
		return file
	}
	return file + at
}

func listDir(t *testing.T) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err == nil {
			info, _ := d.Info()
			out = append(out, path+" "+info.ModTime().String())
		}
		return nil
	})
	return out
}

// A completion function that panics completes nothing.
func TestCompletionGuard(t *testing.T) {
	f := guard(func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) { panic("bug") })
	if out, d := f(nil, nil, ""); out != nil || d != cobra.ShellCompDirectiveNoFileComp {
		t.Errorf("got %v %v", out, d)
	}
}
