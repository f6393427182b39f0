package review

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/questions"
)

var t0 = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func opsLens(t testing.TB) *questions.Lens {
	t.Helper()
	l, err := questions.Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func sample(t testing.TB) *Review {
	l := opsLens(t)
	r := New(l, Workload{Name: "Payments API", Environment: Production, Owner: "payments-team"})
	r.Notes = "Quarterly review.\nSecond line."
	r.Update("operationalExcellence", "OPS1", "alice", t0, func(a *Answer) {
		a.Selected = []string{"OPS1_slo", "OPS1_users"}
		a.Notes = "SLOs exist for checkout only."
	})
	r.Update("operationalExcellence", "OPS2", "bob", t0.Add(time.Minute), func(a *Answer) {
		a.NotApplicable, a.Reason = true, "OUT_OF_SCOPE"
	})
	r.Update("operationalExcellence", "OPS10", "bob", t0, func(a *Answer) { a.Selected = []string{"x"} })
	r.Update("gonePillar", "OLD1", "carol", t0, func(a *Answer) { a.Selected = []string{"OLD1_a"}; a.Notes = "kept" })
	r.Milestones = append(r.Milestones, Milestone{Name: "first review", RecordedAt: t0, Lens: r.Lens,
		Answers: Answers{"operationalExcellence": {"OPS1": {Selected: []string{"OPS1_no"}, AnsweredBy: "alice", UpdatedAt: t0}}}})
	return r
}

func TestSaveLoadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "review.yaml")
	r := sample(t)
	if err := writeReview(r, path); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Workload != r.Workload || got.Lens != r.Lens || got.Notes != r.Notes || !got.UpdatedAt.Equal(r.UpdatedAt) {
		t.Errorf("header changed: %+v", got)
	}
	a := got.Answers.Get("operationalExcellence", "OPS1")
	if a == nil || strings.Join(a.Selected, ",") != "OPS1_slo,OPS1_users" || a.Notes != "SLOs exist for checkout only." || a.AnsweredBy != "alice" || !a.UpdatedAt.Equal(t0) {
		t.Errorf("OPS1 = %+v", a)
	}
	if a := got.Answers.Get("operationalExcellence", "OPS2"); a == nil || !a.NotApplicable || a.Reason != "OUT_OF_SCOPE" {
		t.Errorf("OPS2 = %+v", a)
	}
	if len(got.Milestones) != 1 || got.Milestones[0].Answers.Get("operationalExcellence", "OPS1").Selected[0] != "OPS1_no" {
		t.Errorf("milestones = %+v", got.Milestones)
	}
	// Saving what was loaded gives the same bytes.
	if err := writeReview(got, path); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(path)
	if !bytes.Equal(first, second) {
		t.Errorf("re-save differs:\n%s\n---\n%s", first, second)
	}
}

func TestFileLayout(t *testing.T) {
	out := string(sample(t).Marshal())
	// Stable key order, pillars then questions in natural order, and
	// multi-line notes as a literal block.
	order := []string{"wafr: 1", "workload:", "  name: Payments API", "  environment: PRODUCTION", "lens:", "  id: ops",
		"  source: builtin:ops", "  digest: sha256:", "updatedAt: 2026-11-25T10:00:00Z", "notes: |-", "answers:", "  gonePillar:",
		"  operationalExcellence:", "    OPS1:", "      selected: [OPS1_slo, OPS1_users]", "    OPS2:", "      applicable: false",
		"      reason: OUT_OF_SCOPE", "    OPS10:", "milestones:", "  - name: first review"}
	at := 0
	for _, s := range order {
		i := strings.Index(out[at:], s)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", s, out)
		}
		at += i + len(s)
	}
}

func TestOrphansKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "review.yaml")
	if err := writeReview(sample(t), path); err != nil {
		t.Fatal(err)
	}
	r, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	orphans := r.Answers.Orphans(opsLens(t))
	want := []Orphan{
		{PillarID: "gonePillar", QuestionID: "OLD1"},
		{PillarID: "operationalExcellence", QuestionID: "OPS10"},
	}
	if len(orphans) != len(want) || orphans[0] != want[0] || orphans[1] != want[1] {
		t.Errorf("orphans = %+v", orphans)
	}
	r.Update("operationalExcellence", "OPS1", "dave", t0, func(a *Answer) { a.Selected = append(a.Selected, "OPS1_removed") })
	if err := writeReview(r, path); err != nil {
		t.Fatal(err)
	}
	r2, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if a := r2.Answers.Get("gonePillar", "OLD1"); a == nil || a.Notes != "kept" {
		t.Errorf("orphaned answer dropped: %+v", a)
	}
	got := r2.Answers.Orphans(opsLens(t))
	if len(got) != 3 || got[1] != (Orphan{"operationalExcellence", "OPS1", "OPS1_removed"}) {
		t.Errorf("orphaned choice not reported: %+v", got)
	}
	// Scoring ignores orphaned choices.
	res := r2.Score(opsLens(t))
	if res.Counts.Total() != 6 {
		t.Errorf("scored %d questions", res.Counts.Total())
	}
}

func TestUpdateRemovesEmptyAnswers(t *testing.T) {
	r := New(opsLens(t), Workload{Name: "w"})
	r.Update("p", "q", "me", t0, func(a *Answer) { a.Notes = "n" })
	if r.Answers.Get("p", "q") == nil || r.UpdatedAt != t0 {
		t.Fatal("not created")
	}
	r.Update("p", "q", "me", t0, func(a *Answer) { a.Notes = "" })
	if _, ok := r.Answers["p"]; ok {
		t.Error("empty answer kept")
	}
}

func TestNotesSurviveSaving(t *testing.T) {
	notes := []string{
		"plain", "two\nlines", "  leading spaces\nand more", "trailing space \nx", "tab\there", "ends with newline\n",
		"# not a comment", "key: value", "- item", "| pipe", "`code`", "'quotes' \"double\"", "日本語のメモ\n二行目",
		"\x1b[31mred\x1b[0m", "carriage\r\nreturn", "\u202eoverride", "null", "true", "123", "",
	}
	dir := t.TempDir()
	for i, n := range notes {
		r := New(opsLens(t), Workload{Name: "w"})
		r.Update("p", "q", "me", t0, func(a *Answer) { a.Notes = n; a.Selected = []string{"x"} })
		path := filepath.Join(dir, "r.yaml")
		if err := writeReview(r, path); err != nil {
			t.Fatal(err)
		}
		got, err := Load(path)
		if err != nil {
			t.Fatalf("notes %d %q: %v", i, n, err)
		}
		if a := got.Answers.Get("p", "q"); a.Notes != n {
			t.Errorf("notes %q came back as %q", n, a.Notes)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	valid := string(sample(t).Marshal())
	cases := []struct {
		name, doc string
		line      int
		field     string
		msg       string
	}{
		{"syntax", "wafr: 1\nworkload: [\n", 2, "", "did not find"},
		{"not a review", "name: hello\n", 1, "", `not a wafr review file: it looks like a YAML mapping with the key "name"`},
		{"no version", "workload: {name: x}\nlens: {id: ops}\n", 1, "wafr", "missing"},
		{"newer version", "wafr: 2\nlens: {id: ops}\n", 1, "wafr", `format version "2" is not supported`},
		{"no lens", "wafr: 1\nworkload: {name: x}\n", 1, "lens", "missing"},
		{"unknown field", strings.Replace(valid, "  owner: payments-team\n", "  owner: payments-team\n  team: x\n", 1), 6, "workload.team", "unknown field"},
		{"bad environment", strings.Replace(valid, "PRODUCTION", "PROD", 1), 4, "workload.environment", `"PROD" is not`},
		{"bad reason", strings.Replace(valid, "OUT_OF_SCOPE", "LAZY", 1), 0, "answers.operationalExcellence.OPS2.reason", `"LAZY" is not one of`},
		{"bad time", strings.Replace(valid, "updatedAt: 2026-11-25T10:01:00Z", "updatedAt: yesterday", 1), 32, "answers.operationalExcellence.OPS2.updatedAt", "not a time"},
		{"bad applicable", strings.Replace(valid, "applicable: false", "applicable: maybe", 1), 0, "answers.operationalExcellence.OPS2.applicable", "true or false"},
		{"reason without n/a", strings.Replace(valid, "      applicable: false\n", "", 1), 0, "answers.operationalExcellence.OPS2.reason", "only given with"},
		{"duplicate choice", strings.Replace(valid, "[OPS1_slo, OPS1_users]", "[OPS1_slo, OPS1_slo]", 1), 0, "answers.operationalExcellence.OPS1.selected", "listed twice"},
		{"empty choice id", strings.Replace(valid, "[OPS1_slo, OPS1_users]", `[OPS1_slo, ""]`, 1), 0, "answers.operationalExcellence.OPS1.selected", "choice id is empty"},
		{"null choice id", strings.Replace(valid, "[OPS1_slo, OPS1_users]", "[~]", 1), 0, "answers.operationalExcellence.OPS1.selected", "choice id is empty"},
		{"null choice id in a block list", strings.Replace(valid, "[OPS1_slo, OPS1_users]", "\n        - OPS1_slo\n        -\n", 1), 0, "answers.operationalExcellence.OPS1.selected", "choice id is empty"},
		{"selected not a list", strings.Replace(valid, "[OPS1_slo, OPS1_users]", "OPS1_slo", 1), 0, "answers.operationalExcellence.OPS1.selected", "expected a list"},
		{"milestone without name", strings.Replace(valid, "  - name: first review\n    recordedAt", "  - recordedAt", 1), 0, "milestones[0].name", "no name"},
		{"milestone name twice", valid + "  - name: first review\n", 0, "milestones[1].name", "used twice"},
		{"action ids alike but for case", "wafr: 1\nlens: {id: ops}\nactions:\n  - {id: A1, question: p/q, status: open}\n  - {id: a1, question: p/q, status: open}\n", 0, "actions[1].id",
			`action id "a1" is used twice (as "A1" too: ids are the same whatever their case)`},
		{"action ids alike but for a Kelvin sign", "wafr: 1\nlens: {id: ops}\nactions:\n  - {id: k1, question: p/q, status: open}\n  - {id: \"\u212a1\", question: p/q, status: open}\n", 0, "actions[1].id",
			`ids are the same whatever their case`},
		{"milestone unknown field", strings.Replace(valid, "  - name: first review\n", "  - name: first review\n    edited: yes\n", 1), 0, "milestones[0].edited", "unknown field"},
		{"empty", "", 0, "", "empty"},
		{"binary", "\x00\x01\x02", 0, "", "binary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("r.yaml", []byte(c.doc))
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a LoadError", err)
			}
			if le.File != "r.yaml" || le.Field != c.field || !strings.Contains(le.Err.Error(), c.msg) || (c.line != 0 && le.Line != c.line) {
				t.Errorf("got %s (line %d, field %q)", le, le.Line, le.Field)
			}
			if c.line != 0 && !strings.HasPrefix(le.Error(), "r.yaml:") {
				t.Errorf("message does not start with file:line: %s", le)
			}
		})
	}
}

// A stream read up to the limit has no known size: the message says it
// is over the limit rather than guess one.
func TestReadTooLarge(t *testing.T) {
	_, err := Read("-", io.LimitReader(zeros{}, 2*MaxFileSize))
	if err == nil || err.Error() != "-: the input is more than 10 MB; review files are at most 10 MB" {
		t.Errorf("got %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, ErrNotExist) {
		t.Errorf("got %v", err)
	}
}

func TestNaturalOrder(t *testing.T) {
	ids := []string{"OPS10", "OPS2", "OPS1", "b", "a10", "a9", "OPS02", "x"}
	sort.Slice(ids, func(i, j int) bool { return naturalLess(ids[i], ids[j]) })
	if got := strings.Join(ids, " "); got != "OPS1 OPS2 OPS02 OPS10 a9 a10 b x" {
		t.Errorf("order %s", got)
	}
}

func TestAtMilestone(t *testing.T) {
	r := sample(t)
	r.Milestones = append(r.Milestones, Milestone{Name: "second", RecordedAt: t0.Add(time.Hour), Lens: r.Lens, Answers: Answers{}})
	for _, ref := range []string{"first review", "1"} {
		m, err := r.At(ref)
		if err != nil || m.Answers.Get("operationalExcellence", "OPS1").Selected[0] != "OPS1_no" || !m.UpdatedAt.Equal(t0) || m.Workload != r.Workload {
			t.Errorf("At(%q) = %+v, %v", ref, m, err)
		}
	}
	if m, err := r.At("2"); err != nil || len(m.Answers) != 0 {
		t.Errorf("At(2): %v", err)
	}
	if m, _ := r.At(""); m != r {
		t.Error("At(\"\") is not the review itself")
	}
	_, err := r.At("third")
	if !errors.Is(err, ErrNoMilestone) || !strings.Contains(err.Error(), `the review has: 1 "first review", 2 "second"`) {
		t.Errorf("unknown milestone: %v", err)
	}
	if got := strings.Join(r.Answers.Reviewers(), ","); got != "alice,bob,carol" {
		t.Errorf("reviewers %q", got)
	}
}

func TestMerge(t *testing.T) {
	base := sample(t)
	ours, theirs := base.Clone(), base.Clone()
	// We answer OPS3 and change OPS1; they answer OPS6, add a milestone and
	// also change OPS2 the same way we do.
	ours.Update("operationalExcellence", "OPS3", "me", t0, func(a *Answer) { a.Selected = []string{"OPS3_no"} })
	ours.Update("operationalExcellence", "OPS1", "me", t0, func(a *Answer) { a.Notes = "ours" })
	ours.Update("operationalExcellence", "OPS2", "me", t0, func(a *Answer) { a.NotApplicable, a.Reason = false, ""; a.Selected = []string{"OPS2_no"} })
	theirs.Update("operationalExcellence", "OPS6", "you", t0, func(a *Answer) { a.Selected = []string{"OPS6_no"} })
	theirs.Update("operationalExcellence", "OPS2", "you", t0, func(a *Answer) { a.NotApplicable, a.Reason = false, ""; a.Selected = []string{"OPS2_no"} })
	theirs.Milestones = append(theirs.Milestones, Milestone{Name: "theirs", RecordedAt: t0, Lens: base.Lens, Answers: Answers{}})
	ours.Milestones = append(ours.Milestones, Milestone{Name: "ours", RecordedAt: t0, Lens: base.Lens, Answers: Answers{}})
	merged, conflicts := Merge(base, ours, theirs)
	if len(conflicts) != 0 {
		t.Errorf("conflicts %v", conflicts)
	}
	for q, want := range map[string]string{"OPS1": "ours", "OPS3": "", "OPS6": ""} {
		a := merged.Answers.Get("operationalExcellence", q)
		if a == nil || a.Notes != want && q == "OPS1" {
			t.Errorf("%s = %+v", q, a)
		}
	}
	if merged.Milestone("theirs") == nil || merged.Milestone("ours") == nil || merged.Milestone("first review") == nil {
		t.Errorf("milestones %v", merged.Milestones)
	}
	// Both change OPS1 differently: a conflict, ours kept.
	theirs.Update("operationalExcellence", "OPS1", "you", t0, func(a *Answer) { a.Notes = "theirs" })
	merged, conflicts = Merge(base, ours, theirs)
	if len(conflicts) != 1 || conflicts[0].QuestionID != "OPS1" || merged.Answers.Get("operationalExcellence", "OPS1").Notes != "ours" {
		t.Errorf("conflicts %v", conflicts)
	}
	// We cleared an answer they left alone: it is cleared.
	ours2 := base.Clone()
	ours2.Update("gonePillar", "OLD1", "me", t0, func(a *Answer) { a.Selected, a.Notes = nil, "" })
	merged, _ = Merge(base, ours2, base.Clone())
	if merged.Answers.Get("gonePillar", "OLD1") != nil {
		t.Error("our deletion lost")
	}
}

// writeReview saves a review the plain way, for tests of the file format.
func writeReview(r *Review, path string) error { return os.WriteFile(path, r.Marshal(), 0o644) }

// A merge says what it renamed as facts (for a screen to word), and in the
// English sentences it always had.
func TestMergeNotes(t *testing.T) {
	base := sample(t)
	ours, theirs := base.Clone(), base.Clone()
	for _, r := range []*Review{ours, theirs} {
		r.Milestones = append(r.Milestones, Milestone{Name: "sprint", RecordedAt: t0, Lens: base.Lens, Answers: Answers{}})
		if _, err := r.AddAction(Action{PillarID: "operationalExcellence", QuestionID: "OPS1", Title: "x"}, "me", t0); err != nil {
			t.Fatal(err)
		}
	}
	_, _, notes := MergeWithNotes(base, ours, theirs)
	id := ours.Actions[len(ours.Actions)-1].ID
	if len(notes) != 2 {
		t.Fatalf("notes %+v", notes)
	}
	if n := notes[0]; n.Kind != ActionRenumbered || n.Was != id || n.String() != "action "+id+" was also created elsewhere; this session's is now "+n.Now {
		t.Errorf("action: %+v %q", n, n)
	}
	if n := notes[1]; n != (MergeNote{Kind: MilestoneRenamed, Was: "sprint", Now: "sprint (2)"}) ||
		n.String() != `milestone "sprint" was also saved elsewhere; this session's is now "sprint (2)"` {
		t.Errorf("milestone: %+v %q", n, n)
	}
}
