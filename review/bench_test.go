package review

import (
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
