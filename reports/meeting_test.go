package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/review"
)

// The plan of a live review says which questions the vote contested, how
// each voted, and the time spent on each question.
func TestPlanShowsVotesAndTimeSpent(t *testing.T) {
	r, l := fixture(t)
	var qid, pid string
	for _, p := range l.Pillars {
		pid, qid = p.ID, p.Questions[0].ID
		break
	}
	r.Update(pid, qid, "alice", time.Now(), func(a *review.Answer) {
		a.Votes = []review.Vote{{By: "alice", Selected: []string{"x_1"}}, {By: "bob"}}
		a.TimeSpent = 7*time.Minute + 5*time.Second
	})
	s := Score(Input{Review: r, Lens: l, Today: time.Now()})
	var b bytes.Buffer
	if err := WritePlan(&b, s, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Contested in the vote", "## Time spent in the review", "| 7m5s |", "- bob: nothing"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, b.String())
		}
	}
	var j bytes.Buffer
	WriteReportJSON(&j, s)
	if !strings.Contains(j.String(), `"contested": true`) || !strings.Contains(j.String(), `"timeSpent": "7m5s"`) {
		t.Errorf("JSON lacks the vote or the time:\n%.2000s", j.String())
	}
}

// On a terminal the plan is drawn with glamour: styled when colour is on,
// plain words without Markdown marks when it is off, nothing lost.
func TestPlanDrawnForTheTerminal(t *testing.T) {
	s := scoredFixture(t)
	var md bytes.Buffer
	WritePlan(&md, s, PlanOptions{})
	for _, color := range []bool{true, false} {
		var b bytes.Buffer
		if err := WriteMarkdownTerminal(&b, md.Bytes(), TerminalOptions{Color: color, Dark: true, Width: 100, Wrap: true}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if has := strings.Contains(out, "\x1b["); has != color {
			t.Errorf("colour %v: escape codes %v", color, has)
		}
		plain := ansi.Strip(out)
		if color && strings.Contains(plain, "**") || strings.Contains(plain, "|---|") || !strings.Contains(plain, "決済 API") {
			t.Errorf("colour %v: not drawn, or the workload is missing:\n%.1500s", color, plain)
		}
	}
}
