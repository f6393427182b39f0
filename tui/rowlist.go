package tui

import (
	"fmt"
	"strings"
)

// listRow is one row of a list: one or more lines prepared in refresh,
// and what it opens. A header row (a pillar's name) is not selectable.
type listRow struct {
	lines  []string
	item   int // question index, or -1
	pillar int // pillar index, or -1
	header bool
}

// rowList is a scrolling list of rows of any height, with a cursor on the
// rows that are not headers. It draws prepared lines only.
type rowList struct {
	rows   []listRow
	cursor int // index into rows; -1 when no row is selectable
	top    int // first row drawn
	height int
	mark   string // drawn before the cursor row's first line
	// below words how many selectable rows are below the last line, on a
	// line of its own when the rows do not all fit.
	below func(n int) string
}

// newRowList is a list in c's styles, its cursor mark "›".
func newRowList(c *common) rowList {
	return rowList{cursor: -1, mark: c.styles.Cursor.Render("› "),
		below: func(n int) string { return "  " + c.styles.Dim.Render(fmt.Sprintf(c.t.Question.Below, n)) }}
}

// room is the lines rows are drawn in: all of them, but for a line that
// says how many rows are below when they do not all fit.
func (l rowList) room() int {
	if l.below == nil || l.height < 2 || l.linesBetween(0, len(l.rows)-1) <= l.height {
		return l.height
	}
	return l.height - 1
}

// setRows replaces the rows, keeping the cursor on the same question or
// pillar when it is still there, else on the first selectable row.
func (l rowList) setRows(rows []listRow) rowList {
	var was listRow
	had := l.cursor >= 0 && l.cursor < len(l.rows)
	if had {
		was = l.rows[l.cursor]
	}
	l.rows, l.cursor = rows, -1
	for i, r := range rows {
		if !r.header && had && r.item == was.item && r.pillar == was.pillar {
			l.cursor = i
		}
	}
	if l.cursor < 0 {
		l.cursor = l.next(-1, 1)
	}
	return l.scrolled()
}

func (l rowList) setHeight(h int) rowList {
	l.height = max(1, h)
	return l.scrolled()
}

// next is the first selectable row after i in direction d, or i.
func (l rowList) next(i, d int) int {
	for j := i + d; j >= 0 && j < len(l.rows); j += d {
		if !l.rows[j].header {
			return j
		}
	}
	return i
}

// move moves the cursor n selectable rows (up when negative).
func (l rowList) move(n int) rowList {
	d := 1
	if n < 0 {
		d, n = -1, -n
	}
	for ; n > 0; n-- {
		l.cursor = l.next(l.cursor, d)
	}
	return l.scrolled()
}

// selectWhere puts the cursor on the first row that matches.
func (l rowList) selectWhere(match func(listRow) bool) rowList {
	for i, r := range l.rows {
		if !r.header && match(r) {
			l.cursor = i
			break
		}
	}
	return l.scrolled()
}

func (l rowList) selected() (listRow, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) {
		return listRow{}, false
	}
	return l.rows[l.cursor], true
}

// scrolled moves the window so the cursor's row shows whole, with the
// header above it when that fits too.
func (l rowList) scrolled() rowList {
	if l.cursor < 0 {
		l.top = 0
		return l
	}
	first := l.cursor
	if first > 0 && l.rows[first-1].header {
		first--
	}
	if first < l.top {
		l.top = first
	}
	room := l.room()
	for l.top < l.cursor && l.linesBetween(l.top, l.cursor) > room {
		l.top++
	}
	l.top = max(0, min(l.top, len(l.rows)-1))
	return l
}

// linesBetween counts the lines of rows from..to, both included.
func (l rowList) linesBetween(from, to int) int {
	n := 0
	for i := from; i <= to && i < len(l.rows); i++ {
		n += len(l.rows[i].lines)
	}
	return n
}

// view draws the visible rows, and how many are below them.
func (l rowList) view() string {
	var out []string
	room, whole := l.room(), l.top // whole: the first row not drawn whole
	for i := l.top; i < len(l.rows) && len(out) < room; i++ {
		r := l.rows[i]
		if len(out)+len(r.lines) <= room {
			whole = i + 1
		}
		for j, line := range r.lines {
			if len(out) == room {
				break
			}
			switch {
			case r.header:
				out = append(out, line)
			case i == l.cursor && j == 0:
				out = append(out, l.mark+line)
			default:
				out = append(out, "  "+line)
			}
		}
	}
	hidden := 0
	rest := l.rows[min(whole, len(l.rows)):]
	for _, r := range rest {
		if !r.header {
			hidden++
		}
	}
	switch {
	case hidden > 0 && room < l.height:
		out = append(out, l.below(hidden))
	case len(out) == room && l.linesBetween(whole, len(l.rows)-1) <= l.height-room:
		for _, r := range rest { // only headers (a total) below: in the line kept for the hint
			out = append(out, r.lines...)
		}
	}
	return strings.Join(out, "\n")
}

// pageRows is how many selectable rows a page moves.
func (l rowList) pageRows() int { return max(1, l.height/2) }
