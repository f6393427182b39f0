package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// row is one line of a list: text prepared in refresh, and what it opens.
type row struct {
	text   string
	filter string
	item   int // question index, or -1
	pillar int // pillar index, or -1
}

func (r row) FilterValue() string { return r.filter }

// rowDelegate draws prepared rows, one line each, with a cursor mark.
type rowDelegate struct{ cursor, blank string }

func (d rowDelegate) Height() int                         { return 1 }
func (d rowDelegate) Spacing() int                        { return 0 }
func (d rowDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }
func (d rowDelegate) Render(w io.Writer, m list.Model, index int, it list.Item) {
	r, _ := it.(row)
	mark := d.blank
	if index == m.Index() {
		mark = d.cursor
	}
	io.WriteString(w, truncate(mark+r.text, m.Width()))
}

func newList(c *common, filtering bool) list.Model {
	l := list.New(nil, rowDelegate{cursor: c.styles.Cursor.Render("› "), blank: "  "}, 0, 0)
	l.SetShowTitle(false)
	l.SetShowHelp(false)
	l.SetShowStatusBar(filtering)
	l.SetFilteringEnabled(filtering)
	l.DisableQuitKeybindings()
	l.FilterInput.Cursor.SetMode(cursor.CursorStatic)
	l.KeyMap.ShowFullHelp.SetEnabled(false)
	l.KeyMap.CloseFullHelp.SetEnabled(false)
	l.Styles.StatusBar = c.styles.Dim
	l.Styles.NoItems = c.styles.Dim
	l.SetStatusBarItemName("question", "questions")
	return l
}

// counts formats a tally as fixed-width columns.
func counts(s *Styles, c scoring.Counts) string {
	cell := func(n int, r questions.Risk, w int) string {
		text := fmt.Sprintf("%*d", w, n)
		if n == 0 {
			return s.Dim.Render(text)
		}
		return s.Risk(r).Render(text)
	}
	return fmt.Sprintf("%8s  %s  %s  %s  %s",
		fmt.Sprintf("%d/%d", c.Answered(), c.Total()),
		cell(c.High, questions.HighRisk, 4), cell(c.Medium, questions.MediumRisk, 6),
		cell(c.None, questions.NoRisk, 4), cell(c.NotApplicable, questions.NotApplicable, 3))
}

const countsHeader = "ANSWERED  HIGH  MEDIUM  NONE  N/A"

// questionRow formats a question for the navigator and summary lists.
func questionRow(s *Styles, snap *Snapshot, i, pillarW int) row {
	it := snap.Items[i]
	pillar := padRight(truncate(oneLine(sanitize(it.Pillar.Name)), pillarW), pillarW)
	id := sanitize(it.Question.ID)
	text := fmt.Sprintf("%s  %s  %s  %s", s.Dim.Render(pillar), padRight(id, 8), s.riskTags[snap.Risk(i)], oneLine(sanitize(it.Question.Title)))
	return row{text: text, filter: it.Pillar.Name + " " + it.Question.ID + " " + it.Question.Title, item: i, pillar: it.PI}
}

// --- overview ---

// overviewScreen lists the pillars with their counts.
type overviewScreen struct {
	c       *common
	snap    *Snapshot
	heading string
	list    list.Model
}

func newOverviewScreen(c *common, snap *Snapshot) overviewScreen {
	return overviewScreen{c: c, snap: snap, list: newList(c, false)}
}

func (o overviewScreen) refresh() overviewScreen {
	s := o.c.styles
	w := o.c.width
	nameW := max(12, w-len(countsHeader)-6)
	wl := o.snap.Review.Workload
	var details []string
	if wl.Environment != "" {
		details = append(details, strings.ToLower(wl.Environment))
	}
	if wl.Owner != "" {
		details = append(details, "owner "+sanitize(wl.Owner))
	}
	l := o.snap.Lens
	o.heading = strings.Join([]string{
		s.Heading.Render(truncate(oneLine(sanitize(wl.Name)), w)) + "  " + s.Dim.Render(strings.Join(details, ", ")),
		truncate(fmt.Sprintf("%s %s · %s · %s", oneLine(sanitize(l.Name)), sanitize(l.Version),
			plural(len(l.Pillars), "pillar"), plural(len(o.snap.Items), "question")), w),
		"",
		s.Dim.Render("  " + padRight("PILLAR", nameW) + "  " + countsHeader),
	}, "\n")
	var rows []list.Item
	for pi, p := range o.snap.Score.Pillars {
		rows = append(rows, row{text: padRight(truncate(oneLine(sanitize(p.Pillar.Name)), nameW), nameW) + "  " + counts(s, p.Counts), item: -1, pillar: pi})
	}
	rows = append(rows, row{text: s.Heading.Render(padRight("Total", nameW)) + "  " + counts(s, o.snap.Score.Counts), item: -1, pillar: -1})
	o.list.SetItems(rows)
	o.list.SetSize(w, o.c.height-4)
	return o
}

func (o overviewScreen) update(msg tea.KeyMsg) (overviewScreen, tea.Cmd, []event) {
	if keyMatches(msg, o.c.keys.List.Open) {
		r, _ := o.list.SelectedItem().(row)
		if r.pillar < 0 {
			return o, nil, nil
		}
		return o, nil, []event{openQuestionEvent{firstOfPillar(o.snap, r.pillar)}}
	}
	var cmd tea.Cmd
	o.list, cmd = o.list.Update(msg)
	return o, cmd, nil
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

func (o overviewScreen) view() string { return o.heading + "\n" + o.list.View() }

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
func (f navFilter) name() string {
	return [...]string{"all questions", "unanswered", "HIGH risk"}[f]
}

const navFilters = 3

// navigatorScreen lists every question, to jump to one; it filters by
// state and searches.
type navigatorScreen struct {
	c       *common
	snap    *Snapshot
	heading string
	list    list.Model
	filter  navFilter
}

func newNavigatorScreen(c *common, snap *Snapshot) navigatorScreen {
	return navigatorScreen{c: c, snap: snap, list: newList(c, true)}
}

// open shows the navigator with question cur highlighted.
func (n navigatorScreen) open(cur int) navigatorScreen {
	n.list.ResetFilter()
	n = n.refresh()
	for i, it := range n.list.VisibleItems() {
		if r, ok := it.(row); ok && r.item == cur {
			n.list.Select(i)
		}
	}
	return n
}

func (n navigatorScreen) filtering() bool { return n.list.FilterState() == list.Filtering }

func (n navigatorScreen) refresh() navigatorScreen {
	pillarW := min(24, max(8, n.c.width/5))
	var rows []list.Item
	for i := range n.snap.Items {
		r := n.snap.Risk(i)
		if n.filter == filterUnanswered && r != questions.Unanswered || n.filter == filterHigh && r != questions.HighRisk {
			continue
		}
		rows = append(rows, questionRow(n.c.styles, n.snap, i, pillarW))
	}
	n.heading = truncate(n.c.styles.Heading.Render("Go to question")+"  "+
		n.c.styles.Dim.Render(fmt.Sprintf("showing %s (f to change, / to search)", n.filter.name())), n.c.width)
	if n.list.FilterState() == list.Unfiltered {
		n.list.SetItems(rows)
	}
	n.list.SetSize(n.c.width, n.c.height-2)
	return n
}

func (n navigatorScreen) update(msg tea.KeyMsg) (navigatorScreen, tea.Cmd, []event) {
	k := n.c.keys
	if !n.filtering() {
		switch {
		case keyMatches(msg, k.List.Filter):
			n.filter = (n.filter + 1) % navFilters
			n.list.ResetFilter()
			n.list.Select(0)
			return n, nil, nil
		case keyMatches(msg, k.List.Open):
			if r, ok := n.list.SelectedItem().(row); ok {
				return n, nil, []event{openQuestionEvent{r.item}}
			}
			return n, nil, nil
		case keyMatches(msg, k.Global.Back) && n.list.FilterState() == list.Unfiltered:
			return n, nil, []event{backEvent{}}
		}
	}
	var cmd tea.Cmd
	n.list, cmd = n.list.Update(msg)
	return n, cmd, nil
}

// passthrough gives the list its own messages (search results).
func (n navigatorScreen) passthrough(msg tea.Msg) (navigatorScreen, tea.Cmd) {
	var cmd tea.Cmd
	n.list, cmd = n.list.Update(msg)
	return n, cmd
}

func (n navigatorScreen) view() string { return n.heading + "\n\n" + n.list.View() }

func (n navigatorScreen) keys() (short []key.Binding, full [][]key.Binding) {
	g, l := n.c.keys.Global, n.c.keys.List
	short = []key.Binding{g.Help, g.Quit, l.Open, l.Filter, g.Back, g.Summary}
	return short, [][]key.Binding{{l.Up, l.Down, l.Open, l.Filter}, {g.Back, g.Summary, g.Help, g.Quit}}
}
