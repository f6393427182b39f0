package reports

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/safeout"
	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// TextOptions describe the terminal a text report goes to.
type TextOptions struct {
	// Color styles the output with lipgloss; only when stdout is a
	// terminal and NO_COLOR is unset (the caller decides).
	Color bool
	// Width is the terminal's width: bars shrink and titles are cut to
	// fit it. 0 (a pipe or file) means no limit.
	Width int
	// Language is the language of wafr's own words ("" is English), where
	// the writer does not take it from the scored review.
	Language string
}

const barWidth = 20

// summaryStyles colour the text summary; empty styles when colour is off.
type summaryStyles struct {
	heading lipgloss.Style
	dim     lipgloss.Style
	risk    map[questions.Risk]lipgloss.Style
}

// newSummaryStyles builds the styles with a renderer made for w: coloured
// (the 16 basic ANSI colours) when color is set, plain otherwise. The caller
// decides colour for its output; lipgloss's global renderer, which guesses
// from the process's own stdout, is never used.
func newSummaryStyles(w io.Writer, color bool) summaryStyles {
	r := lipgloss.NewRenderer(w)
	r.SetColorProfile(termenv.Ascii)
	s := summaryStyles{risk: map[questions.Risk]lipgloss.Style{}}
	for _, level := range questions.Levels {
		s.risk[level] = r.NewStyle()
	}
	if !color {
		return s
	}
	r.SetColorProfile(termenv.ANSI)
	s.heading = r.NewStyle().Bold(true)
	s.dim = r.NewStyle().Faint(true)
	s.risk[questions.HighRisk] = r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true)
	s.risk[questions.MediumRisk] = r.NewStyle().Foreground(lipgloss.Color("3")).Bold(true)
	s.risk[questions.NoRisk] = r.NewStyle().Foreground(lipgloss.Color("2"))
	s.risk[questions.NotApplicable] = r.NewStyle().Foreground(lipgloss.Color("4"))
	s.risk[questions.Unanswered] = r.NewStyle().Faint(true)
	return s
}

func (st summaryStyles) bar(c scoring.Counts, w int) string {
	var b strings.Builder
	for i, n := range c.Bar(w) {
		r := questions.Levels[i]
		b.WriteString(st.risk[r].Render(strings.Repeat(r.Glyph(), n)))
	}
	return b.String()
}

func countCells(st summaryStyles, c scoring.Counts) []string {
	var out []string
	for _, r := range questions.Levels {
		n := strconv.Itoa(c.Of(r))
		if c.Of(r) > 0 && (r == questions.HighRisk || r == questions.MediumRisk) {
			n = st.risk[r].Render(n)
		}
		out = append(out, n)
	}
	return out
}

// plain makes lens and note text safe for a terminal and one line long.
func plain(s string) string {
	if isPlainLine(s) {
		return s
	}
	return strings.Join(strings.Fields(textsafe.Clean(s)), " ")
}

// isPlainLine reports whether plain would return s unchanged: printable
// ASCII with single spaces between words, as most ids and titles are.
func isPlainLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// WriteSummaryText writes one review's risk summary: per-pillar counts with
// a proportional bar and a total row, then the HIGH and MEDIUM questions.
func WriteSummaryText(w io.Writer, s *Scored, opts TextOptions) error {
	st := newSummaryStyles(w, opts.Color)
	c := i18n.For(s.Language)
	t := &c.Summary
	var b strings.Builder
	head := plain(s.Workload.Name)
	if s.Workload.Environment != "" {
		head += " (" + plain(c.Environment(s.Workload.Environment)) + ")"
	}
	title := st.heading.Render(head) + " - " + plain(strings.TrimSpace(s.Lens.Name+" "+s.Lens.Version))
	if opts.Width > 0 {
		title = ansi.Truncate(title, opts.Width, "…")
	}
	b.WriteString(title + "\n")
	line := fmt.Sprintf(t.Answered, s.Answered, s.Total)
	if s.Milestone != "" {
		line += fmt.Sprintf(t.AtMilestone, plain(s.Milestone))
	}
	if len(s.UpdatedAt) >= 10 {
		line += fmt.Sprintf(t.Updated, s.UpdatedAt[:10])
	}
	b.WriteString(line + "\n\n")
	header := []string{t.Pillar}
	countsW := 0 // the count columns and their gaps of two
	for _, r := range questions.Levels {
		header = append(header, t.Columns[r])
		countsW += max(3, ansi.StringWidth(t.Columns[r])) + 2
	}
	tb := &Table{Header: append(header, ""), RightAlign: map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true}}
	nameW, bar := ansi.StringWidth(t.Pillar), barWidth
	for _, p := range s.Pillars {
		nameW = max(nameW, ansi.StringWidth(plain(p.Name)))
	}
	if opts.Width > 0 {
		nameW = min(nameW, max(12, opts.Width-countsW-2-8)) // keep 8 columns for a bar
		bar = min(barWidth, opts.Width-nameW-countsW-2)
		if bar < 4 {
			bar = 0
		}
	}
	cut := func(name string) string { return ansi.Truncate(plain(name), nameW, "…") }
	for _, p := range s.Pillars {
		tb.Append(append(append([]string{cut(p.Name)}, countCells(st, p.Counts)...), st.bar(p.Counts, bar))...)
	}
	tb.Append(append(append([]string{st.heading.Render(t.Total)}, countCells(st, s.Counts)...), st.bar(s.Counts, bar))...)
	if err := tb.Write(&b); err != nil {
		return err
	}
	legend := make([]string, 0, len(questions.Levels))
	for _, r := range questions.Levels {
		legend = append(legend, r.Glyph()+" "+t.Legend[r])
	}
	b.WriteString(st.dim.Render(strings.Join(legend, "  ")) + "\n")
	if a := s.Actions; a.Open+a.Done+a.AcceptedRisk > 0 {
		overdue := fmt.Sprintf(t.Overdue, a.Overdue)
		if a.Overdue > 0 {
			overdue = st.risk[questions.HighRisk].Render(overdue)
		}
		fmt.Fprintf(&b, "\n"+t.Actions+"\n", a.Open, overdue, a.Done, a.AcceptedRisk)
	}
	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		items := s.byRisk(r, nil)
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", st.risk[r].Render(c.Risk.Label[r]))
		qt := &Table{}
		idW := 0
		for _, q := range items {
			idW = max(idW, ansi.StringWidth(plain(q.ID)))
		}
		for _, q := range items {
			title := plain(q.Title)
			if opts.Width > 0 {
				title = ansi.Truncate(title, max(10, opts.Width-idW-4), "…")
			}
			qt.Append("  "+plain(q.ID), title)
		}
		qt.Write(&b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sortForConsolidation orders workloads by HIGH, then MEDIUM, most first.
func sortForConsolidation(all []*Scored) []*Scored {
	out := slices.Clone(all)
	slices.SortStableFunc(out, func(a, b *Scored) int {
		if c := cmp.Compare(b.Counts.High, a.Counts.High); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Counts.Medium, a.Counts.Medium); c != 0 {
			return c
		}
		return cmp.Compare(a.Workload.Name, b.Workload.Name)
	})
	return out
}

func lensLabel(s *Scored) string { return plain(strings.TrimSpace(s.Lens.ID + " " + s.Lens.Version)) }

func dateOf(s *Scored) string {
	if len(s.UpdatedAt) >= 10 {
		return s.UpdatedAt[:10]
	}
	return "-"
}

// WriteConsolidatedText writes one row per review, most HIGH risks first,
// with totals.
func WriteConsolidatedText(w io.Writer, all []*Scored, opts TextOptions) error {
	st := newSummaryStyles(w, opts.Color)
	c := &i18n.For(languageOf(all)).Summary
	header := []string{c.Workload, c.Lens, c.AnsweredCol}
	for _, r := range questions.Levels {
		header = append(header, c.Columns[r])
	}
	t := &Table{
		Header:     append(header, c.ActionsCol, c.OverdueCol, c.UpdatedCol),
		RightAlign: map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 9: true},
	}
	var total scoring.Counts
	var open, overdue int
	names := workloadNames(all, plain)
	for _, s := range sortForConsolidation(all) {
		row := append([]string{names[s], lensLabel(s), fmt.Sprintf("%d/%d", s.Answered, s.Total)}, countCells(st, s.Counts)...)
		t.Append(append(row, strconv.Itoa(s.Actions.Open), strconv.Itoa(s.Actions.Overdue), dateOf(s))...)
		total = total.Plus(s.Counts)
		open, overdue = open+s.Actions.Open, overdue+s.Actions.Overdue
	}
	row := append([]string{st.heading.Render(c.Total), i18n.Plural(len(all), c.ReviewOne, fmt.Sprintf(c.Reviews, len(all))), fmt.Sprintf("%d/%d", total.Answered(), total.Total())}, countCells(st, total)...)
	t.Append(append(row, strconv.Itoa(open), strconv.Itoa(overdue), "")...)
	return t.Write(w)
}

// WriteSummaryMarkdown writes the summary of one or more reviews as
// Markdown tables.
func WriteSummaryMarkdown(w io.Writer, all []*Scored) error {
	var b strings.Builder
	plain := newSummaryStyles(w, false)
	t := &i18n.For(languageOf(all)).Summary
	levels := make([]string, len(questions.Levels))
	for i, r := range questions.Levels {
		levels[i] = t.MDColumns[r]
	}
	if len(all) == 1 {
		s := all[0]
		b.WriteString(heading("## "+t.MDTitle, inline(s.Workload.Name)) + "\n\n")
		fmt.Fprintf(&b, t.MDLine+"\n\n", inline(s.Lens.Name), inline(s.Lens.Version), s.Answered, s.Total)
		fmt.Fprintf(&b, "| %s | %s |\n|---|---:|---:|---:|---:|---:|\n", t.MDPillar, strings.Join(levels, " | "))
		for _, p := range s.Pillars {
			fmt.Fprintf(&b, "| %s | %s |\n", inline(p.Name), strings.Join(countCells(plain, p.Counts), " | "))
		}
		fmt.Fprintf(&b, "| **%s** | %s |\n", t.MDTotal, strings.Join(countCells(plain, s.Counts), " | "))
		for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
			items := s.byRisk(r, nil)
			if len(items) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n### %s\n\n", t.MDColumns[r])
			for _, q := range items {
				fmt.Fprintf(&b, "- %s\n", withTitle(codeSpan(q.ID), q.Title))
			}
		}
	} else {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n", t.MDWorkload, t.MDLens, t.MDAnswered, strings.Join(levels, " | "), t.MDUpdated)
		var total scoring.Counts
		names := workloadNames(all, inline)
		for _, s := range sortForConsolidation(all) {
			fmt.Fprintf(&b, "| %s | %s | %d/%d | %s | %s |\n", names[s], inline(lensLabel(s)), s.Answered, s.Total,
				strings.Join(countCells(plain, s.Counts), " | "), dateOf(s))
			total = total.Plus(s.Counts)
		}
		fmt.Fprintf(&b, "| **%s** | "+t.Reviews+" | %d/%d | %s | |\n", t.MDTotal, len(all), total.Answered(), total.Total(), strings.Join(countCells(plain, total), " | "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// workloadNames are the workload cells of a table of several reviews,
// written with esc: the workload's name, and its file after it when
// another review of the table has the same name (two services both
// called "api" are told apart by where they live).
func workloadNames(all []*Scored, esc func(string) string) map[*Scored]string {
	seen := make(map[string]int, len(all))
	for _, s := range all {
		seen[esc(s.Workload.Name)]++
	}
	out := make(map[*Scored]string, len(all))
	for _, s := range all {
		name := esc(s.Workload.Name)
		if seen[name] > 1 && s.File != "" {
			name += " (" + esc(s.File) + ")"
		}
		out[s] = name
	}
	return out
}

// languageOf is the language of a table of several reviews: the first's.
func languageOf(all []*Scored) string {
	if len(all) == 0 {
		return ""
	}
	return all[0].Language
}

// SummarySchema names the JSON summary format.
const SummarySchema = "wafr.summary/v1"

type summaryJSON struct {
	Schema  string          `json:"schema"`
	Reviews []reviewSummary `json:"reviews"`
	Total   scoring.Counts  `json:"total"`
}

type reviewSummary struct {
	File      string          `json:"file,omitempty"`
	Workload  Workload        `json:"workload"`
	Lens      Lens            `json:"lens"`
	Milestone string          `json:"milestone,omitempty"`
	UpdatedAt string          `json:"updatedAt,omitempty"`
	Answered  int             `json:"answered"`
	Total     int             `json:"total"`
	Counts    scoring.Counts  `json:"counts"`
	Pillars   []pillarSummary `json:"pillars"`
	Risks     []riskItem      `json:"risks"` // HIGH and MEDIUM questions
}

type pillarSummary struct {
	ID     string         `json:"id"`
	Name   string         `json:"name"`
	Counts scoring.Counts `json:"counts"`
}

type riskItem struct {
	Pillar string         `json:"pillar"`
	ID     string         `json:"id"`
	Title  string         `json:"title"`
	Risk   questions.Risk `json:"risk"`
}

// WriteSummaryJSON writes the counts of one or more reviews as JSON.
func WriteSummaryJSON(w io.Writer, all []*Scored) error {
	out := summaryJSON{Schema: SummarySchema, Reviews: []reviewSummary{}}
	for _, s := range all {
		rs := reviewSummary{File: s.File, Workload: s.Workload, Lens: s.Lens, Milestone: s.Milestone, UpdatedAt: s.UpdatedAt,
			Answered: s.Answered, Total: s.Total, Counts: s.Counts, Pillars: []pillarSummary{}, Risks: []riskItem{}}
		for _, p := range s.Pillars {
			rs.Pillars = append(rs.Pillars, pillarSummary{ID: p.ID, Name: p.Name, Counts: p.Counts})
		}
		for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
			for _, q := range s.byRisk(r, nil) {
				rs.Risks = append(rs.Risks, riskItem{Pillar: q.pillar.ID, ID: q.ID, Title: q.Title, Risk: q.Risk})
			}
		}
		out.Reviews = append(out.Reviews, rs)
		out.Total = out.Total.Plus(s.Counts)
	}
	return writeJSON(w, out)
}

// writeJSON writes every JSON report: indented, and with bidi controls
// and C1 controls escaped, since people read JSON on a terminal.
func writeJSON(w io.Writer, v any) error { return safeout.WriteJSON(w, v, "  ") }

// WriteReportJSON writes the whole scored review (schema Schema).
func WriteReportJSON(w io.Writer, s *Scored) error { return writeJSON(w, s) }

// WriteQuestionLines writes one line per question of the lens: id, risk
// and ticked choices, then the notes.
func WriteQuestionLines(w io.Writer, s *Scored) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s - %s\n", plain(s.Workload.Name), lensLabel(s))
	for _, p := range s.Pillars {
		for _, q := range p.Questions {
			ids := make([]string, len(q.Selected))
			for i, c := range q.Selected {
				ids[i] = c.ID
			}
			writeQuestionLine(&b, p.ID, q.ID, q.Risk, ids, q.Reason, q.Notes)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteRecordedLines writes WriteQuestionLines's lines from the review file
// alone: one per answer, with the risk saved with it, in the file's order.
// It suits git's textconv, so that git diff and git log -p of a review
// show risk changes line by line: it needs no lens, which git's temporary
// copy of a file could not find, so both sides of a diff read alike.
func WriteRecordedLines(w io.Writer, r *review.Review) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s - %s\n", plain(r.Workload.Name), plain(strings.TrimSpace(r.Lens.ID+" "+r.Lens.Version)))
	r.Answers.Each(func(pillarID, questionID string, a *review.Answer) {
		writeQuestionLine(&b, pillarID, questionID, a.RecordedRisk(), a.Selected, a.Reason, a.Notes)
	})
	_, err := io.WriteString(w, b.String())
	return err
}

func writeQuestionLine(b *strings.Builder, pillarID, questionID string, risk questions.Risk, selected []string, reason, notes string) {
	ids := make([]string, len(selected))
	for i, id := range selected {
		ids[i] = plain(id)
	}
	fmt.Fprintf(b, "%s/%s  %s  [%s]", plain(pillarID), plain(questionID), risk, strings.Join(ids, ", "))
	if reason != "" {
		b.WriteString("  reason: " + plain(reason))
	}
	if notes != "" {
		b.WriteString("  notes: " + plain(notes))
	}
	b.WriteString("\n")
}
