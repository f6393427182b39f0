package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// refresh rebuilds the question screen's text from the snapshot.
func (q questionScreen) refresh() questionScreen {
	if len(q.snap.Items) == 0 || q.w == 0 {
		return q
	}
	w := q.leftWidth()
	if q.wide() {
		w-- // a space between the columns
	}
	q.top = q.topText(w)
	q.choices, q.choiceTop = q.choiceText(w)
	q.notes = q.notesText(w)
	q.actions = q.actionText(w)
	return q
}

// topText is the position, the risk badge, the title and the
// not-applicable line.
func (q questionScreen) topText(w int) string {
	s := q.c.styles
	it := q.item()
	pos := fmt.Sprintf("%s - %d/%d", oneLine(sanitize(it.Pillar.Name)), it.QI+1, len(it.Pillar.Questions))
	lines := []string{spread(s.Heading.Render(truncate(pos, w-14)), s.badges[q.snap.Risk(q.cur)], w)}
	title := wrap(sanitize(it.Question.ID)+"  "+oneLine(sanitize(it.Question.Title)), w)
	lines = append(lines, s.QuestionTitle.Render(fitHeight(title, titleLines)))
	na := q.banner(w)
	if a := q.snap.Answer(q.cur); a != nil && a.NotApplicable && na == "" {
		na = s.NotApplicable.Render(truncate("Not applicable: "+reasonLabel(a.Reason)+"  (a to change)", w))
	}
	return strings.Join(append(lines, na), "\n")
}

// choiceText is the visible window of the choices, scrolled so the cursor
// shows, and the first choice in it.
func (q questionScreen) choiceText(w int) (string, int) {
	s := q.c.styles
	choices := q.item().Question.Choices
	rows := q.choiceRows()
	top := q.choiceTop
	if q.cursor < top {
		top = q.cursor
	}
	if q.cursor >= top+rows {
		top = q.cursor - rows + 1
	}
	selected := map[string]bool{}
	if a := q.snap.Answer(q.cur); a != nil {
		for _, id := range a.Selected {
			selected[id] = true
		}
	}
	var lines []string
	for i := top; i < len(choices) && i < top+rows; i++ {
		box := s.Unchecked.Render("[ ]")
		if selected[choices[i].ID] {
			box = s.Checked.Render("[x]")
		}
		ballot, suffix, voting := q.voteMarks(choices[i].ID)
		if voting {
			box = ballot
		}
		marker, text := "  ", truncate(oneLine(sanitize(choices[i].Title)), w-6-displayWidth(suffix))+suffix
		if i == q.cursor {
			marker = s.Cursor.Render("› ")
			if !q.paneFocus {
				text = s.Selected.Render(text)
			}
		}
		lines = append(lines, marker+box+" "+text)
	}
	if more := len(choices) - rows; more > 0 {
		lines[len(lines)-1] = truncate(lines[len(lines)-1], w-8) + s.Dim.Render(fmt.Sprintf(" (%d/%d)", q.cursor+1, len(choices)))
	}
	return strings.Join(lines, "\n"), top
}

func (q questionScreen) notesText(w int) string {
	s := q.c.styles
	a := q.snap.Answer(q.cur)
	if a == nil || a.Notes == "" {
		return s.Dim.Render("No notes (e to add).")
	}
	first, rest, _ := strings.Cut(sanitize(a.Notes), "\n")
	line := "Notes: " + first
	if rest != "" {
		line += fmt.Sprintf(" (+%s)", plural(strings.Count(rest, "\n")+1, "line"))
	}
	return s.Notes.Render(truncate(line, w))
}

func (q questionScreen) actionText(w int) string {
	s := q.c.styles
	it := q.item()
	actions := q.snap.Review.ActionsOf(it.Pillar.ID, it.Question.ID)
	rows := q.actionRows()
	var lines []string
	for i, a := range actions {
		if i == rows-1 && len(actions) > rows {
			lines = append(lines, s.Dim.Render(fmt.Sprintf("  +%d more actions (wafr action list)", len(actions)-i)))
			break
		}
		box := "[ ]"
		if a.Closed() {
			box = "[x]"
		}
		facts := []string{a.Status}
		if a.Owner != "" {
			facts = append(facts, sanitize(a.Owner))
		}
		if a.Due != "" {
			due := "due " + a.Due
			if a.Overdue(q.c.now()) {
				due = s.RiskHigh.Render(due + " overdue")
			}
			facts = append(facts, due)
		}
		// Status, owner and due date first: the title is what gets cut.
		line := fmt.Sprintf("%s %s %s: %s", box, sanitize(a.ID), strings.Join(facts, ", "), oneLine(sanitize(a.Title)))
		lines = append(lines, truncate(line, w))
	}
	return strings.Join(lines, "\n")
}

func (q questionScreen) view() string {
	left := q.top + "\n" + q.choices + "\n" + q.notes
	if q.actions != "" {
		left += "\n" + q.actions
	}
	paneStyle := q.c.styles.Pane
	if q.paneFocus {
		paneStyle = q.c.styles.PaneFocused
	}
	pane := paneStyle.Render(q.pane.View())
	if q.wide() {
		left = q.leftCol.Render(fitHeight(left, q.h))
		return lipgloss.JoinHorizontal(lipgloss.Top, left, " ", pane)
	}
	return fitHeight(left, q.topRows()) + "\n" + pane
}

// reasonLabel is a not-applicable reason as people read it.
func reasonLabel(r string) string {
	for _, o := range naOptions() {
		if o.reason == r {
			return o.label
		}
	}
	if r == "" {
		return "no reason given"
	}
	return r
}
