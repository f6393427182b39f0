package review

import (
	"errors"
	"strings"
	"testing"
)

// Only http(s) links are accepted, on every path that sets one (item 17).
func TestActionLinksMustBeWebLinks(t *testing.T) {
	r := New(opsLens(t), Workload{Name: "w"})
	base := Action{PillarID: "operationalExcellence", QuestionID: "OPS1", Title: "t"}
	for _, bad := range []string{"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
		"//evil.example/x", "tickets/OPS-1", "https://", "https:///path", "https://ex ample.com", "https://example.com/\u202e", "https://x.example/\n# h", "mailto:a@b.example"} {
		a := base
		a.Link = bad
		if _, err := r.AddAction(a, "me", t0); !errors.Is(err, ErrLink) {
			t.Errorf("AddAction with link %q: %v", bad, err)
		}
		if _, err := r.AddActionsForHigh(opsLens(t), Action{Link: bad}, "me", t0); !errors.Is(err, ErrLink) {
			t.Errorf("AddActionsForHigh with link %q: %v", bad, err)
		}
	}
	if len(r.Actions) != 0 {
		t.Fatalf("actions added: %+v", r.Actions)
	}
	for _, good := range []string{"", "https://tickets.example/OPS-1", "HTTP://jira/OPS-1?x=(1)", "https://例え.jp/チケット"} {
		a := base
		a.Link = good
		if _, err := r.AddAction(a, "me", t0); err != nil {
			t.Errorf("AddAction with link %q: %v", good, err)
		}
	}
	bad, good := "javascript:alert(1)", "https://tickets.example/2"
	if _, err := r.UpdateAction("A1", ActionChange{Link: &bad}, "me", t0); !errors.Is(err, ErrLink) || r.Action("A1").Link != "" {
		t.Errorf("UpdateAction with a javascript: link: %v", err)
	}
	if a, err := r.UpdateAction("A1", ActionChange{Link: &good}, "me", t0); err != nil || a.Link != good {
		t.Errorf("UpdateAction with an https link: %v", err)
	}
	if err := ValidLink(bad); err == nil || !strings.Contains(err.Error(), "http or https") {
		t.Errorf("message: %v", err)
	}
}
