package tui

import (
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/review"
)

// The words of an "Other" reason are wafr's line at the top of the notes:
// when a tick makes the question applicable again, that line goes and the
// team's own notes stay, in the session, in the file and on the screen.
func TestTickRemovesTheNotApplicableReasonFromTheNotes(t *testing.T) {
	p := opsProgram(t)
	press(p, "n", "n") // OPS3
	press(p, "e")
	typeText(p, "Ask the SRE lead.")
	press(p, "esc", "a", "j", "j", "j", "enter")
	typeText(p, "Readiness is owned by the platform team")
	press(p, "enter")
	if a := answer(p, "OPS3"); a == nil || !a.NotApplicable || a.Notes != "Not applicable: Readiness is owned by the platform team\nAsk the SRE lead." {
		t.Fatalf("after Other: %+v", a)
	}
	press(p, "x")
	a := answer(p, "OPS3")
	if a.NotApplicable || a.Reason != "" || a.Notes != "Ask the SRE lead." {
		t.Errorf("after the tick: %+v", a)
	}
	v := plainView(p)
	if strings.Contains(v, "Not applicable") || !strings.Contains(v, "Notes: Ask the SRE lead.") {
		t.Errorf("the screen after the tick:\n%s", v)
	}
	save(p)
	if got := load(t, p.s.path).Answers.Get(pillar, "OPS3"); got.Notes != "Ask the SRE lead." {
		t.Errorf("the file's notes: %q", got.Notes)
	}
}

// Through the session: the reason line goes when the question is unmarked
// or given another reason, or ticked (in Japanese words too); notes that
// merely mention "Not applicable" further down, or a question N/A for
// another reason, keep every word.
func TestNotApplicableReasonLineLeavesWithTheMark(t *testing.T) {
	for _, c := range []struct {
		name   string
		notes  string
		reason string
		then   Intent
		want   string
	}{
		{"tick", "Not applicable: owned elsewhere\nmine", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, "mine"},
		{"tick, only the reason", "Not applicable: owned elsewhere", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, ""},
		{"tick, Japanese", "適用外の理由: 別チームの担当\nmine", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, "mine"},
		{"unmark", "Not applicable: owned elsewhere\nmine", reasonOther, NotApplicableIntent{Applicable: true}, "mine"},
		{"another reason", "Not applicable: owned elsewhere\nmine", reasonOther, NotApplicableIntent{Reason: "OUT_OF_SCOPE"}, "mine"},
		{"other words", "Not applicable: owned elsewhere\nmine", reasonOther, NotApplicableIntent{Reason: reasonOther, Words: "new", NotePrefix: "Not applicable: "}, "Not applicable: new\nmine"},
		{"not the first line", "mine\nNot applicable: said in passing", reasonOther, TickIntent{ChoiceID: "OPS1_slo"}, "mine\nNot applicable: said in passing"},
		{"another reason's notes", "Not applicable: typed by the team", "OUT_OF_SCOPE", TickIntent{ChoiceID: "OPS1_slo"}, "Not applicable: typed by the team"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := opsProgram(t)
			r := p.s.Snapshot().Review.Clone()
			r.Update(pillar, "OPS1", "bob", testNow, func(a *review.Answer) {
				a.NotApplicable, a.Reason, a.Notes = true, c.reason, c.notes
			})
			p.s.rev = r
			if res := p.s.Apply("tester", c.then); res.Err != nil {
				t.Fatal(res.Err)
			}
			got := p.s.Snapshot().Review.Answers.Get(pillar, "OPS1")
			na, _ := c.then.(NotApplicableIntent)
			if got.Notes != c.want || got.NotApplicable != (na.Reason != "") {
				t.Errorf("%+v", got)
			}
		})
	}
}
