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

// Two live reviews of one file each add their own time spent: that is
// never a conflict (it is no answer anyone chose), and the merge keeps
// both meetings' time. Their answers merge as ever: a real difference is
// still a conflict.
func TestMergeTimeSpentIsNoConflict(t *testing.T) {
	const p = "operationalExcellence"
	base := sample(t)
	base.Update(p, "OPS5", "alice", t0, func(a *Answer) { a.Selected = []string{"OPS5_no"}; a.TimeSpent = 10 * time.Second })
	ours, theirs := base.Clone(), base.Clone()
	ours.AddTimeSpent(p, "OPS5", 12*time.Second)   // 22s here
	theirs.AddTimeSpent(p, "OPS5", 17*time.Second) // 27s there
	ours.AddTimeSpent(p, "OPS6", 5*time.Second)    // unanswered here, time only
	theirs.Update(p, "OPS6", "script", t0, func(a *Answer) { a.Selected = []string{"OPS6_no"} })
	merged, conflicts := Merge(base, ours, theirs)
	if len(conflicts) != 0 {
		t.Fatalf("conflicts %v, want none: only the time spent differs", conflicts)
	}
	if a := merged.Answers.Get(p, "OPS5"); a == nil || a.TimeSpent != 39*time.Second || strings.Join(a.Selected, ",") != "OPS5_no" {
		t.Errorf("OPS5 after merge %+v, want its answer and 10s+12s+17s", a)
	}
	if a := merged.Answers.Get(p, "OPS6"); a == nil || a.TimeSpent != 5*time.Second || a.AnsweredBy != "script" || strings.Join(a.Selected, ",") != "OPS6_no" {
		t.Errorf("OPS6 after merge %+v, want the script's answer and our 5s", a)
	}
	// Time on both sides does not hide a real difference.
	ours.Update(p, "OPS5", "alice", t0, func(a *Answer) { a.Selected = []string{"OPS5_a"} })
	theirs.Update(p, "OPS5", "bob", t0, func(a *Answer) { a.Selected = []string{"OPS5_b"} })
	if _, conflicts := Merge(base, ours, theirs); len(conflicts) != 1 || conflicts[0].QuestionID != "OPS5" {
		t.Errorf("conflicts %v, want OPS5's answers", conflicts)
	}
	// Ours took theirs' answer, its time with it (the host chose to
	// reload it): the time is theirs, not counted twice.
	ours.Answers[p]["OPS5"] = theirs.Answers.Get(p, "OPS5").clone()
	if merged, _ := Merge(base, ours, theirs); merged.Answers.Get(p, "OPS5").TimeSpent != 27*time.Second {
		t.Errorf("time after a reload %v, want theirs (27s)", merged.Answers.Get(p, "OPS5").TimeSpent)
	}
}
