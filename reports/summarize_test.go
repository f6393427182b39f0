package reports

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/internal/reviewgen"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// summaryInputs are reviews with every risk level, actions, Japanese text,
// two lenses, a milestone and a generated 57-question review.
func summaryInputs(t *testing.T) []Input {
	r, l := fixture(t)
	ins := []Input{{File: "review.yaml", Review: r, Lens: l, Today: t0}}
	r2, l2 := fixture(t)
	r2.Workload.Name = "Search"
	r2.Update("operationalExcellence", "OPS2", "carol", t0, func(a *review.Answer) { a.NotApplicable = true })
	ins = append(ins, Input{File: "search.yaml", Review: r2, Lens: l2, Milestone: "2026 Q3", Today: t0})
	l3, err := questions.Load("../testdata/aws/reused-ids-nested.json")
	if err != nil {
		t.Fatal(err)
	}
	r3 := review.New(l3, review.Workload{Name: "Cost"})
	r3.Update("inform", "finops_co_q4", "dan", t0, func(a *review.Answer) { a.Selected = []string{"choice2"} })
	ins = append(ins, Input{File: "cost.yaml", Review: r3, Lens: l3})
	l4, problems := questions.Parse("gen.json", lensgen.AWSJSON(6, 57, 6, 170), questions.Options{})
	if l4 == nil {
		t.Fatal(problems)
	}
	for seed := range 3 {
		r4 := reviewgen.Review(l4, reviewgen.Options{Workload: fmt.Sprint("Generated ", seed), Seed: seed, Now: t0})
		ins = append(ins, Input{File: "gen.yaml", Review: r4, Lens: l4, Today: t0})
	}
	return ins
}

// The summaries write the same bytes from Summarize as from Score: one
// review or several, every format, colour or not, at every width.
func TestSummarizeWritesWhatScoreWrites(t *testing.T) {
	ins := summaryInputs(t)
	var full, small []*Scored
	for _, in := range ins {
		full, small = append(full, Score(in)), append(small, Summarize(in))
	}
	writers := map[string]func(*bytes.Buffer, []*Scored) error{
		"json": func(b *bytes.Buffer, all []*Scored) error { return WriteSummaryJSON(b, all) },
		"md":   func(b *bytes.Buffer, all []*Scored) error { return WriteSummaryMarkdown(b, all) },
	}
	for _, color := range []bool{false, true} {
		for _, width := range []int{0, 40, 60, 80, 120} {
			o := TextOptions{Color: color, Width: width}
			writers[fmt.Sprintf("text/%v/%d", color, width)] = func(b *bytes.Buffer, all []*Scored) error {
				if len(all) == 1 {
					return WriteSummaryText(b, all[0], o)
				}
				return WriteConsolidatedText(b, all, o)
			}
		}
	}
	sets := [][2][]*Scored{{full, small}}
	for i := range full {
		sets = append(sets, [2][]*Scored{full[i : i+1], small[i : i+1]})
	}
	for name, write := range writers {
		for _, set := range sets {
			var want, got bytes.Buffer
			if err := write(&want, set[0]); err != nil {
				t.Fatal(err)
			}
			if err := write(&got, set[1]); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s of %d reviews differs:\n%s\nwant\n%s", name, len(set[0]), got.Bytes(), want.Bytes())
			}
		}
	}
	for i := range full {
		if full[i].Actions != small[i].Actions || full[i].Counts != small[i].Counts {
			t.Errorf("review %d: counts differ (--fail-on reads them)", i)
		}
	}
}
