package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// rawControl reports the first byte sequence that must never reach a
// terminal: ESC, BEL and other C0 controls but newline and tab, C1 controls
// and bidi overrides.
func rawControl(b []byte) string {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r < 0xa0,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
			return strings.ToValidUTF8(string(b[max(0, i-20):min(len(b), i+20)]), "?")
		}
		i += size
	}
	return ""
}

// Escape sequences in lens text, notes and names never reach the terminal
// raw: not in any text output, nor in error messages.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	lens, err := filepath.Abs(filepath.Join("..", "..", "testdata", "hostile", "lens.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	note := "note \x1b[31mred\x1b]52;c;ZXZpbA==\x07 \u009b1m \u202eevil"
	steps := [][]string{
		{"lens", "show", lens},
		{"lens", "lint", lens},
		{"lens", "lint", "--aws", lens},
		{"answer", "r.yaml", "HQ1", "--select", "HQ1_a", "--lens", lens, "--workload", "W\x1b[2J\u202e", "--notes", note, "--by", "me\x1b[5m"},
		{"answer", "r.yaml", "HQ1", "--select", "HQ1_\u202eb"},
		{"milestone", "r.yaml", "m\x1b[1m1"},
		{"summary", "r.yaml"},
		{"summary", "r.yaml", "r.yaml"},
		{"summary", "r.yaml", "--format", "md"},
		{"summary", "r.yaml", "--format", "lines"},
		{"history", "r.yaml"},
		{"history", "r.yaml", "--format", "md"},
		{"diff", "r.yaml@1", "r.yaml", "--all"},
		{"diff", "r.yaml@1", "r.yaml", "--format", "md"},
		{"report", "r.yaml"},
		{"report", "r.yaml", "--format", "csv"},
		{"answer", "r.yaml", "HQ\x1b[31m9", "--none"},            // error quoting the id
		{"answer", "r.yaml", "HQ1", "--select", "x\x1b]0;t\x07"}, // error quoting a choice
		{"lens", "show", "no\x1b[31msuch.yaml"},
	}
	for i, args := range steps {
		io, out, errOut := testStreams()
		code := run(args, io)
		// The last three steps are errors on purpose; the others must work,
		// or later steps would only exercise "no such file".
		want := 0
		if args[0] == "lens" && args[1] == "lint" && args[2] == "--aws" {
			want = 2 // an id with a bidi override is an error by AWS's rules
		}
		if i < len(steps)-3 && code != want {
			t.Fatalf("wafr %q: exit %d: %s", args, code, errOut)
		}
		for name, b := range map[string]*bytes.Buffer{"stdout": out, "stderr": errOut} {
			if bad := rawControl(b.Bytes()); bad != "" {
				t.Errorf("wafr %q (exit %d): raw control characters in %s near %q", args, code, name, bad)
			}
		}
	}
	// The Markdown plan escapes them too, and keeps the text.
	io, out, _ := testStreams()
	run([]string{"report", "r.yaml"}, io)
	if !strings.Contains(out.String(), "note \uFFFD\\[31mred") {
		t.Errorf("plan lost the note text:\n%s", out)
	}
	// A lens whose error message quotes hostile ids.
	os.WriteFile("bad.yaml", []byte("pillars:\n  - id: \"p\\e[31m\"\n    questions: [{id: \"q\\e]8;;x\\a\", choices: []}]\n"), 0o644)
	io, _, errOut := testStreams()
	if code := run([]string{"lens", "show", "bad.yaml"}, io); code != 2 || rawControl(errOut.Bytes()) != "" || !strings.Contains(errOut.String(), "no choices") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
