package review

import (
	"bytes"
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

func reviewSeeds(f *testing.F) {
	l, err := questions.Load("builtin:ops")
	if err != nil {
		f.Fatal(err)
	}
	r := New(l, Workload{Name: "w", Environment: Production})
	r.Update("operationalExcellence", "OPS1", "me", t0, func(a *Answer) { a.Selected = []string{"OPS1_slo"}; a.Notes = "two\nlines" })
	r.Update("operationalExcellence", "OPS2", "me", t0, func(a *Answer) { a.NotApplicable, a.Reason = true, "OTHER" })
	r.RecordRisks(l)
	r.AddMilestone("m", "", l, t0)
	f.Add(r.Marshal())
	f.Add([]byte("wafr: 1\nlens: {id: ops}\nanswers: {p: {q: {selected: [a, b]}}}\n"))
	f.Add([]byte("wafr: 1\nlens: {id: ops}\nmilestones: [{name: x, recordedAt: 2026-01-01T00:00:00Z, lens: {id: ops}}]\n"))
}

// FuzzParseReview: the loader never panics, and a file that loads saves
// back to bytes that load to the same review (saving is stable).
func FuzzParseReview(f *testing.F) {
	reviewSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("f.yaml", data)
		if err != nil {
			if _, ok := err.(*LoadError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		out := r.Marshal()
		r2, err := Parse("again.yaml", out)
		if err != nil {
			t.Fatalf("saved review does not load: %v\n%s", err, out)
		}
		if again := r2.Marshal(); !bytes.Equal(out, again) {
			t.Fatalf("saving is not stable:\n%s\n---\n%s", out, again)
		}
	})
}

// FuzzDiff: diffing any two reviews, with and without a lens, never panics,
// and a review compared with itself has no changes.
func FuzzDiff(f *testing.F) {
	reviewSeeds(f)
	l, _ := questions.Load("builtin:ops")
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("f.yaml", data)
		if err != nil {
			return
		}
		other := New(l, Workload{Name: "x"})
		other.Update("operationalExcellence", "OPS1", "me", t0, func(a *Answer) { a.Selected = []string{"OPS1_no"} })
		for _, lens := range []*questions.Lens{l, nil} {
			Diff(Side{Review: r, Lens: lens}, Side{Review: other, Lens: l})
			Diff(Side{Review: other, Lens: lens}, Side{Review: r})
			same := Diff(Side{Review: r, Lens: lens}, Side{Review: r.Clone(), Lens: lens})
			for _, q := range same.Questions {
				if q.Change != Unchanged {
					t.Fatalf("a review differs from itself at %s/%s: %s", q.PillarID, q.QuestionID, q.Change)
				}
			}
		}
	})
}
