package review

import (
	"strings"
	"testing"
	"time"
)

// What a live review adds to a file (votes, time spent, parked items)
// survives saving and loading, and merges like the rest.
func TestMeetingFieldsRoundTrip(t *testing.T) {
	r := sample(t)
	r.Update("operationalExcellence", "OPS1", "alice", t0, func(a *Answer) {
		a.TimeSpent = 6*time.Minute + 30*time.Second
		a.Votes = []Vote{{By: "alice", Selected: []string{"OPS1_slo"}}, {By: "bob"}}
	})
	r.Parked = []Parked{{PillarID: "operationalExcellence", QuestionID: "OPS3", Text: "Ask about the DR drill", By: "carol", At: t0}}
	data := r.Marshal()
	for _, want := range []string{"timeSpent: 6m30s", "- {by: alice, selected: [OPS1_slo]}", "- {by: bob, selected: []}", "parked:", "question: operationalExcellence/OPS3"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("file lacks %q:\n%s", want, data)
		}
	}
	got, err := Parse("r.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Answers.Get("operationalExcellence", "OPS1")
	if a.TimeSpent != 390*time.Second || len(a.Votes) != 2 || a.Votes[0].Selected[0] != "OPS1_slo" || !Contested(a.Votes) {
		t.Errorf("answer %+v", a)
	}
	if len(got.Parked) != 1 || got.Parked[0].Text != "Ask about the DR drill" || !got.Parked[0].At.Equal(t0) {
		t.Errorf("parked %+v", got.Parked)
	}
	if string(got.Marshal()) != string(data) {
		t.Error("re-save differs")
	}
	if _, err := Parse("r.yaml", []byte(strings.Replace(string(data), "6m30s", "soon", 1))); err == nil || !strings.Contains(err.Error(), "timeSpent") {
		t.Errorf("bad duration: %v", err)
	}

	// Merge: our new parked item and our time spent join their changes;
	// an item we resolved goes.
	base := got.Clone()
	ours, theirs := got.Clone(), got.Clone()
	ours.Parked = append(ours.Parked[:0:0], Parked{PillarID: "operationalExcellence", QuestionID: "OPS2", Text: "new", By: "dan", At: t0})
	ours.Update("operationalExcellence", "OPS1", "x", t0, func(a *Answer) { a.TimeSpent += time.Minute })
	theirs.Update("operationalExcellence", "OPS4", "y", t0, func(a *Answer) { a.Selected = []string{"OPS4_no"} })
	merged, conflicts := Merge(base, ours, theirs)
	if len(conflicts) != 0 || len(merged.Parked) != 1 || merged.Parked[0].Text != "new" {
		t.Errorf("parked after merge %+v, conflicts %v", merged.Parked, conflicts)
	}
	if a := merged.Answers.Get("operationalExcellence", "OPS1"); a.TimeSpent != 450*time.Second {
		t.Errorf("time spent after merge %v", a.TimeSpent)
	}
}
