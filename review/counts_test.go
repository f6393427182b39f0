package review

import (
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

// Side.Counts counts what the diff's view counts, with and without a lens,
// orphaned answers (a question the lens no longer has) included.
func TestSideCountsMatchView(t *testing.T) {
	l, err := questions.Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	r := New(l, Workload{Name: "w"})
	r.Update("operationalExcellence", "OPS1", "me", t0, func(a *Answer) { a.Selected = []string{"OPS1_slo"} })
	r.Update("operationalExcellence", "OPS2", "me", t0, func(a *Answer) { a.NotApplicable, a.Reason = true, "OTHER" })
	r.Update("operationalExcellence", "OPS3", "me", t0, func(a *Answer) { a.Selected = []string{"OPS3_no"} })
	r.Update("gone", "X1", "me", t0, func(a *Answer) { a.Selected = []string{"X1_a"} })
	r.RecordRisks(l)
	r.Answers["gone"]["X1"].Risk = questions.MediumRisk
	for _, s := range []Side{{Review: r, Lens: l}, {Review: r}, {Review: New(l, Workload{}), Lens: l}, {Review: New(l, Workload{})}} {
		if got, want := s.Counts(), view(s).counts; got != want {
			t.Errorf("lens %v: Counts %+v, view %+v", s.Lens != nil, got, want)
		}
	}
}
