package review

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// diffActionsPairwise is the former quadratic diffActions, kept as the
// reference for what the linear one must return.
func diffActionsPairwise(before, after Side) []ActionDiff {
	var out []ActionDiff
	for _, a := range after.Review.Actions {
		d := ActionDiff{Action: a, After: a.Status}
		var old *Action
		for i := range before.Review.Actions {
			if before.Review.Actions[i].ID == a.ID {
				old = &before.Review.Actions[i]
			}
		}
		if old != nil {
			d.Before = old.Status
		}
		switch {
		case old == nil:
			d.Change = "opened"
		case old.Status == a.Status:
		case a.Status == StatusDone:
			d.Change = "completed"
		case a.Status == StatusAcceptedRisk:
			d.Change = "risk accepted"
		case old.Closed():
			d.Change = "reopened"
		default:
			d.Change = "progressed"
		}
		if !a.Closed() && a.ChoiceID != "" && after.Review.Ticked(a.PillarID, a.QuestionID, a.ChoiceID) {
			d.Closable = true
		}
		if d.Change != "" || d.Closable {
			out = append(out, d)
		}
	}
	for _, a := range before.Review.Actions {
		found := false
		for _, b := range after.Review.Actions {
			found = found || b.ID == a.ID
		}
		if !found {
			out = append(out, ActionDiff{Action: a, Before: a.Status, Change: "removed"})
		}
	}
	return out
}

// The linear action diff says exactly what the pairwise one said (item 19).
func TestDiffActionsMatchesPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	side := func() Side {
		r := &Review{Answers: Answers{}}
		for i := 0; i < rng.IntN(30); i++ {
			id := fmt.Sprintf("A%d", rng.IntN(40))
			if r.Action(id) != nil {
				continue
			}
			q := fmt.Sprintf("Q%d", rng.IntN(3))
			r.Actions = append(r.Actions, Action{ID: id, PillarID: "p", QuestionID: q, ChoiceID: []string{"", "c1", "c2"}[rng.IntN(3)], Status: Statuses[rng.IntN(4)]})
			if rng.IntN(2) == 0 {
				r.Update("p", q, "me", t0, func(a *Answer) { a.Selected = []string{"c1"} })
			}
		}
		return Side{Review: r}
	}
	for i := 0; i < 2000; i++ {
		before, after := side(), side()
		if got, want := diffActions(before, after), diffActionsPairwise(before, after); !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d:\ngot  %+v\nwant %+v", i, got, want)
		}
	}
}

// 40,000 actions a side diff in well under a second (pairwise, 18-40 s).
func TestDiffActionsIsLinear(t *testing.T) {
	before, after := actionSides(40_000)
	start := time.Now()
	d := diffActions(before, after)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("diffing 40,000 actions took %v", took)
	}
	if len(d) != 3742 {
		t.Errorf("%d changes", len(d))
	}
}
