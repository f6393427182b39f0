package review

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
)

func fullReview(b *testing.B) *Review {
	l, problems := questions.Parse("gen.yaml", lensgen.YAML(8, 25, 8), questions.Options{})
	if l == nil {
		b.Fatal(problems)
	}
	r := New(l, Workload{Name: "bench", Environment: Production})
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			r.Update(p.ID, q.ID, "bench", t0, func(a *Answer) {
				a.Selected = []string{q.Choices[0].ID, q.Choices[2].ID}
				a.Notes = "A note about " + q.ID + ".\nSecond line."
			})
		}
	}
	return r
}

// Saving a fully answered 200-question review (encode, fsync, rename).
func BenchmarkSave200Questions(b *testing.B) {
	r := fullReview(b)
	path := filepath.Join(b.TempDir(), "review.yaml")
	for b.Loop() {
		if err := writeReview(r, path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshal200Questions(b *testing.B) {
	r := fullReview(b)
	for b.Loop() {
		r.Marshal()
	}
}

func BenchmarkLoad200Questions(b *testing.B) {
	r := fullReview(b)
	data := r.Marshal()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("r.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// actionSides are two reviews with n actions each: most unchanged, some
// progressed, completed or reopened, some removed and some opened.
func actionSides(n int) (Side, Side) {
	before := &Review{Answers: Answers{}}
	after := &Review{Answers: Answers{}}
	statuses := []string{StatusOpen, StatusInProgress, StatusDone, StatusAcceptedRisk}
	for i := 0; i < n; i++ {
		a := Action{ID: fmt.Sprintf("A%d", i+1), PillarID: "p", QuestionID: fmt.Sprintf("Q%d", i%200), ChoiceID: "c", Title: "t", Status: StatusOpen}
		before.Actions = append(before.Actions, a)
		b := a
		switch {
		case i%10 == 0:
			b.Status = statuses[i/10%4]
		case i%97 == 0:
			b.ID = fmt.Sprintf("A%d", n+i+1) // one removed, one opened
		}
		after.Actions = append(after.Actions, b)
	}
	return Side{Review: before}, Side{Review: after}
}

// Diffing two reviews with 40,000 actions each (issue 14 item 19: it was
// quadratic, 18-40 s).
func BenchmarkDiffActions40k(b *testing.B) {
	before, after := actionSides(40_000)
	for b.Loop() {
		diffActions(before, after)
	}
}
