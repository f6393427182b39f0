package tui

import (
	"fmt"
	"strings"
)

// refresh rebuilds the question screen from the snapshot: everything
// View shows, as one string.
func (q questionScreen) refresh() questionScreen {
	if len(q.snap.Items) == 0 || q.w == 0 {
		return q
	}
	w := q.textWidth()
	var choices string
	choices, q.choiceTop = q.choiceText(w)
	left := []string{q.topText(w), choices, q.notesText(w)}
	if actions := q.actionText(w); actions != "" {
		left = append(left, actions)
	}
	pw, ph := q.paneSize()
	pane := q.paneBox(pw, ph)
	if !q.wide() {
		q.body = fitHeight(strings.Join(left, "\n"), q.topRows()) + "\n" + pane
		return q
	}
	// Side by side: the choices column padded to its width, a space, the
	// pane. No line of the pane is wider than the pane (help that has one
	// puts the pane under the choices): should one be, it is the choices
	// column that gives way on its line, never the frame.
	ll := strings.Split(fitHeight(strings.Join(left, "\n"), q.h), "\n")
	pl := strings.Split(pane, "\n")
	out := make([]string, q.h)
	for i := range out {
		l, p := "", ""
		if i < len(ll) {
			l = ll[i]
		}
		if i < len(pl) {
			p = pl[i]
		}
		room := w - max(0, displayWidth(p)-pw)
		switch {
		case room == w:
			out[i] = padRight(truncate(l, w), w) + " " + p
		case room > 0:
			out[i] = padRight(truncate(l, room), room) + " " + p
		case room == 0:
			out[i] = " " + p
		default:
			out[i] = p
		}
	}
	q.body = strings.Join(out, "\n")
	return q
}

// titleText is the question's id and title, wrapped to w.
func (q questionScreen) titleText(w int) string {
	it := q.item()
	return wrap(cleanLine(it.Question.ID)+"  "+cleanLine(it.Question.Title), w)
}

// topText is the position, the risk badge, the title and the
// not-applicable line. A title longer than its lines ends with "…"; the
// help pane then starts with the whole of it.
func (q questionScreen) topText(w int) string {
	s, t := q.c.styles, &q.c.t.Question
	it := q.item()
	pos := fmt.Sprintf(t.Position, cleanLine(it.Pillar.Name), it.QI+1, len(it.Pillar.Questions))
	lines := []string{spread(s.Heading.Render(truncate(pos, w-14)), s.badges[q.snap.Risk(q.cur)], w)}
	title := strings.Split(q.titleText(w), "\n")
	if len(title) > titleLines {
		title = title[:titleLines]
		title[titleLines-1] = truncate(title[titleLines-1]+" …", w)
	}
	lines = append(lines, s.QuestionTitle.Render(fitHeight(strings.Join(title, "\n"), titleLines)))
	na := q.banner(w) // a live review's vote, proposal or last change
	if a := q.snap.Answer(q.cur); a != nil && a.NotApplicable && na == "" {
		na = s.NotApplicable.Render(truncate(fmt.Sprintf(t.NotApplicable, q.c.reasonLabel(a.Reason)), w))
	}
	return strings.Join(append(lines, na), "\n")
}

// choiceText is the visible window of the choices, scrolled so the cursor
// shows, and the first choice in it. When the choices scroll, a last line
// of its own says where the window is and what lies above and below.
func (q questionScreen) choiceText(w int) (string, int) {
	s := q.c.styles
	choices := q.item().Question.Choices
	rows := q.visibleChoices()
	top := q.choiceTop
	if q.cursor < top {
		top = q.cursor
	}
	if q.cursor >= top+rows {
		top = q.cursor - rows + 1
	}
	top = max(0, min(top, len(choices)-rows))
	selected := map[string]bool{}
	if a := q.snap.Answer(q.cur); a != nil {
		for _, id := range a.Selected {
			selected[id] = true
		}
	}
	// Revealed votes follow each title in one column: after the longest
	// title shown, or at the right edge when titles fill the line.
	titleCol, suffixW := 0, 0
	for i := top; i < len(choices) && i < top+rows; i++ {
		if _, suffix, _ := q.voteMarks(choices[i].ID); suffix != "" {
			suffixW = max(suffixW, displayWidth(suffix))
		}
		titleCol = max(titleCol, displayWidth(cleanLine(choices[i].Title)))
	}
	titleCol = min(titleCol, w-6-suffixW)
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
		title := truncate(cleanLine(choices[i].Title), w-6-displayWidth(suffix))
		if suffix != "" {
			title = truncate(title, titleCol)
			title += strings.Repeat(" ", max(0, titleCol-displayWidth(title)))
		}
		marker, text := "  ", title+suffix
		if i == q.cursor {
			// While the help pane has the keys, a weaker mark says whose
			// help it shows (no colour needed).
			marker = s.Cursor.Render("› ")
			if q.paneFocus {
				marker = s.Dim.Render("· ")
			} else {
				text = s.Selected.Render(text)
			}
		}
		lines = append(lines, marker+box+" "+text)
	}
	if rows < len(choices) {
		lines = append(lines, q.choicePosition(top, rows, w))
	}
	return strings.Join(lines, "\n"), top
}

// choicePosition is the line under scrolling choices: "↑ 2 above ·
// choice 4 of 14 · ↓ 8 below".
func (q questionScreen) choicePosition(top, rows, w int) string {
	t := &q.c.t.Question
	n := len(q.item().Question.Choices)
	var parts []string
	if top > 0 {
		parts = append(parts, fmt.Sprintf(t.Above, top))
	}
	parts = append(parts, fmt.Sprintf(t.ChoiceOf, q.cursor+1, n))
	if below := n - top - rows; below > 0 {
		parts = append(parts, fmt.Sprintf(t.Below, below))
	}
	return q.c.styles.Dim.Render(truncate("      "+strings.Join(parts, " · "), w))
}

func (q questionScreen) notesText(w int) string {
	s, t := q.c.styles, &q.c.t.Question
	a := q.snap.Answer(q.cur)
	if a == nil || a.Notes == "" {
		return s.Dim.Render(t.NoNotes)
	}
	first, rest, _ := strings.Cut(sanitize(a.Notes), "\n")
	line := fmt.Sprintf(t.NotesLine, cleanLine(first))
	if rest != "" {
		more := t.MoreLine
		if n := strings.Count(rest, "\n") + 1; n > 1 {
			more = fmt.Sprintf(t.MoreLines, n)
		}
		line += " " + more
	}
	return s.Notes.Render(truncate(line, w))
}

func (q questionScreen) actionText(w int) string {
	s, t := q.c.styles, &q.c.t.Question
	it := q.item()
	actions := q.snap.Review.ActionsOf(it.Pillar.ID, it.Question.ID)
	rows := q.actionRows()
	var lines []string
	for i, a := range actions {
		if i == rows-1 && len(actions) > rows {
			lines = append(lines, s.Dim.Render(truncate("  "+fmt.Sprintf(t.MoreActions, len(actions)-i), w)))
			break
		}
		box := "[ ]"
		if a.Closed() {
			box = "[x]"
		}
		facts := []string{q.c.cat.Status(a.Status)}
		if a.Owner != "" {
			facts = append(facts, cleanName(a.Owner))
		}
		if a.Due != "" {
			due := fmt.Sprintf(t.Due, a.Due)
			if a.Overdue(q.c.now()) {
				due = s.RiskHigh.Render(due + " " + t.Overdue)
			}
			facts = append(facts, due)
		}
		// Status, owner and due date first: the title is what gets cut.
		line := fmt.Sprintf("%s %s %s: %s", box, cleanName(a.ID), strings.Join(facts, ", "), cleanName(a.Title))
		lines = append(lines, truncate(line, w))
	}
	return strings.Join(lines, "\n")
}

func (q questionScreen) view() string { return q.body }

// reasonLabel is a not-applicable reason as people read it: as the menu
// names it, but Other without the "…" that says the menu asks for more.
func (c *common) reasonLabel(r string) string {
	if r == reasonOther {
		return c.t.NA.OtherReason
	}
	for _, o := range naOptions(&c.t.NA) {
		if o.reason == r {
			return o.label
		}
	}
	if r == "" {
		return c.t.Question.NoReason
	}
	return cleanLine(r)
}
