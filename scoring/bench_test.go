package scoring

import (
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
)

// Scoring a fully answered 200-question review. Target: under 100µs.
func BenchmarkScore200Questions(b *testing.B) {
	l, problems := questions.Parse("gen.yaml", lensgen.YAML(8, 25, 8), questions.Options{})
	if l == nil {
		b.Fatal(problems)
	}
	answers := map[string]map[string]Answer{}
	for _, p := range l.Pillars {
		answers[p.ID] = map[string]Answer{}
		for i, q := range p.Questions {
			var sel []string
			for j, c := range q.Choices[:len(q.Choices)-1] {
				if (i+j)%2 == 0 {
					sel = append(sel, c.ID)
				}
			}
			answers[p.ID][q.ID] = Answer{Selected: sel}
		}
	}
	lookup := func(p, q string) (Answer, bool) { a, ok := answers[p][q]; return a, ok }
	b.ResetTimer()
	for b.Loop() {
		res := Score(l, lookup)
		if res.Counts.Unanswered != 0 {
			b.Fatal("unanswered")
		}
	}
}
