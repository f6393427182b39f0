package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// DiffOptions change what a diff shows.
type DiffOptions struct {
	All   bool // include unchanged questions
	Color bool // text only
	// File is the new side's review file, named in the commands that
	// hints show; "" when it came from standard input.
	File string
	// Language is the language of wafr's own words (i18n.For): text and
	// Markdown only, JSON is the same in every language.
	Language string
}

func headline(t *i18n.Diff, d *review.DiffResult) string {
	var parts []string
	for _, r := range questions.Levels {
		old, new := countOf(d.OldCounts, r, d.OldScored), countOf(d.NewCounts, r, d.NewScored)
		parts = append(parts, fmt.Sprintf("%s %s -> %s", t.Levels[r], old, new))
	}
	return strings.Join(parts, " · ")
}

// countOf is a side's count of a level: "?" for unanswered questions of a
// side whose lens is missing, which cannot be counted (lensNote says why).
func countOf(c scoring.Counts, r questions.Risk, scored bool) string {
	if r == questions.Unanswered && !scored {
		return "?"
	}
	return strconv.Itoa(c.Of(r))
}

// sideLabels are the two headers: each side's label, workload and lens.
func sideLabels(d *review.DiffResult) (old, new string) {
	ol, nl := lensTags(d)
	return fmt.Sprintf("%s (%s, %s)", d.Old.Label, d.Old.Review.Workload.Name, ol),
		fmt.Sprintf("%s (%s, %s)", d.New.Label, d.New.Review.Workload.Name, nl)
}

// lensTags name the lenses the two sides are scored with (else the ones
// they record) alike (review.LensNames), with their versions when they
// have them.
func lensTags(d *review.DiffResult) (old, new string) {
	old, new = review.LensNames(d.Old.LensLabel(), d.New.LensLabel())
	return withVersion(old, lensVersion(d.Old)), withVersion(new, lensVersion(d.New))
}

// lensVersion is the version of the lens a side is scored with, else of
// the one it records.
func lensVersion(s review.Side) string {
	if s.Lens != nil {
		return s.Lens.Version
	}
	return s.Review.Lens.Version
}

func withVersion(name, version string) string {
	if version == "" {
		return name
	}
	return name + " " + version
}

// groups returns the changed questions by kind, in report order. Every
// question --fail-on-regression counts is under Regressed, a question
// applicable again at MEDIUM or HIGH too (its line says it was N/A).
func groups(d *review.DiffResult, all bool) []diffGroup {
	var out []diffGroup
	for _, c := range review.Changes {
		if c == review.Unchanged && !all {
			continue
		}
		var qs []review.QuestionDiff
		for _, q := range d.Questions {
			if section(q) == c {
				qs = append(qs, q)
			}
		}
		if len(qs) > 0 {
			out = append(out, diffGroup{c, qs})
		}
	}
	return out
}

// section is the group a question is listed under.
func section(q review.QuestionDiff) review.Change {
	if q.IsRegression() {
		return review.Regressed
	}
	return q.Change
}

type diffGroup struct {
	change    review.Change
	questions []review.QuestionDiff
}

// groupTitle titles a group of questions: the catalogue's name of its
// change, else the change's own name, capitalised.
func groupTitle(t *i18n.Diff, c review.Change) string {
	if title, ok := t.Changes[c.String()]; ok {
		return title
	}
	name := c.String()
	return strings.ToUpper(name[:1]) + name[1:]
}

func lensNote(t *i18n.Diff, d *review.DiffResult) []string {
	var notes []string
	if d.LensChanged {
		notes = append(notes, lensChangeNote(t, d))
	}
	for _, s := range []struct {
		side   review.Side
		scored bool
	}{{d.Old, d.OldScored}, {d.New, d.NewScored}} {
		if !s.scored {
			notes = append(notes, fmt.Sprintf(t.Unscored, s.side.Label, plain(lensGone(t, s.side.LensGone))))
		}
	}
	return notes
}

// lensGone says why a side's lens is not used, in the catalogue's
// language: a reason it does not know is shown as written.
func lensGone(t *i18n.Diff, why string) string {
	switch {
	case why == "":
		return t.LensMissing
	case why == review.LensNotFound:
		return t.LensNotFound
	case why == review.LensChangedSince:
		return t.LensChangedSince
	case strings.HasPrefix(why, review.LensNotLoading) && strings.HasSuffix(why, review.LensNotLoadingEnd):
		return fmt.Sprintf(t.LensNotLoading, why[len(review.LensNotLoading):len(why)-len(review.LensNotLoadingEnd)])
	}
	return why
}

// lensChangeNote says how the two sides' lenses differ: another lens or
// version, or the same one with other content.
func lensChangeNote(t *i18n.Diff, d *review.DiffResult) string {
	o, n := lensTags(d)
	msg := fmt.Sprintf(t.LensChanged, o, n)
	if o == n {
		msg = fmt.Sprintf(t.LensContent, o)
	}
	if d.OldScored && d.NewScored {
		return msg + t.LensListed
	}
	return msg + t.LensEnd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WriteDiffText writes a diff for the terminal.
func WriteDiffText(w io.Writer, d *review.DiffResult, opts DiffOptions) error {
	c := i18n.For(opts.Language)
	t := &c.Diff
	st := newSummaryStyles(w, opts.Color)
	var b strings.Builder
	old, new := sideLabels(d)
	fmt.Fprintf(&b, "%s\n  -> %s\n", plain(old), plain(new))
	b.WriteString(headline(t, d) + "\n")
	for _, n := range lensNote(t, d) {
		b.WriteString(st.dim.Render(plain(n)) + "\n")
	}
	gs := groups(d, opts.All)
	if len(gs) == 0 {
		b.WriteString("\n" + t.NoChange + "\n")
	}
	for _, g := range gs {
		fmt.Fprintf(&b, "\n%s (%d)\n", st.heading.Render(groupTitle(t, g.change)), len(g.questions))
		for _, q := range g.questions {
			risk := st.risk[q.Before].Render(t.Risks[q.Before]) + " -> " + st.risk[q.After].Render(t.Risks[q.After])
			fmt.Fprintf(&b, "  %s  %s  %s\n", plain(q.QuestionID), plain(q.Title), risk)
			for _, c := range q.Ticked {
				fmt.Fprintf(&b, "      + %s  %s\n", plain(c.ID), plain(c.Title))
			}
			for _, c := range q.Unticked {
				fmt.Fprintf(&b, "      - %s  %s\n", plain(c.ID), plain(c.Title))
			}
			for _, id := range q.Dropped {
				fmt.Fprintf(&b, "      ! %s  %s\n", plain(id), t.Dropped)
			}
			if q.ReasonBefore != q.ReasonAfter && q.ReasonAfter != "" {
				b.WriteString("      " + fmt.Sprintf(t.Reason, planReason(c, q.ReasonAfter)) + "\n")
			}
			if q.NotesChanged {
				b.WriteString("      " + fmt.Sprintf(t.Notes, orDash(plain(q.NotesAfter))) + "\n")
			}
		}
	}
	if len(d.Actions) > 0 {
		fmt.Fprintf(&b, "\n%s (%d)\n", st.heading.Render(t.Actions), len(d.Actions))
		for _, a := range d.Actions {
			fmt.Fprintf(&b, "  %s  %s: %s\n", plain(a.ID), plain(a.Title), actionChangeText(c, a, opts.File))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// actionChangeText says what happened to an action between two points;
// file is the review file that the hint's command names.
func actionChangeText(c *i18n.Catalog, a review.ActionDiff, file string) string {
	t := &c.Diff
	var parts []string
	if a.Change != "" {
		change, ok := t.ActionChanges[a.Change]
		if !ok {
			change = a.Change
		}
		if a.Before != "" && a.After != "" {
			change = fmt.Sprintf(t.StatusChange, change, c.Status(a.Before), c.Status(a.After))
		}
		parts = append(parts, change)
	}
	if a.Closable {
		if file == "" {
			file = "FILE" // standard input: there is no name to give
		}
		parts = append(parts, fmt.Sprintf(t.Closable, a.ChoiceID, textsafe.ShellQuote(file), a.ID))
	}
	return plain(strings.Join(parts, t.ActionSep))
}

// WriteDiffMarkdown writes a diff as Markdown, for a pull request.
func WriteDiffMarkdown(w io.Writer, d *review.DiffResult, opts DiffOptions) error {
	cat := i18n.For(opts.Language)
	t := &cat.Diff
	var b strings.Builder
	b.WriteString(heading(t.MDTitle, inline(d.New.Review.Workload.Name)) + "\n\n")
	old, new := sideLabels(d)
	b.WriteString(fmt.Sprintf(t.MDFrom, inline(old), inline(new)) + "\n\n")
	fmt.Fprintf(&b, "| %s | %s | %s |\n|---|---:|---:|\n", t.MDRisk, t.MDBefore, t.MDAfter)
	for _, r := range questions.Levels {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", t.Levels[r], countOf(d.OldCounts, r, d.OldScored), countOf(d.NewCounts, r, d.NewScored))
	}
	for _, n := range lensNote(t, d) {
		b.WriteString("\n> " + inline(n) + "\n")
	}
	gs := groups(d, opts.All)
	if len(gs) == 0 {
		b.WriteString("\n" + t.NoChange + "\n")
	}
	for _, g := range gs {
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", groupTitle(t, g.change), len(g.questions))
		for _, q := range g.questions {
			fmt.Fprintf(&b, "- %s: %s → %s\n", withTitle(codeSpan(q.QuestionID), q.Title), t.Risks[q.Before], t.Risks[q.After])
			for _, c := range q.Ticked {
				b.WriteString("  - " + fmt.Sprintf(t.Ticked, withTitle(codeSpan(c.ID), c.Title)) + "\n")
			}
			for _, c := range q.Unticked {
				b.WriteString("  - " + fmt.Sprintf(t.Unticked, withTitle(codeSpan(c.ID), c.Title)) + "\n")
			}
			for _, id := range q.Dropped {
				b.WriteString("  - " + fmt.Sprintf(t.MDDropped, codeSpan(id)) + "\n")
			}
			if q.NotesChanged {
				b.WriteString("  - " + fmt.Sprintf(t.Notes, cell(q.NotesAfter)) + "\n")
			}
		}
	}
	if len(d.Actions) > 0 {
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", t.Actions, len(d.Actions))
		for _, a := range d.Actions {
			fmt.Fprintf(&b, "- %s: %s\n", withTitle("**"+inline(a.ID)+"**", a.Title), inline(actionChangeText(cat, a, opts.File)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DiffSchema names the JSON diff format.
const DiffSchema = "wafr.diff/v1"

type diffJSON struct {
	Schema      string         `json:"schema"`
	Old         diffSideJSON   `json:"old"`
	New         diffSideJSON   `json:"new"`
	LensChanged bool           `json:"lensChanged"`
	Regressions int            `json:"regressions"`
	Questions   []questionJSON `json:"questions"`
	Actions     []actionChange `json:"actions"`
}

type actionChange struct {
	ID       string `json:"id"`
	Question string `json:"question"`
	Title    string `json:"title"`
	Change   string `json:"change,omitempty"`
	Before   string `json:"before,omitempty"`
	After    string `json:"after,omitempty"`
	Closable bool   `json:"closable"`
}

type diffSideJSON struct {
	Label    string      `json:"label"`
	Workload string      `json:"workload"`
	Lens     lensRefJSON `json:"lens"`
	Scored   bool        `json:"scoredWithLens"`
	Counts   countsJSON  `json:"counts"`
}

type lensRefJSON struct {
	ID      string `json:"id"`
	Version string `json:"version,omitempty"`
	Source  string `json:"source,omitempty"`
	Digest  string `json:"digest,omitempty"`
}

type questionJSON struct {
	Pillar       string         `json:"pillar"`
	ID           string         `json:"id"`
	Title        string         `json:"title,omitempty"`
	Change       review.Change  `json:"change"`
	Before       questions.Risk `json:"before"`
	After        questions.Risk `json:"after"`
	Ticked       []string       `json:"ticked"`
	Unticked     []string       `json:"unticked"`
	Dropped      []string       `json:"droppedChoices,omitempty"`
	NotesChanged bool           `json:"notesChanged"`
	Notes        string         `json:"notes,omitempty"`
}

// WriteDiffJSON writes a diff as JSON.
func WriteDiffJSON(w io.Writer, d *review.DiffResult, opts DiffOptions) error {
	side := func(s review.Side, scored bool, c scoring.Counts) diffSideJSON {
		l := s.Review.Lens
		return diffSideJSON{Label: s.Label, Workload: s.Review.Workload.Name, Lens: lensRefJSON{l.ID, l.Version, l.Source, l.Digest}, Scored: scored, Counts: newCountsJSON(c, scored)}
	}
	out := diffJSON{Schema: DiffSchema, Old: side(d.Old, d.OldScored, d.OldCounts), New: side(d.New, d.NewScored, d.NewCounts),
		LensChanged: d.LensChanged, Regressions: d.Regressions(), Questions: []questionJSON{}, Actions: []actionChange{}}
	for _, a := range d.Actions {
		out.Actions = append(out.Actions, actionChange{ID: a.ID, Question: a.PillarID + "/" + a.QuestionID, Title: a.Title,
			Change: a.Change, Before: a.Before, After: a.After, Closable: a.Closable})
	}
	for _, q := range d.Questions {
		if q.Change == review.Unchanged && !opts.All {
			continue
		}
		qj := questionJSON{Pillar: q.PillarID, ID: q.QuestionID, Title: q.Title, Change: q.Change, Before: q.Before, After: q.After,
			Ticked: []string{}, Unticked: []string{}, Dropped: q.Dropped, NotesChanged: q.NotesChanged}
		for _, c := range q.Ticked {
			qj.Ticked = append(qj.Ticked, c.ID)
		}
		for _, c := range q.Unticked {
			qj.Unticked = append(qj.Unticked, c.ID)
		}
		if q.NotesChanged {
			qj.Notes = q.NotesAfter
		}
		out.Questions = append(out.Questions, qj)
	}
	return writeJSON(w, out)
}
