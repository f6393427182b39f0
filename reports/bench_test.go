package reports

import (
	"io"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

func scored200(b *testing.B) (*review.Review, *questions.Lens) {
	l, problems := questions.Parse("gen.yaml", lensgen.YAML(8, 25, 8), questions.Options{})
	if l == nil {
		b.Fatal(problems)
	}
	r := review.New(l, review.Workload{Name: "bench"})
	for _, p := range l.Pillars {
		for i, q := range p.Questions {
			r.Update(p.ID, q.ID, "bench", t0, func(a *review.Answer) {
				a.Selected = []string{q.Choices[i%3].ID}
				a.Notes = "a note | with # markdown"
			})
		}
	}
	return r, l
}

// The Markdown plan of a fully answered 200-question review, scoring
// included. Target: under 5 ms.
func BenchmarkReport200Questions(b *testing.B) {
	r, l := scored200(b)
	for b.Loop() {
		if err := WritePlan(io.Discard, Score(Input{Review: r, Lens: l}), PlanOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The terminal summary of the same review. Target: under 5 ms.
func BenchmarkSummary200Questions(b *testing.B) {
	r, l := scored200(b)
	for b.Loop() {
		if err := WriteSummaryText(io.Discard, Score(Input{Review: r, Lens: l}), TextOptions{Color: true}); err != nil {
			b.Fatal(err)
		}
	}
}
