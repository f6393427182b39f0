package review

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file that is not a review says what it is: a lens, with the command to
// review with it, or Markdown, JSON, other YAML. The position points at the
// evidence where there is one.
func TestNotAReviewFile(t *testing.T) {
	awsLens, err := os.ReadFile(filepath.Join("..", "testdata", "aws", "minified-escapes.json"))
	if err != nil {
		t.Fatal(err)
	}
	builtin, err := os.ReadFile(filepath.Join("..", "questions", "lenses", "ops.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, file, doc string
		want            string // the whole message
	}{
		{"wafr lens", "ops.yaml", string(builtin),
			"ops.yaml:1:1: not a wafr review file: this file is a lens (it has schemaVersion at the top level); to review with it, run: wafr review review.yaml --lens ops.yaml"},
		{"lens with pillars only", "lenses/my lens.yaml", "name: x\npillars: []\n",
			"lenses/my lens.yaml:2:1: not a wafr review file: this file is a lens (it has pillars at the top level); to review with it, run: wafr review review.yaml --lens 'lenses/my lens.yaml'"},
		{"AWS lens yaml.v3 cannot parse", "Amazon_Lens.json", string(awsLens),
			"Amazon_Lens.json:1:3: not a wafr review file: this file is a lens (it has schemaVersion at the top level); to review with it, run: wafr review review.yaml --lens Amazon_Lens.json"},
		{"lens named review.yaml", "review.yaml", "schemaVersion: \"2021-11-01\"\n",
			"review.yaml:1:1: not a wafr review file: this file is a lens (it has schemaVersion at the top level); to review with it, run: wafr review my-review.yaml --lens review.yaml"},
		{"markdown", "PLAN.md", "# Improvement plan\n\nOwner: alice\n",
			`PLAN.md: not a wafr review file: it looks like Markdown; a review file is YAML that starts with "wafr: 1" (wafr review review.yaml starts one)`},
		{"markdown that does not parse", "notes", "# Notes\n\nWe met: it: went well\n",
			`notes: not a wafr review file: it looks like Markdown; a review file is YAML that starts with "wafr: 1" (wafr review review.yaml starts one)`},
		{"other yaml", "ci.yaml", "on: push\njobs: {}\nenv: {}\nname: ci\nruns: x\n",
			`ci.yaml:1:1: not a wafr review file: it looks like a YAML mapping with the keys "on", "jobs", "env", "name" and 1 more; a review file is YAML that starts with "wafr: 1" (wafr review review.yaml starts one)`},
		{"json list", "x.json", "[1, 2]",
			`x.json:1:1: not a wafr review file: it looks like a JSON list; a review file is YAML that starts with "wafr: 1" (wafr review review.yaml starts one)`},
		{"text", "x.txt", "just words\n",
			`x.txt:1:1: not a wafr review file: it looks like plain text; a review file is YAML that starts with "wafr: 1" (wafr review review.yaml starts one)`},
		{"text that does not parse", "x.txt", "words\nkey: [\n",
			`x.txt:2:4: not a wafr review file: it looks like text that does not parse as YAML (mapping values are not allowed in this context); a review file is YAML that starts with "wafr: 1" (wafr review review.yaml starts one)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.file, []byte(c.doc))
			var le *LoadError
			if !errors.As(err, &le) || !errors.Is(err, ErrNotReview) {
				t.Fatalf("got %v, want a LoadError wrapping ErrNotReview", err)
			}
			if got := le.Error(); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// Review files with mistakes keep their precise messages: they are not
// "not a review file".
func TestBrokenReviewIsStillAReview(t *testing.T) {
	for _, doc := range []string{
		"wafr: 1\nworkload: [\n",                 // syntax error in a review
		"workload: {name: x}\nlens: {id: ops}\n", // lost its wafr line
		"wafr: 1\nlens: {id: ops}\nschemaVersion: x\n",
		"",
		"\x00",
	} {
		if _, err := Parse("r.yaml", []byte(doc)); err == nil || errors.Is(err, ErrNotReview) {
			t.Errorf("%q: %v", doc, err)
		}
	}
	if _, err := Parse("r.yaml", []byte("wafr: 1\nlens: {id: ops}\n")); err != nil {
		t.Errorf("a minimal review: %v", err)
	}
	if !strings.Contains(ErrNotReview.Error(), "not a wafr review file") {
		t.Error(ErrNotReview)
	}
}
