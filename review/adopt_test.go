package review

import (
	"errors"
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

// Adopting "None of these" says that it has nothing to adopt, and which
// practices can be adopted instead: the command line and the TUI show
// this message.
func TestCheckAdoptNone(t *testing.T) {
	l, err := questions.Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	p, q, err := l.Find("OPS2")
	if err != nil {
		t.Fatal(err)
	}
	r := New(l, Workload{Name: "w"})
	_, err = r.CheckAdopt(p, q, "OPS2_no")
	if !errors.Is(err, ErrNothingToAdopt) || err.Error() != `OPS2_no: "None of these" has nothing to adopt; pick a practice not yet ticked: `+joinIDs(q, "") {
		t.Errorf("got %v", err)
	}
	var all []string
	for _, c := range q.Choices {
		if !c.IsNone() {
			all = append(all, c.ID)
		}
	}
	r.Update(p.ID, q.ID, "me", t0, func(a *Answer) { a.Selected = all })
	if _, err := r.CheckAdopt(p, q, "OPS2_no"); err == nil || err.Error() != `OPS2_no: "None of these" has nothing to adopt; every practice of OPS2 is ticked already` {
		t.Errorf("all ticked: %v", err)
	}
}

// joinIDs lists a question's practices but skip.
func joinIDs(q *questions.Question, skip string) string {
	out := ""
	for _, c := range q.Choices {
		if c.IsNone() || c.ID == skip {
			continue
		}
		if out != "" {
			out += ", "
		}
		out += c.ID
	}
	return out
}
