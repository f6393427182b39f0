package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wafr-dev/wafr/internal/safeout"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// rawEscapable returns the first character of b that JSON and YAML output
// must escape (a bidi or C1 control), or 0.
func rawEscapable(b []byte) rune {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if safeout.MustEscape(r) {
			return r
		}
		b = b[size:]
	}
	return 0
}

func hostileLens(t *testing.T) string {
	t.Helper()
	lens, err := filepath.Abs(filepath.Join("..", "..", "testdata", "hostile", "lens.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return lens
}

// Every JSON output, and the review file itself, writes bidi overrides and
// C1 controls as \u escapes, and the text reads back the same (item 18).
func TestJSONAndYAMLOutputsEscapeBidiAndC1(t *testing.T) {
	lens := hostileLens(t)
	t.Chdir(t.TempDir())
	note := "note \u202eevil\u202c \u2066iso\u2069 \u200f c1 \u009b31m \u009d \u0085 del \x7f"
	mustRun(t, "answer", "r.yaml", "HQ1", "--select", "HQ1_a", "--lens", lens, "--workload", "W\u202e", "--notes", note, "--by", "me\u2067")
	mustRun(t, "milestone", "r.yaml", "m\u202e1")
	mustRun(t, "answer", "r.yaml", "HQ1", "--select", "HQ1_\u202eb", "--notes", note+" 2")
	mustRun(t, "action", "add", "r.yaml", "HQ1", "--title", "T\u202e", "--owner", "o\u009b", "--link", "https://example.com/t")

	data, _ := os.ReadFile("r.yaml")
	if r := rawEscapable(data); r != 0 {
		t.Errorf("review file: raw U+%04X\n%s", r, data)
	}
	if r, err := review.Parse("r.yaml", data); err != nil || r.Answers.Get("hostilePillar", "HQ1").Notes != note+" 2" || r.Milestones[0].Name != "m\u202e1" {
		t.Errorf("review file does not read back: %v", err)
	}

	os.WriteFile("aws.yaml", []byte(`schemaVersion: "2021-11-01"
name: "Lens \u202egnp.exe\u202c"
description: "C1 \u009b31m and \u2066isolates\u2069"
pillars:
  - id: pillar1
    name: "Pillar \u202e"
    questions:
      - id: QQ1
        title: "Title \u200f"
        description: "Description."
        choices:
          - {id: QQ1_a, title: "Choice \u0085", helpfulResource: {displayText: "Help."}, improvementPlan: {displayText: "Plan \u202e"}}
          - {id: QQ1_no, title: None of these, helpfulResource: {displayText: "Help."}, improvementPlan: {displayText: "Plan."}}
        riskRules:
          - {condition: QQ1_a, risk: NO_RISK}
          - {condition: default, risk: HIGH_RISK}
`), 0o644)
	for _, args := range [][]string{
		{"summary", "r.yaml", "--format", "json"},
		{"summary", "r.yaml", "r.yaml", "--format", "json"},
		{"report", "r.yaml", "--format", "json"},
		{"diff", "r.yaml@1", "r.yaml", "--format", "json", "--all"},
		{"history", "r.yaml", "--format", "json"},
		{"action", "list", "r.yaml", "--format", "json"},
		{"export", "aws-answers", "r.yaml", "--workload-id", "w\u202e", "--lens-alias", "l\u009b"},
		{"lens", "export", lens, "--json"},
		{"lens", "export", "aws.yaml", "--json"},
		{"lens", "export", "aws.yaml", "--aws"},
	} {
		code, out, errOut := wafrIn(t, args...)
		if code != 0 {
			t.Errorf("wafr %q: exit %d: %s", args, code, errOut)
			continue
		}
		if r := rawEscapable([]byte(out)); r != 0 {
			t.Errorf("wafr %q: raw U+%04X in the output", args, r)
		}
		dec := json.NewDecoder(strings.NewReader(out))
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Errorf("wafr %q: not JSON: %v", args, err)
				break
			}
		}
		if !strings.Contains(out, `\u202e`) {
			t.Errorf("wafr %q: no escaped U+202E in the output:\n%s", args, out)
		}
	}
	// Lens export as YAML escapes them too, and reads back the same lens.
	code, out, errOut := wafrIn(t, "lens", "export", "aws.yaml", "--yaml")
	if r := rawEscapable([]byte(out)); code != 0 || r != 0 {
		t.Errorf("lens export --yaml: exit %d %s, raw U+%04X:\n%s", code, errOut, r, out)
	}
	os.WriteFile("back.yaml", []byte(out), 0o644)
	digest := func(show string) string {
		_, d, _ := strings.Cut(show, "digest ")
		d, _, _ = strings.Cut(d, "\n")
		return d
	}
	if before, after := mustRun(t, "lens", "show", "aws.yaml"), mustRun(t, "lens", "show", "back.yaml"); digest(before) == "" || digest(before) != digest(after) {
		t.Errorf("the YAML export reads back as another lens:\n%s\n---\n%s", before, after)
	}
	// The escapes read back as the text.
	_, out, _ = wafrIn(t, "report", "r.yaml", "--format", "json")
	var rep struct {
		Workload struct{ Name string }
		Pillars  []struct{ Questions []struct{ Notes string } }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Workload.Name != "W\u202e" || rep.Pillars[0].Questions[0].Notes != note+" 2" {
		t.Errorf("report JSON does not read back: %v %+v", err, rep)
	}
}

// action add and set take only http(s) links, with a clear message and
// the file untouched (item 17).
func TestActionLinkMustBeHTTP(t *testing.T) {
	actionFixture(t)
	mustRun(t, "action", "add", "r.yaml", "OPS1", "--title", "t", "--link", "https://tickets.example/1")
	before, _ := os.ReadFile("r.yaml")
	for _, args := range [][]string{
		{"action", "add", "r.yaml", "OPS1", "--title", "t", "--link", "javascript:alert(1)"},
		{"action", "add", "--all-high", "r.yaml", "--link", "data:text/html,x"},
		{"action", "set", "r.yaml", "A1", "--link", "file:///etc/passwd"},
	} {
		code, _, errOut := wafrIn(t, args...)
		if code != exitBadInput || !strings.Contains(errOut, "a link must be an http or https URL") {
			t.Errorf("wafr %q: exit %d, stderr %q", args, code, errOut)
		}
	}
	if after, _ := os.ReadFile("r.yaml"); string(after) != string(before) {
		t.Error("the file changed")
	}
	// A link an old file holds is shown, never linked.
	r, _ := review.Load("r.yaml")
	r.Actions[0].Link = "javascript:alert(1)"
	os.WriteFile("r.yaml", r.Marshal(), 0o644)
	for _, args := range [][]string{{"report", "r.yaml"}, {"action", "list", "r.yaml", "--format", "md"}} {
		out := mustRun(t, args...)
		if strings.Contains(out, "](javascript") || !strings.Contains(out, "ticket `javascript:alert(1)`") {
			t.Errorf("wafr %q:\n%s", args, out)
		}
	}
	mustRun(t, "action", "set", "r.yaml", "A1", "--link", "")
}

// An action id at the top of int64 does not wrap: the next ids follow it,
// never repeating one (item 6).
func TestActionIDBeyondInt64(t *testing.T) {
	actionFixture(t)
	mustRun(t, "action", "add", "r.yaml", "OPS1", "--title", "t")
	r, err := review.Load("r.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r.Actions[0].ID = "A9223372036854775807"
	os.WriteFile("r.yaml", r.Marshal(), 0o644)
	if out := mustRun(t, "action", "add", "r.yaml", "OPS1", "--title", "t2"); !strings.HasPrefix(out, "A9223372036854775808 added") {
		t.Errorf("add: %q", out)
	}
	if out := mustRun(t, "action", "add", "r.yaml", "OPS1", "--title", "t3"); !strings.HasPrefix(out, "A9223372036854775809 added") {
		t.Errorf("add: %q", out)
	}
	mustRun(t, "action", "set", "r.yaml", "A9223372036854775808", "--status", "done")
	if r, err := review.Load("r.yaml"); err != nil || len(r.Actions) != 3 {
		t.Errorf("the file: %v", err)
	}
}

// An import whose review would be larger than wafr reads back is refused,
// saying why, and writes nothing (item 6).
func TestImportTooLargeIsRefused(t *testing.T) {
	t.Chdir(t.TempDir())
	var b strings.Builder
	b.WriteString(`{"WorkloadId": "w", "AnswerSummaries": [`)
	choices := make([]string, 100)
	for i := 0; i < 2000; i++ {
		for j := range choices {
			choices[j] = fmt.Sprintf("%q", fmt.Sprintf("choice_%03d_%s", j, strings.Repeat("x", 50)))
		}
		if i > 0 {
			b.WriteString(",")
		}
		pillar, question := "big", fmt.Sprintf("Q%d", i)
		if i == 0 {
			pillar, question = "operationalExcellence", "OPS1" // one the lens has: the import is for it
		}
		fmt.Fprintf(&b, `{"PillarId": %q, "QuestionId": %q, "SelectedChoices": [%s], "IsApplicable": true}`, pillar, question, strings.Join(choices, ","))
	}
	b.WriteString("]}")
	os.WriteFile("list.json", []byte(b.String()), 0o644)
	code, _, errOut := wafrIn(t, "import", "aws-answers", "list.json", "--lens", "builtin:ops", "-o", "r.yaml")
	if code != exitBadInput || !strings.Contains(errOut, "r.yaml: the review would be too large to read back") || !strings.Contains(errOut, "review files are at most 10 MB; nothing was written") {
		t.Errorf("exit %d, stderr ends %q", code, errOut[max(0, len(errOut)-300):])
	}
	if _, err := os.Stat("r.yaml"); err == nil {
		t.Error("r.yaml was written")
	}
}

// The milestone that would take a review past the size wafr reads is
// refused: exit 2, saying why, the file untouched (item 6).
func TestMilestonePastTheSizeLimitIsRefused(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--none", "--workload", "w")
	r, err := review.Load("r.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l, _ := questions.Load("builtin:ops")
	for _, q := range l.Pillars[0].Questions {
		r.Update(l.Pillars[0].ID, q.ID, "me", time.Now(), func(a *review.Answer) {
			a.Selected = []string{q.Choices[0].ID}
			a.Notes = strings.Repeat("A long note about "+q.ID+".\n", 6000)
		})
	}
	one := len(r.Marshal())
	// Milestones until one more still fits and the one after does not.
	for i := 1; len(r.Marshal())+2*one <= review.MaxFileSize; i++ {
		if err := r.AddMilestone(fmt.Sprintf("m%d", i), "", l, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile("r.yaml", r.Marshal(), 0o644)
	n := len(r.Milestones)
	mustRun(t, "milestone", "r.yaml", "fits")
	before, _ := os.ReadFile("r.yaml")
	code, out, errOut := wafrIn(t, "milestone", "r.yaml", "too many")
	if code != exitBadInput || out != "" || !strings.Contains(errOut, "the review would be too large to read back") || !strings.Contains(errOut, "old milestones") {
		t.Errorf("milestone %d: exit %d, stdout %q, stderr %q", n+2, code, out, errOut)
	}
	if after, _ := os.ReadFile("r.yaml"); string(after) != string(before) {
		t.Error("the file changed")
	}
	if r, err := review.Load("r.yaml"); err != nil || len(r.Milestones) != n+1 {
		t.Errorf("the file does not load: %v", err)
	}
}

func fixturePath(t *testing.T, parts ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(append([]string{"..", "..", "testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// import aws-answers reads files with a UTF-8 byte order mark, as
// PowerShell 5 writes them (item 22).
func TestImportWithByteOrderMark(t *testing.T) {
	list, _ := os.ReadFile(fixturePath(t, "aws", "list-answers-ops.json"))
	workload, _ := os.ReadFile(fixturePath(t, "aws", "get-workload.json"))
	t.Chdir(t.TempDir())
	os.WriteFile("list.json", append([]byte("\xef\xbb\xbf"), list...), 0o644)
	os.WriteFile("workload.json", append([]byte("\xef\xbb\xbf"), workload...), 0o644)
	code, _, errOut := wafrIn(t, "import", "aws-answers", "list.json", "--workload", "workload.json", "--lens", "builtin:ops", "-o", "r.yaml")
	if code != 0 || !strings.Contains(errOut, "wrote r.yaml: 5 answers from AWS") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if r, err := review.Load("r.yaml"); err != nil || r.Workload.Name != "Payments API" {
		t.Errorf("%v", err)
	}
	os.WriteFile("utf16.json", []byte{0xff, 0xfe, '{', 0, '}', 0}, 0o644)
	code, _, errOut = wafrIn(t, "import", "aws-answers", "utf16.json", "--lens", "builtin:ops", "-o", "r2.yaml")
	if code != exitBadInput || !strings.Contains(errOut, "utf16.json: the file is UTF-16 text") {
		t.Errorf("UTF-16: exit %d: %s", code, errOut)
	}
}

// Warnings of export and import aws-answers quote ids, titles and notes
// from the files: cleaned, one line each (item 16).
func TestAWSWarningsAreClean(t *testing.T) {
	t.Chdir(t.TempDir())
	evil := `\u001b]52;c;ZXZpbA==\u0007\u001b[31m\u009b1m\u202eevil\n# line`
	list := `{"WorkloadId": "w", "AnswerSummaries": [
		{"PillarId": "operationalExcellence", "QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo", "c` + evil + `", "c` + evil + `"], "IsApplicable": true},
		{"PillarId": "p` + evil + `", "QuestionId": "Q` + evil + `", "QuestionTitle": "T` + evil + `", "SelectedChoices": ["x"], "IsApplicable": true},
		{"SelectedChoices": ["y"]}]}`
	os.WriteFile("list.json", []byte(list), 0o644)
	io, _, errOut := testStreams()
	if code := run([]string{"import", "aws-answers", "list.json", "--lens", "builtin:ops", "-o", "r.yaml"}, io); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	io2, _, errOut2 := testStreams()
	mustRun(t, "answer", "r.yaml", "OPS2", "--none", "--notes", strings.Repeat("long \x1b[31m notes ", 300))
	if code := run([]string{"export", "aws-answers", "r.yaml", "--workload-id", "w", "--lens-alias", "l"}, io2); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut2)
	}
	for name, stderr := range map[string]string{"import": errOut.String(), "export": errOut2.String()} {
		if bad := rawControl([]byte(stderr)); bad != "" {
			t.Errorf("%s: raw control characters near %q", name, bad)
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		for _, l := range lines {
			if !strings.HasPrefix(l, "warning: ") && !strings.HasPrefix(l, "wrote ") {
				t.Errorf("%s: a warning spans lines: %q", name, l)
			}
		}
	}
	for _, want := range []string{"listed twice", "not in the lens; kept in the review", "without a QuestionId"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("import warnings lack %q:\n%s", want, errOut)
		}
	}
	for _, want := range []string{"notes cut from", "is not in the lens; left out", "not in the lens; not exported"} {
		if !strings.Contains(errOut2.String(), want) {
			t.Errorf("export warnings lack %q:\n%s", want, errOut2)
		}
	}
}

// diff works when a side's lens is gone, and says the lens is missing
// rather than "Unanswered 0 -> 5" beside "No question changed" (item 20).
func TestDiffWithALensGone(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "lens", "export", "builtin:ops", "--yaml", "-o", "my.yaml")
	// Not quite the built-in lens (whose content new.yaml's lens is, and
	// would stand in for this one if it were the same).
	data, err := os.ReadFile("my.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("my.yaml", []byte(strings.Replace(string(data), "name: Operational Excellence", "name: My Operational Excellence", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "answer", "old.yaml", "OPS1", "--none", "--lens", "my.yaml", "--workload", "w")
	mustRun(t, "answer", "new.yaml", "OPS1", "--none", "--workload", "w")
	os.Remove("my.yaml")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "old.yaml", "new.yaml"}, "HIGH 1 -> 1 · MEDIUM 0 -> 0 · NONE 0 -> 0 · Not applicable 0 -> 0 · Unanswered ? -> 5\n"},
		{[]string{"diff", "new.yaml", "old.yaml"}, "Unanswered 5 -> ?\n"},
		{[]string{"diff", "old.yaml", "new.yaml", "--format", "md"}, "| Unanswered | ? | 5 |\n"},
	} {
		code, out, errOut := wafrIn(t, c.args...)
		if code != 0 || !strings.Contains(out, c.want) || !strings.Contains(out, "old.yaml: the lens it was answered with is not found") || strings.Contains(out, "Unanswered 0") {
			t.Errorf("wafr %q: exit %d\n%s%s", c.args, code, out, errOut)
		}
	}
	// A lens there that does not load says so, with its first error.
	os.WriteFile("my.yaml", []byte("name: [\n"), 0o644)
	if _, out, _ := wafrIn(t, "diff", "old.yaml", "new.yaml"); !strings.Contains(out, "old.yaml: the lens it was answered with does not load (my.yaml:") {
		t.Errorf("a broken lens:\n%s", out)
	}
}

// Text that is not UTF-8 never panics (item 5): from a flag it is refused,
// naming the flag; from the environment (git's user.name, $USER, a Latin-1
// folder name as the workload) it is repaired with U+FFFD. Run as the real
// binary, with a real environment.
func TestInvalidUTF8NeverPanics(t *testing.T) {
	bin := wafrBinary(t)
	dir := filepath.Join(t.TempDir(), "caf\xe9")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Skipf("this file system does not take a Latin-1 name: %v", err)
	}
	env := append(os.Environ(), "USER=j\xf6rg", "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "LANG=C")
	wafr := func(env []string, args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if strings.Contains(string(out), "panic") || strings.Contains(string(out), "goroutine ") {
			t.Fatalf("wafr %q panicked:\n%s", args, out)
		}
		return processExit(err), string(out)
	}
	if code, out := wafr(env, "answer", "r.yaml", "OPS1", "--none"); code != 0 {
		t.Fatalf("answer: exit %d: %s", code, out)
	}
	r, err := review.Load(filepath.Join(dir, "r.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Workload.Name != "caf\uFFFD" || r.Answers.Get("operationalExcellence", "OPS1").AnsweredBy != "j\uFFFDrg" {
		t.Errorf("workload %q, answered by %q", r.Workload.Name, r.Answers.Get("operationalExcellence", "OPS1").AnsweredBy)
	}
	if _, err := exec.LookPath("git"); err == nil {
		gitconfig := filepath.Join(t.TempDir(), "gitconfig")
		os.WriteFile(gitconfig, []byte("[user]\n\tname = Ren\xe9 Dupr\xe9\n"), 0o644)
		genv := append(os.Environ(), "USER=x", "GIT_CONFIG_GLOBAL="+gitconfig, "GIT_CONFIG_NOSYSTEM=1")
		if code, out := wafr(genv, "answer", "r.yaml", "OPS2", "--none"); code != 0 {
			t.Fatalf("answer: exit %d: %s", code, out)
		}
		if code, out := wafr(genv, "action", "add", "r.yaml", "OPS2", "--title", "t"); code != 0 {
			t.Fatalf("action add: exit %d: %s", code, out)
		}
		r, _ := review.Load(filepath.Join(dir, "r.yaml"))
		if by := r.Answers.Get("operationalExcellence", "OPS2").AnsweredBy; by != "Ren\uFFFD Dupr\uFFFD" || r.Actions[0].CreatedBy != by {
			t.Errorf("answered by %q, action by %q", by, r.Actions[0].CreatedBy)
		}
	}
	before, _ := os.ReadFile(filepath.Join(dir, "r.yaml"))
	for _, c := range []struct {
		flag string
		args []string
	}{
		{"--by", []string{"answer", "r.yaml", "OPS3", "--none", "--by", "j\xf6rg"}},
		{"--notes", []string{"answer", "r.yaml", "OPS3", "--none", "--notes", "caf\xe9"}},
		{"--workload", []string{"answer", "new.yaml", "OPS3", "--none", "--workload", "caf\xe9"}},
		{"--select", []string{"answer", "r.yaml", "OPS3", "--select", "OPS3_a,caf\xe9"}},
		{"--title", []string{"action", "add", "r.yaml", "OPS1", "--title", "caf\xe9"}},
		{"--owner", []string{"action", "add", "r.yaml", "OPS1", "--owner", "caf\xe9"}},
		{"--notes", []string{"action", "set", "r.yaml", "A1", "--notes", "caf\xe9"}},
		{"--notes", []string{"milestone", "r.yaml", "m", "--notes", "caf\xe9"}},
		{"--owner", []string{"review", "x.yaml", "--owner", "caf\xe9"}},
		{"--workload", []string{"review", "x.yaml", "--workload", "caf\xe9"}},
		{"--by", []string{"import", "aws-answers", "list.json", "--lens", "builtin:ops", "-o", "i.yaml", "--by", "caf\xe9"}},
		{"--at", []string{"report", "r.yaml", "--at", "caf\xe9"}},
		{"invalid milestone name", []string{"milestone", "r.yaml", "caf\xe9"}},
	} {
		code, out := wafr(env, c.args...)
		if code != exitBadInput || !strings.Contains(out, c.flag) || !strings.Contains(out, "not valid UTF-8 text") {
			t.Errorf("wafr %q: exit %d: %s", c.args, code, out)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "r.yaml")); string(after) != string(before) {
		t.Error("the file changed")
	}
	// Paths are bytes: a lens in a Latin-1 folder is fine.
	lens := filepath.Join(dir, "l\xe9ns.yaml")
	if code, out := wafr(env, "lens", "export", "builtin:ops", "--yaml", "-o", lens); code != 0 {
		t.Fatalf("lens export: exit %d: %s", code, out)
	}
	if code, out := wafr(env, "report", "r.yaml", "--lens", lens, "-o", filepath.Join(dir, "pl\xe4n.md")); code != 0 {
		t.Errorf("report: exit %d: %s", code, out)
	}
}

// outputCommands are the commands with -o, each as a function of the
// output path, run in a folder holding r.yaml (and lens.yaml).
var outputCommands = map[string]func(out string) []string{
	"report":      func(out string) []string { return []string{"report", "r.yaml", "-o", out} },
	"report json": func(out string) []string { return []string{"report", "r.yaml", "--format", "json", "-o", out} },
	"lens export": func(out string) []string { return []string{"lens", "export", "lens.yaml", "--json", "-o", out} },
	"export aws-answers": func(out string) []string {
		return []string{"export", "aws-answers", "r.yaml", "--workload-id", "w", "--lens-alias", "l", "-o", out}
	},
}

func outputFixture(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
	mustRun(t, "lens", "export", "builtin:ops", "--yaml", "-o", "lens.yaml")
	mustRun(t, "answer", "r.yaml", "OPS1", "--select", "OPS1_slo", "--lens", "lens.yaml", "--workload", "w")
}

// -o - is standard output for every command that has -o; import, whose -o
// is the review file it creates, refuses it clearly (item 13).
func TestOutputDashIsStdout(t *testing.T) {
	outputFixture(t)
	for name, args := range outputCommands {
		_, want, _ := wafrIn(t, args("")[:len(args(""))-2]...)
		code, out, errOut := wafrIn(t, args("-")...)
		if code != 0 || out != want || want == "" {
			t.Errorf("%s -o -: exit %d, stdout %d bytes (want %d): %s", name, code, len(out), len(want), errOut)
		}
		if _, err := os.Stat("-"); err == nil {
			t.Fatalf("%s -o - created a file named -", name)
		}
	}
	mustRun(t, "export", "aws-answers", "r.yaml", "--workload-id", "w", "--lens-alias", "l", "-o", "answers.json")
	os.WriteFile("list.json", []byte(`{"AnswerSummaries": [{"QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo"], "IsApplicable": true}]}`), 0o644)
	code, out, errOut := wafrIn(t, "import", "aws-answers", "list.json", "--lens", "builtin:ops", "-o", "-")
	if code != exitBadInput || out != "" || !strings.Contains(errOut, "-o -: import writes a review file, not standard output") {
		t.Errorf("import -o -: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Fatal("import -o - created a file named -")
	}
	code, _, errOut = wafrIn(t, "import", "aws-answers", "list.json", "--lens", "builtin:ops", "-o", os.DevNull)
	if code != exitBadInput || !strings.Contains(errOut, "is not a regular file") {
		t.Errorf("import -o /dev/null: exit %d, stderr %q", code, errOut)
	}
}

// -o onto a FIFO, a character device or /dev/stdout writes into it and
// never replaces it with a regular file (item 13). Run as the real binary,
// since these need real file descriptors.
func TestOutputIntoSpecialFiles(t *testing.T) {
	bin := wafrBinary(t)
	outputFixture(t)
	dir, _ := os.Getwd()
	run := func(args []string, stdout *os.File) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		var errOut strings.Builder
		cmd.Stdout, cmd.Stderr = stdout, &errOut
		err := cmd.Run()
		return processExit(err), errOut.String()
	}
	device := os.DevNull
	if os.Geteuid() == 0 {
		// As root, wafr could replace /dev/null itself: use a private one.
		device = filepath.Join(dir, "null")
		if out, err := exec.Command("mknod", device, "c", "1", "3").CombinedOutput(); err != nil {
			t.Fatalf("mknod: %v %s", err, out)
		}
	}
	for name, args := range outputCommands {
		want := mustRun(t, args("")[:len(args(""))-2]...)

		// A FIFO: the reader gets the output; the FIFO stays a FIFO.
		fifo := filepath.Join(dir, "fifo")
		os.Remove(fifo)
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			data, _ := os.ReadFile(fifo)
			got <- string(data)
		}()
		if code, errOut := run(args(fifo), nil); code != 0 {
			t.Errorf("%s -o FIFO: exit %d: %s", name, code, errOut)
		}
		select {
		case s := <-got:
			if s != want {
				t.Errorf("%s -o FIFO: the reader got %d bytes, want %d", name, len(s), len(want))
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s -o FIFO: the reader got nothing", name)
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%s -o FIFO: the FIFO was replaced (%v)", name, err)
		}

		// A character device stays one.
		if code, errOut := run(args(device), nil); code != 0 {
			t.Errorf("%s -o %s: exit %d: %s", name, device, code, errOut)
		}
		if st, err := os.Lstat(device); err != nil || st.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("%s -o %s: the device was replaced (%v)", name, device, err)
		}

		// /dev/stdout with stdout a file opened for appending: the output
		// is appended to that file, which is not replaced.
		outFile := filepath.Join(dir, "stdout.txt")
		os.WriteFile(outFile, []byte("kept\n"), 0o644)
		before, _ := os.Stat(outFile)
		f, _ := os.OpenFile(outFile, os.O_WRONLY|os.O_APPEND, 0)
		code, errOut := run(args("/dev/stdout"), f)
		f.Close()
		after, _ := os.Stat(outFile)
		data, _ := os.ReadFile(outFile)
		if code != 0 || !os.SameFile(before, after) || string(data) != "kept\n"+want {
			t.Errorf("%s -o /dev/stdout: exit %d, same file %v, content %d bytes (want %d): %s", name, code, os.SameFile(before, after), len(data), 5+len(want), errOut)
		}
		// Through a symlink of our own to it, too.
		os.Remove("out-link")
		os.Symlink("/dev/stdout", "out-link")
		f, _ = os.OpenFile(outFile, os.O_WRONLY|os.O_TRUNC, 0)
		code, errOut = run(args("out-link"), f)
		f.Close()
		if data, _ := os.ReadFile(outFile); code != 0 || string(data) != want {
			t.Errorf("%s -o link to /dev/stdout: exit %d, %d bytes: %s", name, code, len(data), errOut)
		}
		if st, err := os.Lstat("out-link"); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced", name)
		}
	}
}

// -o never names an input of the command: the review, the lens it uses
// (recorded relative to the review, or given with --lens), or for lens
// export the lens itself, under any name (item 14).
func TestOutputNeverReplacesAnInput(t *testing.T) {
	outputFixture(t)
	os.Mkdir("sub", 0o755)
	mustRun(t, "lens", "export", "builtin:ops", "--yaml", "-o", "sub/lens.yaml")
	mustRun(t, "answer", "sub/r.yaml", "OPS1", "--select", "OPS1_slo", "--lens", "sub/lens.yaml", "--workload", "w")
	mustRun(t, "lens", "export", "builtin:ops", "--yaml", "-o", "other.yaml")
	os.Symlink("lens.yaml", "lens-link.yaml")
	os.Link("lens.yaml", "lens-hard.yaml")
	snapshot := func() map[string]string {
		m := map[string]string{}
		for _, f := range []string{"r.yaml", "lens.yaml", "sub/r.yaml", "sub/lens.yaml", "other.yaml"} {
			data, _ := os.ReadFile(f)
			m[f] = string(data)
		}
		return m
	}
	before := snapshot()
	for _, args := range [][]string{
		{"report", "r.yaml", "-o", "lens.yaml"},
		{"report", "r.yaml", "-o", "./lens.yaml"},
		{"report", "r.yaml", "-o", "lens-link.yaml"},
		{"report", "r.yaml", "-o", "lens-hard.yaml"},
		{"report", "r.yaml", "-o", "r.yaml"},
		{"report", "r.yaml", "--format", "json", "-o", "lens.yaml"},
		{"report", "sub/r.yaml", "-o", "sub/lens.yaml"},
		{"report", "r.yaml", "--lens", "other.yaml", "-o", "other.yaml"},
		{"lens", "export", "lens.yaml", "--yaml", "-o", "lens.yaml"},
		{"lens", "export", "lens-link.yaml", "--json", "-o", "lens-hard.yaml"},
		{"export", "aws-answers", "r.yaml", "--workload-id", "w", "--lens-alias", "l", "-o", "lens.yaml"},
		{"export", "aws-answers", "sub/r.yaml", "--workload-id", "w", "--lens-alias", "l", "-o", "sub/r.yaml"},
	} {
		code, out, errOut := wafrIn(t, args...)
		if code != exitBadInput || out != "" || !strings.Contains(errOut, "is the file being read (an input of this command)") {
			t.Errorf("wafr %q: exit %d, stdout %d bytes, stderr %q", args, code, len(out), errOut)
		}
	}
	for f, data := range snapshot() {
		if data != before[f] {
			t.Errorf("%s changed", f)
		}
	}
	// A lens recorded relative to the review is found from anywhere.
	t.Chdir("sub")
	if code, _, errOut := wafrIn(t, "report", "r.yaml", "-o", "lens.yaml"); code != exitBadInput {
		t.Errorf("from sub/: exit %d: %s", code, errOut)
	}
}

// Every milestone name that milestone accepts is reachable from diff and
// --at, "@" included; a file whose own name holds "@" is read whole, and its
// milestones are after the first "@" that follows the file name (item 21).
func TestMilestoneNamesWithAt(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--none", "--workload", "w")
	mustRun(t, "milestone", "r.yaml", "release@2026")
	mustRun(t, "milestone", "r.yaml", "@start")
	mustRun(t, "answer", "r.yaml", "OPS1", "--select", "OPS1_users,OPS1_slo,OPS1_downtime")
	if out := mustRun(t, "diff", "r.yaml@release@2026", "r.yaml"); !strings.Contains(out, "r.yaml@release@2026 (w, ") || !strings.Contains(out, "Improved (1)") {
		t.Errorf("diff r.yaml@release@2026:\n%s", out)
	}
	if out := mustRun(t, "diff", "r.yaml@@start", "r.yaml@release@2026"); !strings.Contains(out, "No question changed.") {
		t.Errorf("diff r.yaml@@start:\n%s", out)
	}
	for _, args := range [][]string{{"report", "r.yaml", "--at", "release@2026"}, {"summary", "r.yaml", "--at", "release@2026"}} {
		if out := mustRun(t, args...); !strings.Contains(out, "release@2026") || !strings.Contains(out, "HIGH") {
			t.Errorf("wafr %q:\n%s", args, out)
		}
	}
	// A file named with "@": alone, with a milestone, with an "@" milestone.
	os.Rename("r.yaml", "team@payments.yaml")
	if out := mustRun(t, "diff", "team@payments.yaml@1", "team@payments.yaml"); !strings.Contains(out, "Improved (1)") {
		t.Errorf("diff team@payments.yaml@1:\n%s", out)
	}
	if out := mustRun(t, "diff", "team@payments.yaml@release@2026", "team@payments.yaml"); !strings.Contains(out, "Improved (1)") {
		t.Errorf("diff team@payments.yaml@release@2026:\n%s", out)
	}
	mustRun(t, "report", "team@payments.yaml", "--at", "release@2026")
	code, _, errOut := wafrIn(t, "diff", "team@payments.yaml@nope", "team@payments.yaml")
	if code != exitBadInput || !strings.Contains(errOut, `no such milestone "nope"; the review has: 1 "release@2026", 2 "@start"`) {
		t.Errorf("unknown milestone: exit %d: %s", code, errOut)
	}
	code, _, errOut = wafrIn(t, "diff", "missing@x.yaml@1", "team@payments.yaml")
	if code != exitBadInput || !strings.Contains(errOut, "missing: no such review file") {
		t.Errorf("missing file: exit %d: %s", code, errOut)
	}
}
