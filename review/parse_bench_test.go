package review_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/internal/reviewgen"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// gen57 is the review of a generated 400 KB AWS lens (57 questions) with
// notes and actions, and the given number of milestones, encoded.
func gen57(b *testing.B, milestones int) []byte {
	l, problems := questions.Parse("gen.json", lensgen.AWSJSON(6, 57, 6, 170), questions.Options{})
	if l == nil {
		b.Fatal(problems)
	}
	l.ID, l.Source = "gen", "gen.json"
	r := reviewgen.Review(l, reviewgen.Options{Workload: "bench", Milestones: milestones, Now: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)})
	data, err := r.Encode()
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// Parsing the 57-question review (about 22 KB), and the same with 100
// milestones (about 1 MB): what every command and history pay per file.
func BenchmarkParse57(b *testing.B) {
	for _, m := range []int{0, 100} {
		data := gen57(b, m)
		b.Run(fmt.Sprintf("milestones=%d", m), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := review.Parse("r.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
