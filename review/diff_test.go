package review

import (
	"errors"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

const diffLensV1 = `schemaVersion: "2021-11-01"
id: d
version: "1"
name: D
description: d
pillars:
  - id: pil
    name: P
    questions:
      - id: QA1
        title: first
        description: d
        choices: [{id: a, title: A}, {id: b, title: B}, {id: QA1_no, title: None}]
        riskRules:
          - {condition: a && b, risk: NO_RISK}
          - {condition: a || b, risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
      - id: QA2
        title: second
        description: d
        choices: [{id: c, title: C}, {id: old, title: Old}, {id: QA2_no, title: None}]
        riskRules:
          - {condition: c || old, risk: NO_RISK}
          - {condition: default, risk: HIGH_RISK}
      - id: QA3
        title: third
        description: d
        choices: [{id: e, title: E}]
        riskRules: [{condition: e, risk: NO_RISK}, {condition: default, risk: HIGH_RISK}]
`

// v2 drops question QA3 and choice "old", and adds QA4.
var diffLensV2 = strings.Replace(strings.Replace(strings.Replace(strings.Replace(diffLensV1, `version: "1"`, `version: "2"`, 1),
	"{id: old, title: Old}, ", "", 1), "c || old", "c", 1),
	`      - id: QA3
        title: third
        description: d
        choices: [{id: e, title: E}]
        riskRules: [{condition: e, risk: NO_RISK}, {condition: default, risk: HIGH_RISK}]
`, `      - id: QA4
        title: fourth
        description: d
        choices: [{id: f, title: F}]
        riskRules: [{condition: f, risk: NO_RISK}, {condition: default, risk: HIGH_RISK}]
`, 1)

func parseLens(t *testing.T, doc string) *questions.Lens {
	t.Helper()
	l, problems := questions.Parse("d.yaml", []byte(doc), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	return l
}

func answered(l *questions.Lens, answers map[string]func(*Answer)) *Review {
	r := New(l, Workload{Name: "w"})
	for q, fn := range answers {
		r.Update("pil", q, "me", t0, fn)
	}
	r.RecordRisks(l)
	return r
}

func tick(ids ...string) func(*Answer) { return func(a *Answer) { a.Selected = ids } }

func find(t *testing.T, d *DiffResult, q string) QuestionDiff {
	t.Helper()
	for _, qd := range d.Questions {
		if qd.QuestionID == q {
			return qd
		}
	}
	t.Fatalf("no %s in diff", q)
	return QuestionDiff{}
}

func TestDiffCategories(t *testing.T) {
	l := parseLens(t, diffLensV1)
	cases := []struct {
		name       string
		before     map[string]func(*Answer)
		after      map[string]func(*Answer)
		change     Change
		riskBefore questions.Risk
		riskAfter  questions.Risk
		ticked     string
		unticked   string
	}{
		{"regressed", map[string]func(*Answer){"QA1": tick("a", "b")}, map[string]func(*Answer){"QA1": tick("a")}, Regressed, questions.NoRisk, questions.MediumRisk, "", "b"},
		{"improved", map[string]func(*Answer){"QA1": tick("QA1_no")}, map[string]func(*Answer){"QA1": tick("a", "b")}, Improved, questions.HighRisk, questions.NoRisk, "a,b", "QA1_no"},
		{"newly answered", nil, map[string]func(*Answer){"QA1": tick("a")}, NewlyAnswered, questions.Unanswered, questions.MediumRisk, "a", ""},
		{"no longer answered", map[string]func(*Answer){"QA1": tick("a")}, nil, NoLongerAnswered, questions.MediumRisk, questions.Unanswered, "", "a"},
		{"became not applicable", map[string]func(*Answer){"QA1": tick("a")},
			map[string]func(*Answer){"QA1": func(a *Answer) { a.Selected = []string{"a"}; a.NotApplicable, a.Reason = true, "OTHER" }},
			BecameNotApplicable, questions.MediumRisk, questions.NotApplicable, "", ""},
		{"applicable again", map[string]func(*Answer){"QA1": func(a *Answer) { a.NotApplicable = true }}, map[string]func(*Answer){"QA1": tick("b")},
			ApplicableAgain, questions.NotApplicable, questions.MediumRisk, "b", ""},
		{"same risk, other choice", map[string]func(*Answer){"QA1": tick("a")}, map[string]func(*Answer){"QA1": tick("b")}, Rescored, questions.MediumRisk, questions.MediumRisk, "b", "a"},
		{"notes only", map[string]func(*Answer){"QA1": tick("a")}, map[string]func(*Answer){"QA1": func(a *Answer) { a.Selected = []string{"a"}; a.Notes = "n" }},
			NotesChanged, questions.MediumRisk, questions.MediumRisk, "", ""},
		{"unchanged", map[string]func(*Answer){"QA1": tick("a")}, map[string]func(*Answer){"QA1": tick("a")}, Unchanged, questions.MediumRisk, questions.MediumRisk, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Diff(Side{Review: answered(l, c.before), Lens: l}, Side{Review: answered(l, c.after), Lens: l})
			q := find(t, d, "QA1")
			if q.Change != c.change || q.Before != c.riskBefore || q.After != c.riskAfter {
				t.Errorf("got %s %s -> %s", q.Change, q.Before, q.After)
			}
			if got := ids(q.Ticked); got != c.ticked {
				t.Errorf("ticked %q, want %q", got, c.ticked)
			}
			if got := ids(q.Unticked); got != c.unticked {
				t.Errorf("unticked %q, want %q", got, c.unticked)
			}
			if d.LensChanged {
				t.Error("same lens reported as changed")
			}
			wantReg := 0
			if c.change == Regressed || c.change == ApplicableAgain { // back from N/A at MEDIUM: a new risk
				wantReg = 1
			}
			if d.Regressions() != wantReg {
				t.Errorf("regressions %d", d.Regressions())
			}
		})
	}
}

func ids(rs []ChoiceRef) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.ID)
	}
	return strings.Join(s, ",")
}

func TestDiffAcrossLensVersions(t *testing.T) {
	v1, v2 := parseLens(t, diffLensV1), parseLens(t, diffLensV2)
	before := answered(v1, map[string]func(*Answer){"QA2": tick("old"), "QA3": tick("e")})
	after := answered(v1, map[string]func(*Answer){"QA2": tick("old"), "QA3": tick("e")}) // same answers, new lens
	d := Diff(Side{Review: before, Lens: v1}, Side{Review: after, Lens: v2})
	if !d.LensChanged {
		t.Error("lens change not noticed")
	}
	if q := find(t, d, "QA3"); q.Change != RemovedFromLens {
		t.Errorf("QA3: %s", q.Change)
	}
	if q := find(t, d, "QA4"); q.Change != AddedToLens || q.After != questions.Unanswered {
		t.Errorf("QA4: %s %s", q.Change, q.After)
	}
	// The choice "old" left the lens: QA2 is now unanswered by that lens,
	// and the choice is reported as dropped.
	q := find(t, d, "QA2")
	if q.Change != NoLongerAnswered || strings.Join(q.Dropped, ",") != "old" {
		t.Errorf("QA2: %s dropped %v", q.Change, q.Dropped)
	}
	// Order: the new lens's questions, then those only the old one had.
	var order []string
	for _, q := range d.Questions {
		order = append(order, q.QuestionID)
	}
	if strings.Join(order, " ") != "QA1 QA2 QA4 QA3" {
		t.Errorf("order %v", order)
	}
}

// Without a lens, each side's recorded risks are compared.
func TestDiffWithRecordedRisks(t *testing.T) {
	l := parseLens(t, diffLensV1)
	before := answered(l, map[string]func(*Answer){"QA1": tick("a", "b")})
	after := answered(l, map[string]func(*Answer){"QA1": tick("a"), "QA2": func(a *Answer) { a.NotApplicable = true }})
	d := Diff(Side{Review: before}, Side{Review: after})
	if q := find(t, d, "QA1"); q.Change != Regressed || q.Before != questions.NoRisk || q.After != questions.MediumRisk {
		t.Errorf("QA1 %s %s -> %s", q.Change, q.Before, q.After)
	}
	if q := find(t, d, "QA2"); q.Change != BecameNotApplicable {
		t.Errorf("QA2 %s", q.Change)
	}
	if d.OldScored || d.NewCounts.Medium != 1 || d.NewCounts.NotApplicable != 1 {
		t.Errorf("counts %+v", d.NewCounts)
	}
}

func TestAddMilestone(t *testing.T) {
	l := parseLens(t, diffLensV1)
	r := answered(l, map[string]func(*Answer){"QA1": tick("a")})
	if err := r.AddMilestone("q1", "first", l, t0); err != nil {
		t.Fatal(err)
	}
	r.Update("pil", "QA1", "me", t0, func(a *Answer) { a.Selected = []string{"b"} })
	m := r.Milestone("q1")
	if m == nil || m.Answers.Get("pil", "QA1").Selected[0] != "a" || m.Answers.Get("pil", "QA1").Risk != questions.MediumRisk || m.Lens.Digest != l.Digest {
		t.Fatalf("milestone %+v", m)
	}
	for _, name := range []string{"q1", "  ", ""} {
		if err := r.AddMilestone(name, "", l, t0); err == nil {
			t.Errorf("AddMilestone(%q) accepted", name)
		}
	}
}

// A milestone may not go by the name of history's current row, however
// it is spaced or composed, nor be longer than a row can show.
func TestMilestoneNamesRefused(t *testing.T) {
	l := parseLens(t, diffLensV1)
	r := answered(l, map[string]func(*Answer){"QA1": tick("a")})
	for _, name := range []string{"current", "(current)", "  (current) ", "現在", "(現在)", "*current*", strings.Repeat("a", MaxMilestoneName+1), strings.Repeat("é", MaxMilestoneName+1)} {
		err := r.AddMilestone(name, "", l, t0)
		if !errors.Is(err, ErrMilestoneName) {
			t.Errorf("AddMilestone(%.20q) = %v", name, err)
		}
	}
	if err := r.AddMilestone("(current)", "", l, t0); err == nil || !strings.Contains(err.Error(), `"(current)" is what history calls the current answers`) {
		t.Errorf("got %v", err)
	}
	if err := r.AddMilestone(strings.Repeat("a", 201), "", l, t0); err == nil || !strings.Contains(err.Error(), "the name is 201 characters long, and a milestone name is at most 200") {
		t.Errorf("got %v", err)
	}
	for _, name := range []string{"current state", "Current", strings.Repeat("é", MaxMilestoneName)} {
		if err := r.AddMilestone(name, "", l, t0); err != nil {
			t.Errorf("AddMilestone(%.20q): %v", name, err)
		}
	}
	if len(r.Milestones) != 3 {
		t.Errorf("%d milestones", len(r.Milestones))
	}
}

// Milestone names that look the same are one name: é as one character or
// as e and an accent, two spaces or one, a tab. The first is found by any
// of them, and none can be taken again.
func TestMilestoneNamesThatLookAlike(t *testing.T) {
	l := parseLens(t, diffLensV1)
	r := answered(l, map[string]func(*Answer){"QA1": tick("a")})
	for _, name := range []string{"caf\u00e9 2026  Q3", "Go\tlive"} {
		if err := r.AddMilestone(name, "", l, t0); err != nil {
			t.Fatal(err)
		}
	}
	if got := r.Milestones[0].Name; got != "caf\u00e9 2026 Q3" {
		t.Errorf("recorded as %q, want one space between words", got)
	}
	for _, name := range []string{"cafe\u0301 2026 Q3", "caf\u00e9 2026\tQ3", " café  2026 Q3 ", "Go live", "Go  live"} {
		if r.Milestone(name) == nil {
			t.Errorf("%q does not find its milestone", name)
		}
		if err := r.AddMilestone(name, "", l, t0); err == nil {
			t.Errorf("%q was taken again as another milestone", name)
		}
	}
	if r.Milestone("cafe 2026 Q3") != nil {
		t.Error("a name without its accent found the milestone")
	}
}

// Two lenses are named alike: by id when both have one, else by name,
// else by file, else each by what it has.
func TestLensNames(t *testing.T) {
	for _, c := range []struct {
		a, b         LensLabel
		wantA, wantB string
	}{
		{LensLabel{"ops", "Operational Excellence", "ops.yaml"}, LensLabel{"ops", "Ops", "builtin:ops"}, "ops", "ops"},
		{LensLabel{"", "", "lenses/日本語.json"}, LensLabel{"", "Operational Excellence", "日本語.json"}, "日本語.json", "日本語.json"},
		{LensLabel{"ecs", "", ""}, LensLabel{"", "Operational Excellence", "x.json"}, "ecs", "Operational Excellence"},
		{LensLabel{}, LensLabel{"", " ", ""}, "a lens without id, name or file", "a lens without id, name or file"},
	} {
		if a, b := LensNames(c.a, c.b); a != c.wantA || b != c.wantB {
			t.Errorf("LensNames(%+v, %+v) = %q, %q; want %q, %q", c.a, c.b, a, b, c.wantA, c.wantB)
		}
	}
}
