package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// countColumns are the count columns of the overview and the summary:
// their headers and widths (a header wider than its numbers widens the
// column).
type countColumns struct {
	headers []string
	widths  []int
}

func newCountColumns(c *common) countColumns {
	labels := c.cat.Summary.Columns
	headers := []string{c.t.Lists.Answered, labels[questions.HighRisk], labels[questions.MediumRisk], labels[questions.NoRisk], labels[questions.NotApplicable]}
	widths := []int{7, 3, 3, 3, 3}
	for i, h := range headers {
		widths[i] = max(widths[i], displayWidth(h))
	}
	return countColumns{headers: headers, widths: widths}
}

func (cc countColumns) header() string {
	parts := make([]string, len(cc.headers))
	for i, h := range cc.headers {
		parts[i] = strings.Repeat(" ", cc.widths[i]-displayWidth(h)) + h
	}
	return strings.Join(parts, "  ")
}

func (cc countColumns) width() int { return displayWidth(cc.header()) }

// counts formats a tally in the columns.
func (cc countColumns) counts(s *Styles, c scoring.Counts) string {
	cell := func(n int, r questions.Risk, w int) string {
		text := fmt.Sprintf("%*d", w, n)
		if n == 0 {
			return s.Dim.Render(text)
		}
		return s.Risk(r).Render(text)
	}
	w := cc.widths
	return strings.Join([]string{
		fmt.Sprintf("%*s", w[0], fmt.Sprintf("%d/%d", c.Answered(), c.Total())),
		cell(c.High, questions.HighRisk, w[1]), cell(c.Medium, questions.MediumRisk, w[2]),
		cell(c.None, questions.NoRisk, w[3]), cell(c.NotApplicable, questions.NotApplicable, w[4]),
	}, "  ")
}

// questionLines is a question as a list row: its id, its risk and its
// title, the title wrapped under itself on up to two lines, so that
// questions whose titles start alike still read apart at 80 columns. The
// text comes first: only a title longer than two lines is cut, and an id
// wider than its column (idWidth) is cut in its middle. Every row has the
// same columns.
func questionLines(c *common, snap *Snapshot, i, idW, w int) []string {
	s := c.styles
	it := snap.Items[i]
	lead := padRight(cutID(cleanLine(it.Question.ID), idW), idW) + "  " + s.riskTags[snap.Risk(i)] + "  "
	pad := strings.Repeat(" ", idW+2+s.tagWidth+2)
	tw := max(10, w-2-len(pad)) // the list's mark takes two columns
	title := strings.Split(wrap(cleanLine(it.Question.Title), tw), "\n")
	if len(title) > 2 {
		title = []string{title[0], truncate(title[1]+" "+strings.Join(title[2:], " "), tw)}
	}
	lines := []string{lead + truncate(title[0], tw)}
	for _, t := range title[1:] {
		lines = append(lines, pad+truncate(t, tw))
	}
	return lines
}

// Widths of the id column of question lists.
const (
	minIDWidth   = 4
	maxIDWidth   = 16
	minListTitle = 20 // the title's room that a long id never takes
)

// idWidth is the width of the id column in a list w wide: the widest
// question id, within reason, and narrower when the title would get less
// than minListTitle columns.
func idWidth(c *common, snap *Snapshot, w int) int {
	id := minIDWidth
	for _, it := range snap.Items {
		id = max(id, displayWidth(cleanLine(it.Question.ID)))
	}
	room := w - 2 - 2 - c.styles.tagWidth - 2 - minListTitle // mark, gaps, risk tag
	return max(minIDWidth, min(id, maxIDWidth, room))
}

// cutID fits an id to w columns: its start and its end with "…" between,
// since ids that share a prefix (a pillar's) differ at their ends.
func cutID(id string, w int) string {
	if displayWidth(id) <= w {
		return id
	}
	head := (w - 1) / 2
	return ansi.Truncate(id, head, "") + "…" + ansi.TruncateLeft(id, displayWidth(id)-(w-1-head), "")
}

// pillarHeader is a pillar's name over its questions, with its progress.
func pillarHeader(c *common, p scoring.PillarResult, w int) listRow {
	name := cleanLine(p.Pillar.Name)
	count := fmt.Sprintf(c.t.Lists.PillarCount, p.Counts.Answered(), p.Counts.Total())
	lines := strings.Split(wrap(name, max(10, w-displayWidth(count)-2)), "\n")
	lines[0] = c.styles.Heading.Render(lines[0]) + "  " + c.styles.Dim.Render(count)
	for i := 1; i < len(lines); i++ {
		lines[i] = c.styles.Heading.Render(lines[i])
	}
	return listRow{lines: lines, item: -1, pillar: -1, header: true}
}

// --- overview ---

// overviewScreen lists the pillars with their counts.
type overviewScreen struct {
	c       *common
	snap    *Snapshot
	heading string
	list    rowList
}

func newOverviewScreen(c *common, snap *Snapshot) overviewScreen {
	return overviewScreen{c: c, snap: snap, list: newRowList(c)}
}

func (o overviewScreen) refresh() overviewScreen {
	s, t := o.c.styles, &o.c.t.Lists
	w := o.c.width
	cc := newCountColumns(o.c)
	nameW := max(12, w-cc.width()-6)
	wl := o.snap.Review.Workload
	var details []string
	if wl.Environment != "" {
		details = append(details, o.c.cat.Environment(wl.Environment))
	}
	if wl.Owner != "" {
		details = append(details, fmt.Sprintf(t.OwnerIs, cleanName(wl.Owner)))
	}
	l := o.snap.Lens
	pillars := i18n.Plural(len(l.Pillars), t.PillarOne, fmt.Sprintf(t.Pillars, len(l.Pillars)))
	qs := i18n.Plural(len(o.snap.Items), t.QuestionOne, fmt.Sprintf(t.Questions, len(o.snap.Items)))
	o.heading = strings.Join([]string{
		s.Heading.Render(truncate(cleanName(wl.Name), w)) + "  " + s.Dim.Render(strings.Join(details, ", ")),
		truncate(fmt.Sprintf(t.LensLine, strings.TrimSpace(cleanLine(l.Name)+" "+cleanLine(l.Version)), pillars, qs), w),
		"",
		s.Dim.Render("  " + padRight(t.Pillar, nameW) + "  " + cc.header()),
	}, "\n")
	var rows []listRow
	for pi, p := range o.snap.Score.Pillars {
		name := strings.Split(wrap(cleanLine(p.Pillar.Name), nameW), "\n")
		lines := []string{padRight(name[0], nameW) + "  " + cc.counts(s, p.Counts)}
		lines = append(lines, name[1:]...)
		rows = append(rows, listRow{lines: lines, item: -1, pillar: pi})
	}
	// The total opens nothing: a row the cursor passes over, in line with
	// the pillars.
	rows = append(rows, listRow{lines: []string{"  " + s.Heading.Render(padRight(t.Total, nameW)) + "  " + cc.counts(s, o.snap.Score.Counts)},
		item: -1, pillar: -1, header: true})
	o.list = o.list.setRows(rows).setHeight(o.c.height - 4)
	return o
}

func (o overviewScreen) update(msg tea.KeyMsg) (overviewScreen, tea.Cmd, []event) {
	k := o.c.keys.List
	switch {
	case keyMatches(msg, k.Open):
		r, ok := o.list.selected()
		if !ok || r.pillar < 0 {
			return o, nil, nil
		}
		return o, nil, []event{openQuestionEvent{firstOfPillar(o.snap, r.pillar)}}
	case keyMatches(msg, k.Up):
		o.list = o.list.move(-1)
	case keyMatches(msg, k.Down):
		o.list = o.list.move(1)
	}
	return o, nil, nil
}

// firstOfPillar is the pillar's first unanswered question, else its first.
func firstOfPillar(snap *Snapshot, pi int) int {
	first := -1
	for i, it := range snap.Items {
		if it.PI != pi {
			continue
		}
		if first < 0 {
			first = i
		}
		if snap.Risk(i) == questions.Unanswered {
			return i
		}
	}
	return first
}

func (o overviewScreen) view() string { return o.heading + "\n" + o.list.view() }

func (o overviewScreen) keys() (short []key.Binding, full [][]key.Binding) {
	g, l, m := o.c.keys.Global, o.c.keys.List, o.c.keys.Question.Milestone
	short = []key.Binding{g.Help, g.Quit, l.Open, g.Navigator, g.Summary, m}
	return short, [][]key.Binding{{l.Up, l.Down, l.Open}, {m, g.Navigator, g.Summary, g.Help, g.Quit}}
}

// --- navigator ---

// navFilter narrows the navigator.
type navFilter int

const (
	filterAll navFilter = iota
	filterUnanswered
	filterHigh
)

// name is how the navigator's heading names the filter.
func (f navFilter) name(t *i18n.Lists) string {
	return [...]string{t.All, t.Unanswered, t.HighOnly}[f]
}

const navFilters = 3

// navigatorScreen lists every question under its pillar, to jump to one;
// it filters by state, and searches everything a question says (search.go).
type navigatorScreen struct {
	c       *common
	snap    *Snapshot
	heading string
	list    rowList
	filter  navFilter

	searching bool // the search field has the keys
	input     textinput.Model
	index     *searchIndex // built when a search starts, per snapshot
	matches   int
}

func newNavigatorScreen(c *common, snap *Snapshot) navigatorScreen {
	in := newTextInput(c.styles)
	in.Prompt = c.t.Search.Prompt
	in.CharLimit = 100
	return navigatorScreen{c: c, snap: snap, list: newRowList(c), input: in}
}

// open shows the navigator with question cur highlighted and no search.
func (n navigatorScreen) open(cur int) navigatorScreen {
	n.searching = false
	n.input.SetValue("")
	n.input.Blur()
	n = n.refresh()
	n.list = n.list.selectWhere(func(r listRow) bool { return r.item == cur })
	return n
}

func (n navigatorScreen) filtering() bool { return n.searching }

// shown reports whether the filter lets question i through.
func (n navigatorScreen) shown(i int) bool {
	r := n.snap.Risk(i)
	return !(n.filter == filterUnanswered && r != questions.Unanswered || n.filter == filterHigh && r != questions.HighRisk)
}

func (n navigatorScreen) refresh() navigatorScreen {
	s, t := n.c.styles, &n.c.t.Lists
	w := n.c.width
	query := strings.TrimSpace(n.input.Value())
	if query != "" && (n.index == nil || n.index.snap != n.snap) {
		n.index = newSearchIndex(n.snap, n.c)
	}
	idW := idWidth(n.c, n.snap, w)
	var rows []listRow
	n.matches = 0
	for pi, p := range n.snap.Score.Pillars {
		var group []listRow
		for i, it := range n.snap.Items {
			if it.PI != pi || !n.shown(i) {
				continue
			}
			lines := questionLines(n.c, n.snap, i, idW, w)
			if query != "" {
				m, ok := n.index.match(i, query)
				if !ok {
					continue
				}
				n.matches++
				lines = append(lines, m.lines(n.c, idW, w)...)
			}
			group = append(group, listRow{lines: lines, item: i, pillar: pi})
		}
		if len(group) > 0 {
			rows = append(append(rows, pillarHeader(n.c, p, w)), group...)
		}
	}
	n.heading = n.headingText(query)
	if len(rows) == 0 {
		rows = []listRow{{lines: []string{s.Dim.Render(t.Empty)}, item: -1, pillar: -1, header: true}}
	}
	n.list = n.list.setRows(rows).setHeight(n.c.height - 2 - strings.Count(n.heading, "\n"))
	return n
}

// headingText is the navigator's heading, and the search field when a
// search is on.
func (n navigatorScreen) headingText(query string) string {
	s, t, st := n.c.styles, &n.c.t.Lists, &n.c.t.Search
	w := n.c.width
	head := truncate(s.Heading.Render(t.GoTo)+"  "+s.Dim.Render(fmt.Sprintf(t.Showing, n.filter.name(t))), w)
	if !n.searching && query == "" {
		return head
	}
	status := st.Hint
	switch {
	case query == "":
	case n.matches == 0:
		status = st.NoMatch
	case n.matches == 1:
		status = st.OneMatch
	default:
		status = fmt.Sprintf(st.Matches, n.matches)
	}
	return head + "\n" + n.input.View() + "\n" + s.Dim.Render(truncate(status, w))
}

func (n navigatorScreen) update(msg tea.KeyMsg) (navigatorScreen, tea.Cmd, []event) {
	k := n.c.keys
	if n.searching {
		return n.searchKey(msg)
	}
	switch {
	case keyMatches(msg, k.List.Search):
		n.searching = true
		return n, n.input.Focus(), nil
	case keyMatches(msg, k.List.Filter):
		n.filter = (n.filter + 1) % navFilters
		return n, nil, nil
	case keyMatches(msg, k.List.Open):
		if r, ok := n.list.selected(); ok && r.item >= 0 {
			return n, nil, []event{openQuestionEvent{r.item}}
		}
	case keyMatches(msg, k.List.Up):
		n.list = n.list.move(-1)
	case keyMatches(msg, k.List.Down):
		n.list = n.list.move(1)
	case keyMatches(msg, k.List.PageUp):
		n.list = n.list.move(-n.list.pageRows())
	case keyMatches(msg, k.List.PageDown):
		n.list = n.list.move(n.list.pageRows())
	case keyMatches(msg, k.Global.Back) && n.input.Value() != "":
		n.input.SetValue("")
	case keyMatches(msg, k.Global.Back):
		return n, nil, []event{backEvent{}}
	}
	return n, nil, nil
}

// searchKey handles a key while the search field has the keys: text goes
// to the field and the list follows it; the arrows move among the
// matches; enter opens the highlighted match at once; esc clears the
// search.
func (n navigatorScreen) searchKey(msg tea.KeyMsg) (navigatorScreen, tea.Cmd, []event) {
	switch msg.Type {
	case tea.KeyEnter:
		if r, ok := n.list.selected(); ok && r.item >= 0 {
			return n, nil, []event{openQuestionEvent{r.item}}
		}
		return n, nil, nil
	case tea.KeyEsc:
		n.searching = false
		n.input.SetValue("")
		n.input.Blur()
		return n, nil, nil
	case tea.KeyUp:
		n.list = n.list.move(-1)
		return n, nil, nil
	case tea.KeyDown:
		n.list = n.list.move(1)
		return n, nil, nil
	}
	before := n.input.Value()
	var cmd tea.Cmd
	n.input, cmd = updateInput(n.input, msg)
	if n.input.Value() != before {
		n = n.refresh()
		n.list = n.list.selectWhere(func(listRow) bool { return true }) // the first match
	}
	return n, cmd, nil
}

// passthrough gives the search field its own messages.
func (n navigatorScreen) passthrough(msg tea.Msg) (navigatorScreen, tea.Cmd) {
	if !n.searching {
		return n, nil
	}
	var cmd tea.Cmd
	n.input, cmd = updateInput(n.input, msg)
	return n, cmd
}

func (n navigatorScreen) view() string { return n.heading + "\n\n" + n.list.view() }

func (n navigatorScreen) keys() (short []key.Binding, full [][]key.Binding) {
	g, l := n.c.keys.Global, n.c.keys.List
	if n.searching {
		b := []key.Binding{l.Open, g.Back}
		return b, [][]key.Binding{b}
	}
	short = []key.Binding{g.Help, g.Quit, l.Open, l.Search, l.Filter, g.Back, g.Summary}
	return short, [][]key.Binding{{l.Up, l.Down, l.Open, l.Search, l.Filter}, {g.Back, g.Summary, g.Help, g.Quit}}
}
