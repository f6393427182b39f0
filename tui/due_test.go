package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/review"
)

// A due date before 1970 (0000-01-01, a placeholder) is refused in the
// action dialog, which says a date from 1970 on is wanted, and stays.
func TestActionDueBefore1970(t *testing.T) {
	l := loadLens(t, "builtin:ops")
	r := review.New(l, review.Workload{Name: "W", Environment: review.Production})
	p := newTestProgram(t, l, r, 120, 40)
	press(p, "A", "tab")
	typeText(p, "0000-01-01")
	press(p, "enter")
	if view := ansi.Strip(p.View()); !strings.Contains(view, "due date “0000-01-01” is not a date like 2026-12-31, from 1970 on") {
		t.Errorf("the dialog does not refuse the date:\n%s", view)
	}
	if len(p.v.dialogs) != 1 {
		t.Errorf("%d dialogs open", len(p.v.dialogs))
	}
}
