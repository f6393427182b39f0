package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// HistoryRow is one point in a review's history: a milestone, or the
// current state. Its JSON is historyRowJSON.
type HistoryRow struct {
	Name     string
	Date     string // RFC 3339
	Current  bool
	Answered int
	// Total and Counts.Unanswered are known only when Scored: the file
	// records the answered questions alone.
	Total  int
	Counts scoring.Counts
	// Scored is false when the row's lens could not be loaded and the
	// risks recorded in the file were used.
	Scored bool
	// Actions at that point: open (or in progress), done, accepted.
	Actions ActionCounts
}

// historyRowJSON is a HistoryRow as wafr.history/v1 writes it: "total"
// and the counts' "unanswered" are null in a row not scored with its
// lens, where the text shows "?", not a complete-looking count.
type historyRowJSON struct {
	Name     string       `json:"name"`
	Date     string       `json:"date"`
	Current  bool         `json:"current,omitempty"`
	Answered int          `json:"answered"`
	Total    *int         `json:"total"`
	Counts   countsJSON   `json:"counts"`
	Scored   bool         `json:"scoredWithLens"`
	Actions  ActionCounts `json:"actions"`
}

func (r HistoryRow) json() historyRowJSON {
	return historyRowJSON{Name: r.Name, Date: r.Date, Current: r.Current, Answered: r.Answered, Total: known(r.Total, r.Scored),
		Counts: newCountsJSON(r.Counts, r.Scored), Scored: r.Scored, Actions: r.Actions}
}

// countsJSON is scoring.Counts as the history and the diff write them:
// "unanswered" is null for a side not scored with its lens (countOf
// shows "?"), whose file cannot tell how many questions it left out.
type countsJSON struct {
	High          int  `json:"high"`
	Medium        int  `json:"medium"`
	None          int  `json:"none"`
	NotApplicable int  `json:"notApplicable"`
	Unanswered    *int `json:"unanswered"`
}

func newCountsJSON(c scoring.Counts, scored bool) countsJSON {
	return countsJSON{High: c.High, Medium: c.Medium, None: c.None, NotApplicable: c.NotApplicable, Unanswered: known(c.Unanswered, scored)}
}

// known is n for JSON when it is known, else nil (null).
func known(n int, ok bool) *int {
	if !ok {
		return nil
	}
	return &n
}

// HistorySchema names the JSON history format.
const HistorySchema = "wafr.history/v1"

func day(date string) string {
	if len(date) >= 10 {
		return date[:10]
	}
	return "-"
}

// withChange shows a count and its change from the previous row.
func withChange(n, prev int, first bool) string {
	if first || n == prev {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d (%+d)", n, n-prev)
}

// sparkLevels is how many bar heights a sparkline has: U+2581 (▁) to
// U+2588 (█).
const sparkLevels = 8

// sparkline draws values as a row of bars scaled to the largest.
func sparkline(values []int) string {
	top := 0
	for _, v := range values {
		top = max(top, v)
	}
	var b strings.Builder
	for _, v := range values {
		i := 0
		if top > 0 {
			i = v * (sparkLevels - 1) / top
		}
		b.WriteRune('▁' + rune(i))
	}
	return b.String()
}

// latest is the last room characters of a sparkline, the first of them
// "…" when some are left out; all of it when room is 0.
func latest(line string, room int) string {
	r := []rune(line)
	if room == 0 || len(r) <= room {
		return line
	}
	return "…" + string(r[len(r)-room+1:])
}

// WriteHistoryText writes every milestone, oldest first, then the current
// state, with changes from the row before and a trend of HIGH and MEDIUM.
func WriteHistoryText(w io.Writer, workload string, rows []HistoryRow, opts TextOptions) error {
	st := newSummaryStyles(w, opts.Color)
	c := i18n.For(opts.Language)
	h, cols := &c.History, c.Summary.Columns
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", st.heading.Render(plain(workload)))
	t := &Table{Header: []string{h.Date, h.Milestone, h.Answered, cols[questions.HighRisk], cols[questions.MediumRisk], cols[questions.NoRisk],
		cols[questions.NotApplicable], h.Actions}, RightAlign: map[int]bool{2: true}}
	var highs, mediums []int
	for i, r := range rows {
		name := plain(r.Name)
		if r.Current {
			name = h.Current
		}
		if !r.Scored {
			name += " *"
		}
		var prev scoring.Counts
		if i > 0 {
			prev = rows[i-1].Counts
		}
		c := r.Counts
		t.Append(day(r.Date), name, r.answeredOf(),
			withChange(c.High, prev.High, i == 0), withChange(c.Medium, prev.Medium, i == 0),
			withChange(c.None, prev.None, i == 0), withChange(c.NotApplicable, prev.NotApplicable, i == 0),
			actionTally(r.Actions))
		highs, mediums = append(highs, c.High), append(mediums, c.Medium)
	}
	if err := t.Write(&b); err != nil {
		return err
	}
	// On a terminal the two trends share one line: each shows the latest
	// milestones that fit, after a "…" when earlier ones are left out.
	room := 0
	if opts.Width > 0 {
		room = max(2, (opts.Width-ansi.StringWidth(fmt.Sprintf(h.Trend, "", "")))/2)
	}
	fmt.Fprintf(&b, "\n"+h.Trend+"\n", latest(sparkline(highs), room), latest(sparkline(mediums), room))
	for _, r := range rows {
		if !r.Scored {
			b.WriteString(st.dim.Render(h.Unscored) + "\n")
			break
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// actionTally writes open/done/accepted: an accepted risk is not done
// work, so the two are never added up (summary and report keep them apart
// too).
func actionTally(a ActionCounts) string {
	return fmt.Sprintf("%d/%d/%d", a.Open, a.Done, a.AcceptedRisk)
}

// WriteHistoryMarkdown writes the history as a table and a Mermaid
// xychart-beta line chart of HIGH and MEDIUM, which GitHub draws.
func WriteHistoryMarkdown(w io.Writer, workload string, rows []HistoryRow, language string) error {
	h := &i18n.For(language).History
	var b strings.Builder
	b.WriteString(heading(h.MDTitle, inline(workload)) + "\n\n")
	b.WriteString(h.MDHeader + "\n|---|---|---:|---:|---:|---:|---:|---:|\n")
	var labels, highs, mediums []string
	top := 1
	for i, r := range rows {
		name := inline(r.Name)
		if r.Current {
			name = h.MDCurrent
		}
		var prev scoring.Counts
		if i > 0 {
			prev = rows[i-1].Counts
		}
		c := r.Counts
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", day(r.Date), name, r.answeredOf(),
			withChange(c.High, prev.High, i == 0), withChange(c.Medium, prev.Medium, i == 0),
			withChange(c.None, prev.None, i == 0), withChange(c.NotApplicable, prev.NotApplicable, i == 0), actionTally(r.Actions))
		label := r.Name
		if r.Current {
			label = h.MDCurrentLabel
		}
		labels = append(labels, strconv.Quote(strings.ReplaceAll(plain(label), `"`, "'")))
		highs, mediums = append(highs, strconv.Itoa(c.High)), append(mediums, strconv.Itoa(c.Medium))
		top = max(top, c.High, c.Medium)
	}
	b.WriteString("\n" + h.MDCaption + "\n\n")
	b.WriteString("```mermaid\nxychart-beta\n    title " + strconv.Quote(h.MDChart) + "\n")
	fmt.Fprintf(&b, "    x-axis [%s]\n", strings.Join(labels, ", "))
	fmt.Fprintf(&b, "    y-axis %s 0 --> %d\n", strconv.Quote(h.MDAxis), top)
	fmt.Fprintf(&b, "    line [%s]\n    line [%s]\n```\n", strings.Join(highs, ", "), strings.Join(mediums, ", "))
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteHistoryJSON writes the history as JSON.
func WriteHistoryJSON(w io.Writer, workload string, rows []HistoryRow) error {
	out := make([]historyRowJSON, len(rows))
	for i, r := range rows {
		out[i] = r.json()
	}
	return writeJSON(w, struct {
		Schema   string           `json:"schema"`
		Workload string           `json:"workload"`
		Rows     []historyRowJSON `json:"rows"`
	}{HistorySchema, workload, out})
}

// History builds the rows of a review's history: each milestone, oldest
// first, then the current state, each scored with the lens lensAt gives
// for it (milestone says which; nil: the risks the file recorded are
// used). The workspace's PointLens is the rule the commands give.
func History(r *review.Review, lensAt func(snap *review.Review, milestone bool) *questions.Lens, today time.Time) []HistoryRow {
	rows := make([]HistoryRow, 0, len(r.Milestones)+1)
	for i, m := range r.Milestones {
		snap := r.ViewAt(i)
		rows = append(rows, historyRow(review.Side{Review: snap, Lens: lensAt(snap, true)}, m.Name, m.RecordedAt, false, today))
	}
	return append(rows, historyRow(review.Side{Review: r, Lens: lensAt(r, false)}, "current", r.UpdatedAt, true, today))
}

// answeredOf is "answered/questions", the questions "?" where the lens
// did not score the row (the file records only the answered ones).
func (r HistoryRow) answeredOf() string {
	if !r.Scored {
		return fmt.Sprintf("%d/?", r.Answered)
	}
	return fmt.Sprintf("%d/%d", r.Answered, r.Total)
}

func historyRow(s review.Side, name string, at time.Time, current bool, today time.Time) HistoryRow {
	c := s.Counts()
	date := ""
	if !at.IsZero() {
		date = at.UTC().Format(time.RFC3339)
	}
	return HistoryRow{Name: name, Date: date, Current: current, Answered: c.Answered(), Total: c.Total(), Counts: c,
		Scored: s.Lens != nil, Actions: review.CountActions(s.Review.Actions, today)}
}
