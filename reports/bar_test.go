package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/review"
)

// When every question is answered the summary's bar has no unanswered
// segment: rounding goes to a level that has questions (issue 16).
func TestSummaryBarHasNoUnansweredWhenAllAnswered(t *testing.T) {
	r, l := fixture(t)
	r.Update("operationalExcellence", "OPS6", "alice", t0, func(a *review.Answer) { a.Selected = []string{"OPS6_no"} })
	s := Score(Input{File: "review.yaml", Review: r, Lens: l, Today: t0})
	if s.Counts.Unanswered != 0 {
		t.Fatalf("fixture still has unanswered questions: %+v", s.Counts)
	}
	for _, w := range []int{0, 60, 80, 120} {
		var b bytes.Buffer
		if err := WriteSummaryText(&b, s, TextOptions{Width: w}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(b.String(), "\n") {
			if strings.Contains(line, "█") && strings.Contains(line, "·") && !strings.Contains(line, "unanswered") {
				t.Errorf("width %d: a bar shows unanswered with none unanswered: %q", w, line)
			}
		}
	}
}
