package reports

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/internal/reviewgen"
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

// scored57 is the 57-question review of a generated 400 KB AWS lens, with
// notes and actions, scored.
func scored57(b testing.TB) *Scored {
	l, problems := questions.Parse("gen.json", lensgen.AWSJSON(6, 57, 6, 170), questions.Options{})
	if l == nil {
		b.Fatal(problems)
	}
	r := reviewgen.Review(l, reviewgen.Options{Workload: "bench", Now: t0})
	return Score(Input{Review: r, Lens: l, Today: t0})
}

// The Markdown plan of the 57-question review (its text escaping most of
// all), scoring excluded.
func BenchmarkWritePlan57(b *testing.B) {
	s := scored57(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePlan(io.Discard, s, PlanOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Scoring the 57-question review into the report model (Score), and
// into the summaries' smaller one (Summarize).
func BenchmarkScore57(b *testing.B) {
	l, problems := questions.Parse("gen.json", lensgen.AWSJSON(6, 57, 6, 170), questions.Options{})
	if l == nil {
		b.Fatal(problems)
	}
	r := reviewgen.Review(l, reviewgen.Options{Workload: "bench", Now: t0})
	for name, score := range map[string]func(Input) *Scored{"Score": Score, "Summarize": Summarize} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				score(Input{Review: r, Lens: l, Today: t0})
			}
		})
	}
}

// inline on lens text: a long improvement plan with no Markdown in it, and
// a short note with some.
func BenchmarkInline(b *testing.B) {
	long := strings.Repeat("Teams that follow this practice review it regularly and write down what they decided. ", 4)
	note := "Checked with alice | see #ops-3; `config` is *mostly* done.\n1. next: [runbook](https://wiki.example.com/x) <soon>"
	b.ReportAllocs()
	for b.Loop() {
		_ = inline(long)
		_ = inline(note)
	}
}

// The plan of the 57-question review as drawn on a terminal (report to a
// terminal): glamour's rendering and the line breaking after it.
func BenchmarkTerminalPlan57(b *testing.B) {
	s := scored57(b)
	var md bytes.Buffer
	if err := WritePlan(&md, s, PlanOptions{Terminal: true}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMarkdownTerminal(io.Discard, md.Bytes(), TerminalOptions{Color: true, Dark: true, Width: 100}); err != nil {
			b.Fatal(err)
		}
	}
}
