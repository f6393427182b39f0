package questions

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/wafr-dev/wafr/internal/lensgen"
)

// lensYAML wraps one question's YAML (indented for the questions list) in a
// valid lens.
func lensYAML(question string) string {
	return `schemaVersion: "2021-11-01"
name: Test
description: A lens for tests.
pillars:
  - id: pil
    name: Pillar
    questions:
` + question
}

const goodQuestion = `      - id: QA1
        title: A question?
        description: Why it matters.
        choices:
          - {id: QA1_a, title: Practice A}
          - {id: QA1_b, title: Practice B}
          - {id: QA1_no, title: None of these}
        riskRules:
          - {condition: QA1_a && QA1_b, risk: NO_RISK}
          - {condition: QA1_a, risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
`

// withRules is the good lens with other risk rules for QA1.
func withRules(rules ...string) string {
	q := goodQuestion[:strings.Index(goodQuestion, "        riskRules:")] + "        riskRules:\n"
	for _, r := range rules {
		q += "          - " + r + "\n"
	}
	return lensYAML(q)
}

// twoPillars uses question id QA1 in two pillars.
var twoPillars = lensYAML(goodQuestion) + `  - id: second
    name: Second pillar
    questions:
` + goodQuestion

type wantProblem struct {
	sev       Severity
	line, col int // 0: not checked
	where     string
	msg       string
}

func TestValidGoodLens(t *testing.T) {
	l, problems := Parse("t.yaml", []byte(lensYAML(goodQuestion)), Options{AWS: true})
	if len(problems) != 0 || l == nil {
		t.Fatalf("problems: %v", problems)
	}
	if l.Digest == "" || !strings.HasPrefix(l.Digest, "sha256:") {
		t.Errorf("digest %q", l.Digest)
	}
}

func TestValidationProblems(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		aws  bool
		want wantProblem
	}{
		{"syntax", "pillars: [\n", false, wantProblem{Error, 0, 0, "lens", "did not find expected"}},
		{"not a mapping", "- a\n- b\n", false, wantProblem{Error, 1, 1, "lens", "expected a mapping for the lens, found a list"}},
		{"no pillars", "name: x\ndescription: y\n", false, wantProblem{Error, 1, 1, "lens", "no pillars"}},
		{"pillars wrong type", "name: x\npillars: 3\n", false, wantProblem{Error, 2, 10, "lens", "expected a list for pillars, found a number"}},
		{"question without choices", lensYAML(`      - id: QA1
        title: T
        description: D
        riskRules: [{condition: default, risk: HIGH_RISK}]
`), false, wantProblem{Error, 8, 9, "pil/QA1", "no choices"}},
		{"duplicate choice", lensYAML(`      - id: QA1
        title: T
        description: D
        choices:
          - {id: QA1_a, title: A}
          - {id: QA1_a, title: A again}
        riskRules: [{condition: default, risk: HIGH_RISK}]
`), false, wantProblem{Error, 13, 13, "pil/QA1/QA1_a", `duplicate choice id "QA1_a"`}},
		{"duplicate question in pillar", lensYAML(goodQuestion + goodQuestion), false,
			wantProblem{Error, 19, 9, "pil/QA1", `duplicate question id "QA1" in pillar "pil"`}},
		{"duplicate pillar", `name: x
description: y
pillars:
  - {id: pil, name: P, questions: []}
  - {id: pil, name: P, questions: []}
`, false, wantProblem{Error, 5, 5, "pil", `duplicate pillar id "pil"`}},
		{"unknown risk", strings.Replace(lensYAML(goodQuestion), "MEDIUM_RISK", "MEDIUM", 1), false,
			wantProblem{Error, 17, 38, "pil/QA1", `unknown risk "MEDIUM"`}},
		{"condition does not parse", strings.Replace(lensYAML(goodQuestion), "QA1_a && QA1_b", "QA1_a && && QA1_b", 1), false,
			wantProblem{Error, 16, 34, "pil/QA1", "column 10: expected a choice id"}},
		{"condition names a missing choice", strings.Replace(lensYAML(goodQuestion), "QA1_a && QA1_b", "QA1_a && QA1_c", 1), false,
			wantProblem{Error, 16, 34, "pil/QA1", `no choice "QA1_c" in this question (its choices: QA1_a, QA1_b, QA1_no)`}},
		{"url not http", strings.Replace(lensYAML(goodQuestion), "{id: QA1_b, title: Practice B}",
			"{id: QA1_b, title: Practice B, improvementPlan: {displayText: x, url: 'javascript:alert(1)'}}", 1), false,
			wantProblem{Error, 13, 83, "pil/QA1/QA1_b", "is not an http(s) link"}},
		{"missing id", lensYAML(`      - title: T
        description: D
        choices: [{id: a_1, title: A}]
        riskRules: [{condition: default, risk: HIGH_RISK}]
`), false, wantProblem{Error, 8, 9, "pil", "the question has no id"}},
		{"rule without condition", strings.Replace(lensYAML(goodQuestion), "{condition: default, risk: HIGH_RISK}", "{risk: HIGH_RISK}", 1), false,
			wantProblem{Error, 18, 13, "pil/QA1", "no condition"}},
		{"wrong type for title", strings.Replace(lensYAML(goodQuestion), "title: A question?", "title: [a, b]", 1), false,
			wantProblem{Error, 9, 16, "pil/QA1", "expected a string for title, found a list"}},
		{"field twice", strings.Replace(lensYAML(goodQuestion), "title: A question?", "title: A\n        title: B", 1), false,
			wantProblem{Error, 10, 9, "pil/QA1", `field "title" appears twice`}},
		{"bad additionalResources type", strings.Replace(lensYAML(goodQuestion), "{id: QA1_b, title: Practice B}",
			"{id: QA1_b, title: Practice B, additionalResources: [{type: LINK, content: []}]}", 1), false,
			wantProblem{Error, 13, 73, "pil/QA1/QA1_b", `type "LINK" is not HELPFUL_RESOURCE or IMPROVEMENT_PLAN`}},

		// Warnings: the lens still loads.
		{"unknown field", strings.Replace(lensYAML(goodQuestion), "title: A question?", "title: A question?\n        tags: [x]", 1), false,
			wantProblem{Warning, 10, 9, "pil/QA1", `unknown field "tags" in a question`}},
		{"case-folded field", strings.Replace(lensYAML(goodQuestion), "{id: QA1_b, title: Practice B}",
			"{id: QA1_b, title: Practice B, helpfulResource: {displayText: x, Url: 'https://example.com'}}", 1), false,
			wantProblem{Warning, 13, 78, "pil/QA1/QA1_b", `field "Url" read as "url"`}},
		{"no default", strings.Replace(lensYAML(goodQuestion), "          - {condition: default, risk: HIGH_RISK}\n", "", 1), false,
			wantProblem{Warning, 17, 25, "pil/QA1", `no "default" rule at the end: ticking only "None of these" (QA1_no) matches no rule, so it scores HIGH`}},
		{"no default, every practice unmatched", withRules(`{condition: QA1_a && !QA1_b, risk: NO_RISK}`, `{condition: QA1_no, risk: HIGH_RISK}`, `{condition: QA1_b && !QA1_a, risk: MEDIUM_RISK}`), false,
			wantProblem{Warning, 18, 25, "pil/QA1", `no "default" rule at the end: ticking every practice matches no rule, so it scores HIGH`}},
		{"no default, some practices unmatched", withRules(`{condition: QA1_a && QA1_b, risk: NO_RISK}`, `{condition: QA1_no, risk: HIGH_RISK}`), false,
			wantProblem{Warning, 17, 25, "pil/QA1", `no "default" rule at the end: ticking only QA1_a matches no rule, so it scores HIGH`}},
		{"no default, a choice no rule names", withRules(`{condition: QA1_a, risk: NO_RISK}`, `{condition: QA1_no, risk: HIGH_RISK}`), false,
			wantProblem{Warning, 17, 25, "pil/QA1", `ticking only QA1_b matches no rule`}},
		{"same risk", withRules(`{condition: QA1_a, risk: MEDIUM_RISK}`, `{condition: default, risk: MEDIUM_RISK}`), false,
			wantProblem{Warning, 8, 9, "pil/QA1", "every answer scores MEDIUM: the rules cannot tell a good answer from a bad one"}},
		{"same risk, default only", withRules(`{condition: default, risk: HIGH_RISK}`), false,
			wantProblem{Warning, 8, 9, "pil/QA1", "every answer scores HIGH"}},
		{"same risk, unmatched", withRules(`{condition: QA1_a && !QA1_a, risk: NO_RISK}`), false,
			wantProblem{Warning, 8, 9, "pil/QA1", "every answer scores HIGH"}},
		{"rule can never fire", strings.Replace(lensYAML(goodQuestion), "{condition: QA1_a, risk: MEDIUM_RISK}", "{condition: QA1_a && QA1_b && QA1_a, risk: MEDIUM_RISK}", 1), false,
			wantProblem{Warning, 17, 25, "pil/QA1", "rule 2"}},
		{"rule contradiction never fires", strings.Replace(lensYAML(goodQuestion), "{condition: QA1_a, risk: MEDIUM_RISK}", "{condition: (QA1_b) && (!QA1_b), risk: MEDIUM_RISK}", 1), false,
			wantProblem{Warning, 17, 25, "pil/QA1", "can never fire"}},
		{"default shadowed", strings.Replace(lensYAML(goodQuestion), "{condition: QA1_a, risk: MEDIUM_RISK}", "{condition: '!QA1_a || !QA1_b', risk: MEDIUM_RISK}", 1), false,
			wantProblem{Warning, 18, 25, "pil/QA1", `rule 3 ("default" -> HIGH_RISK) can never fire`}},
		{"none not ending _no", strings.Replace(lensYAML(goodQuestion), "{id: QA1_no, title: None of these}", "{id: QA1_none, title: None of these}", 1), false,
			wantProblem{Warning, 14, 13, "pil/QA1/QA1_none", `does not end in "_no"`}},
		{"two _no choices", strings.Replace(lensYAML(goodQuestion), "{id: QA1_no, title: None of these}", "{id: QA1_no, title: None of these}\n          - {id: QA1_x_no, title: Not at all}", 1), false,
			wantProblem{Warning, 8, 9, "pil/QA1", "more than one"}},
		{"no question description", strings.Replace(lensYAML(goodQuestion), "        description: Why it matters.\n", "", 1), false,
			wantProblem{Warning, 8, 9, "pil/QA1", "no description"}},
		{"no lens description", strings.Replace(lensYAML(goodQuestion), "description: A lens for tests.\n", "", 1), false,
			wantProblem{Warning, 1, 1, "lens", "the lens has no description"}},
		{"NaN value", strings.Replace(lensYAML(goodQuestion), "description: Why it matters.", "description: .nan", 1), false,
			wantProblem{Warning, 10, 22, "pil/QA1", "NaN"}},
		{"AWS limit as warning", strings.Replace(lensYAML(goodQuestion), "title: Practice A", "title: "+strings.Repeat("x", 129), 1), false,
			wantProblem{Warning, 12, 13, "pil/QA1/QA1_a", "AWS limit: a choice title is at most 128 characters (it has 129)"}},
		{"AWS limit as error", strings.Replace(lensYAML(goodQuestion), "title: Practice A", "title: "+strings.Repeat("x", 129), 1), true,
			wantProblem{Error, 12, 13, "pil/QA1/QA1_a", "AWS limit: a choice title"}},
		{"AWS short id", strings.Replace(lensYAML(goodQuestion), "- id: QA1\n", "- id: QA\n", 1), true,
			wantProblem{Error, 8, 9, "pil/QA", "id is 3 to 128 characters"}},
		{"AWS schemaVersion", strings.Replace(lensYAML(goodQuestion), `"2021-11-01"`, `"2020-01-01"`, 1), true,
			wantProblem{Error, 1, 1, "lens", "only version AWS accepts"}},
		{"question id in two pillars", twoPillars, false,
			wantProblem{Warning, 22, 9, "second/QA1", `question id "QA1" is also used in pillar "pil": AWS addresses answers by question id alone`}},
		{"question id in two pillars, AWS", twoPillars, true,
			wantProblem{Error, 22, 9, "second/QA1", `question id "QA1" is also used in pillar "pil"`}},
		{"unsafe choice id", strings.Replace(lensYAML(goodQuestion), "          - {id: QA1_no,", "          - {id: \"QA1_\\u202ec\", title: C}\n          - {id: QA1_no,", 1), false,
			wantProblem{Warning, 14, 13, "pil/QA1/QA1_\u202ec", `AWS limit: the choice id "QA1_\u202ec" has a character (U+202E) other than A-Z, a-z, 0-9, '_' and '-'`}},
		{"unsafe question id, AWS", strings.ReplaceAll(lensYAML(goodQuestion), "- id: QA1\n", "- id: QA1.x\n"), true,
			wantProblem{Error, 8, 9, "pil/QA1.x", `the question id "QA1.x" has a character (U+002E)`}},
		{"a slash in an id", strings.ReplaceAll(lensYAML(goodQuestion), "- id: QA1\n", "- id: que/stion\n"), false,
			wantProblem{Error, 8, 9, "pil/que/stion", `the question id "que/stion" has a '/', which wafr uses between a pillar's and a question's id`}},
		{"unsafe pillar id", strings.ReplaceAll(lensYAML(goodQuestion), "id: pil\n", "id: pil lar\n"), false,
			wantProblem{Warning, 5, 5, "pil lar", `the pillar id "pil lar" has a character (U+0020)`}},
		{"AWS too many rules", strings.Replace(lensYAML(goodQuestion), "          - {condition: default, risk: HIGH_RISK}\n",
			"          - {condition: QA1_b, risk: MEDIUM_RISK}\n          - {condition: default, risk: HIGH_RISK}\n", 1), true,
			wantProblem{Error, 8, 9, "pil/QA1", "at most 3 risk rules (this one has 4)"}},
		{"AWS description length", strings.Replace(lensYAML(goodQuestion), "description: Why it matters.", "description: "+strings.Repeat("y", 2049), 1), true,
			wantProblem{Error, 8, 9, "pil/QA1", "a question description is at most 2048 characters"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, problems := Parse("t.yaml", []byte(c.doc), Options{AWS: c.aws, Lint: true})
			if !hasProblem(problems, c.want) {
				t.Fatalf("want %+v among:\n%s", c.want, problemList(problems))
			}
			if (l == nil) != (c.want.sev == Error) {
				t.Errorf("lens loaded = %v, want %v", l != nil, c.want.sev != Error)
			}
			for _, p := range problems {
				if p.Where == "" {
					t.Errorf("no WHERE: %s", p)
				}
			}
		})
	}
}

func hasProblem(ps []Problem, w wantProblem) bool {
	for _, p := range ps {
		if p.Severity == w.sev && strings.Contains(p.Msg, w.msg) && p.Where == w.where &&
			(w.line == 0 || (p.Line == w.line && p.Column == w.col)) && p.File == "t.yaml" {
			return true
		}
	}
	return false
}

func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	return b.String()
}

// Every problem is collected, not just the first.
func TestAllProblemsCollected(t *testing.T) {
	doc := lensYAML(`      - id: QA1
        title: T
        choices:
          - {id: QA1_a, title: A}
          - {id: QA1_a, title: A}
        riskRules:
          - {condition: QA1_zz, risk: NO_RISK}
          - {condition: default, risk: BAD}
      - id: Q2
        title: T
        choices: []
`)
	_, problems := Parse("t.yaml", []byte(doc), Options{})
	errs := filter(problems, Error)
	if len(errs) < 4 {
		t.Fatalf("want at least 4 errors, got:\n%s", problemList(problems))
	}
	for i := 1; i < len(problems); i++ {
		if problems[i].Line < problems[i-1].Line {
			t.Errorf("problems not in file order:\n%s", problemList(problems))
		}
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{File: "a.json", Line: 3, Column: 7, Severity: Error, Where: "p/q", Msg: "bad"}
	if got := p.String(); got != "a.json:3:7: error: p/q: bad" {
		t.Errorf("got %q", got)
	}
	p = Problem{File: "a.json", Severity: Warning, Msg: "whole file"}
	if got := p.String(); got != "a.json: warning: whole file" {
		t.Errorf("got %q", got)
	}
	p = Problem{File: "a.json", Line: 1, Column: 1, Severity: Warning, Where: WhereLens, Msg: "the lens has no name"}
	if got := p.String(); got != "a.json:1:1: warning: lens: the lens has no name" {
		t.Errorf("got %q", got)
	}
	le := &LoadError{File: "a.json", Problems: []Problem{{File: "a.json", Line: 1, Severity: Error, Msg: "x"}, {File: "a.json", Severity: Warning, Msg: "w"}}}
	if le.Error() != "a.json:1: error: x" {
		t.Errorf("LoadError = %q", le.Error())
	}
}

func TestAnalyze(t *testing.T) {
	l, _ := Parse("t.yaml", []byte(lensYAML(goodQuestion)), Options{})
	a := l.Pillars[0].Questions[0].Analyze()
	if !a.Checked || !a.Fires[0] || !a.Fires[1] || !a.Fires[2] || a.Unmatched {
		t.Errorf("analysis %+v", a)
	}
	for _, r := range []Risk{NoRisk, MediumRisk, HighRisk} {
		if !a.Reachable[r] {
			t.Errorf("%s not reachable", r)
		}
	}
}

func TestFileLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxFileSize + 1) // sparse: costs no disk
	f.Close()
	_, problems := Check(big, Options{})
	if len(problems) != 1 || !strings.Contains(problems[0].Msg, "lens files are at most 10 MB") {
		t.Errorf("big file: %v", problems)
	}
	// AWS's 500 KB limit: a warning, and an error with --aws.
	data := lensgen.YAML(10, 20, 15)
	if len(data) <= 500<<10 {
		t.Fatalf("generated lens is only %d bytes", len(data))
	}
	_, problems = Parse("gen.yaml", data, Options{AWS: true})
	if !hasProblem(renamed(problems, "t.yaml"), wantProblem{sev: Error, where: "lens", msg: "AWS limit: a lens file is at most 500 KB"}) {
		t.Errorf("no 500 KB error:\n%s", problemList(problems))
	}
	for _, name := range []string{"dir"} {
		os.Mkdir(filepath.Join(dir, name), 0o755)
		_, problems = Check(filepath.Join(dir, name), Options{})
		if len(problems) != 1 || !strings.Contains(problems[0].Msg, "is a directory") {
			t.Errorf("directory: %v", problems)
		}
	}
}

func renamed(ps []Problem, file string) []Problem {
	out := append([]Problem(nil), ps...)
	for i := range out {
		out[i].File = file
	}
	return out
}

// The rule analysis runs only with Options.Lint; without it the lens is the
// same, with the same warnings but those of the analysis.
func TestLintOption(t *testing.T) {
	doc := withRules(`{condition: QA1_a, risk: MEDIUM_RISK}`, `{condition: QA1_a && QA1_b, risk: NO_RISK}`)
	cheap, cheapProblems := Parse("t.yaml", []byte(doc), Options{})
	full, fullProblems := Parse("t.yaml", []byte(doc), Options{Lint: true})
	if cheap == nil || full == nil || cheap.Digest != full.Digest {
		t.Fatalf("lens differs: %v %v", cheapProblems, fullProblems)
	}
	analysis := []string{"can never fire", `no "default" rule`}
	for _, msg := range analysis {
		if hasProblem(cheapProblems, wantProblem{sev: Warning, where: "pil/QA1", msg: msg}) {
			t.Errorf("without Lint: %q found:\n%s", msg, problemList(cheapProblems))
		}
		if !hasProblem(fullProblems, wantProblem{sev: Warning, where: "pil/QA1", msg: msg}) {
			t.Errorf("with Lint: no %q:\n%s", msg, problemList(fullProblems))
		}
	}
	if len(fullProblems) != len(cheapProblems)+len(analysis) || len(full.Warnings) != len(fullProblems) {
		t.Errorf("cheap:\n%sfull:\n%s", problemList(cheapProblems), problemList(fullProblems))
	}
	// A lens loaded cheaply still gives every lint warning on demand.
	if got := cheap.LintWarnings(); !reflect.DeepEqual(got, full.Warnings) {
		t.Errorf("LintWarnings:\n%swant:\n%s", problemList(got), problemList(full.Warnings))
	}
	if len(cheap.Warnings) != len(cheapProblems) || !reflect.DeepEqual(full.LintWarnings(), full.Warnings) {
		t.Error("LintWarnings changed the lens or ran the analysis twice")
	}
}

// A question whose rules have errors is not analysed: what is left of its
// rules would give false warnings ("every answer scores UNANSWERED").
func TestNoAnalysisOfBrokenRules(t *testing.T) {
	doc := withRules(`{condition: "QA1_a &&", risk: NO_RISK}`, `{condition: default, risk: SEVERE}`)
	_, problems := Parse("t.yaml", []byte(doc), Options{Lint: true})
	for _, p := range problems {
		if p.Severity == Warning && p.Where == "pil/QA1" {
			t.Errorf("warning about broken rules: %s", p)
		}
	}
	if len(filter(problems, Error)) != 2 {
		t.Errorf("want 2 errors:\n%s", problemList(problems))
	}
}

// On every lens we have, LintWarnings of a cheap load is what lint shows.
func TestLintWarningsMatchLint(t *testing.T) {
	for _, src := range digestSources(t) {
		cheap, _ := Check(src, Options{})
		full, problems := Check(src, Options{Lint: true})
		if cheap == nil || full == nil {
			continue
		}
		if got := cheap.LintWarnings(); !reflect.DeepEqual(got, problems) {
			t.Errorf("%s: LintWarnings gives %d warnings, lint %d", src, len(got), len(problems))
		}
	}
}

// readAll fills one buffer sized from the file's size; a wrong size, a
// reader that returns little at a time or data with its last read only
// cost more reads.
func TestReadAll(t *testing.T) {
	data := []byte(strings.Repeat("lens text ", 5000))
	for _, c := range []struct {
		name string
		r    func() io.Reader
		size int64
	}{
		{"exact size", func() io.Reader { return bytes.NewReader(data) }, int64(len(data))},
		{"size unknown", func() io.Reader { return bytes.NewReader(data) }, 0},
		{"size too small", func() io.Reader { return bytes.NewReader(data) }, 10},
		{"size too large", func() io.Reader { return bytes.NewReader(data) }, int64(len(data)) * 3},
		{"one byte at a time", func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) }, int64(len(data))},
		{"data with EOF", func() io.Reader { return iotest.DataErrReader(bytes.NewReader(data)) }, int64(len(data))},
	} {
		got, err := readAll(c.r(), c.size)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: %d bytes, %v", c.name, len(got), err)
		}
	}
	rd := bytes.NewReader(data)
	if n := testing.AllocsPerRun(10, func() { rd.Reset(data); readAll(rd, int64(len(data))) }); n != 1 {
		t.Errorf("%v allocations for a file of known size, want 1", n)
	}
	if _, err := readAll(iotest.TimeoutReader(bytes.NewReader(data)), 0); err == nil {
		t.Error("read error lost")
	}
	big := bytes.NewReader(make([]byte, MaxFileSize+1))
	if _, err := readAll(big, 100); err == nil || !strings.Contains(err.Error(), "larger than 10 MB") {
		t.Errorf("a file that grew past the limit: %v", err)
	}
	exact := bytes.NewReader(make([]byte, MaxFileSize))
	if got, err := readAll(exact, MaxFileSize); err != nil || len(got) != MaxFileSize {
		t.Errorf("a file at the limit: %d, %v", len(got), err)
	}
	if got := megabytes(MaxFileSize + 1); got != "10.1 MB" {
		t.Errorf("megabytes = %q", got)
	}
}

// OnlyAWSLimits tells a lens that only the AWS limits refuse (it loads
// without Options.AWS) from one with errors of its own.
func TestOnlyAWSLimits(t *testing.T) {
	const awsOnly = `name: Tiny
description: A lens with a short question id.
pillars:
  - id: ops
    name: Operations
    questions:
      - id: Q1
        title: Do you have runbooks?
        description: Runbooks.
        choices:
          - {id: Q1_yes, title: "Yes"}
          - {id: Q1_no, title: None of these}
        riskRules:
          - {condition: Q1_yes, risk: NO_RISK}
          - {condition: default, risk: HIGH_RISK}
`
	check := func(src string, aws bool) []Problem {
		_, problems := Parse("l.yaml", []byte(src), Options{AWS: aws})
		return problems
	}
	if p := check(awsOnly, true); !HasErrors(p) || !OnlyAWSLimits(p) {
		t.Errorf("AWS limits only: %v", p)
	}
	if p := check(awsOnly, false); HasErrors(p) || OnlyAWSLimits(p) {
		t.Errorf("without AWS: %v", p)
	}
	broken := strings.Replace(awsOnly, "risk: NO_RISK", "risk: NONE", 1)
	if p := check(broken, true); !HasErrors(p) || OnlyAWSLimits(p) {
		t.Errorf("an error of its own as well: %v", p)
	}
}
