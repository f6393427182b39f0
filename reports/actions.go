package reports

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"time"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// ActionRow is one action in a listing across review files.
type ActionRow struct {
	File     string        `json:"file"`
	Workload string        `json:"workload"`
	Question string        `json:"question"` // PILLAR/QUESTION
	Action   review.Action `json:"-"`
	Overdue  bool          `json:"overdue"`
	// Stale says why the action may no longer be needed: its choice is
	// ticked now, or its question left the lens.
	Stale string `json:"stale,omitempty"`
}

type actionJSON struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Workload  string `json:"workload"`
	Question  string `json:"question"`
	Choice    string `json:"choice,omitempty"`
	Title     string `json:"title"`
	Owner     string `json:"owner,omitempty"`
	Due       string `json:"due,omitempty"`
	Status    string `json:"status"`
	Reason    string `json:"reason,omitempty"`
	Link      string `json:"link,omitempty"`
	Notes     string `json:"notes,omitempty"`
	Overdue   bool   `json:"overdue"`
	Stale     string `json:"stale,omitempty"`
	CreatedAt string `json:"createdAt,omitempty"`
	CreatedBy string `json:"createdBy,omitempty"`
	UpdatedAt string `json:"updatedAt,omitempty"`
	UpdatedBy string `json:"updatedBy,omitempty"`
}

func (r ActionRow) json() actionJSON {
	a := r.Action
	return actionJSON{ID: a.ID, File: r.File, Workload: r.Workload, Question: r.Question, Choice: a.ChoiceID, Title: a.Title,
		Owner: a.Owner, Due: a.Due, Status: a.Status, Reason: a.Reason, Link: a.Link, Notes: a.Notes, Overdue: r.Overdue,
		Stale: r.Stale, CreatedAt: formatTime(a.CreatedAt), CreatedBy: a.CreatedBy, UpdatedAt: formatTime(a.UpdatedAt), UpdatedBy: a.UpdatedBy}
}

// ActionsTextOptions say how to list actions in the terminal.
type ActionsTextOptions struct {
	TextOptions
	// Workloads shows the WORKLOAD column even when every action listed
	// comes from one file: the listing was asked of several files, and
	// which one matched is part of the answer.
	Workloads bool
}

// WriteActionsText lists actions as an aligned table, with a WORKLOAD
// column when they come from several files or opts.Workloads is set.
func WriteActionsText(w io.Writer, rows []ActionRow, opts ActionsTextOptions) error {
	c := i18n.For(opts.Language)
	t := &c.Actions
	if len(rows) == 0 {
		_, err := io.WriteString(w, t.None+"\n")
		return err
	}
	st := newSummaryStyles(w, opts.Color)
	multi := opts.Workloads
	for _, r := range rows {
		multi = multi || r.File != rows[0].File
	}
	header := []string{t.ID, t.Status, t.Due, t.Owner, t.Question, t.Title}
	if multi {
		header = append([]string{t.Workload}, header...)
	}
	table := &Table{Header: header}
	for _, r := range rows {
		a := r.Action
		due := orDash(a.Due)
		if r.Overdue {
			due = st.risk[questions.HighRisk].Render(fmt.Sprintf(t.Overdue, due))
		}
		title := plain(a.Title)
		if r.Stale != "" {
			title += st.dim.Render("  (" + r.Stale + ")")
		}
		cells := []string{plain(a.ID), c.Status(a.Status), due, orDash(plain(a.Owner)), plain(r.Question), title}
		if multi {
			cells = append([]string{plain(r.Workload)}, cells...)
		}
		table.Append(cells...)
	}
	return table.Write(w)
}

// WriteActionsMarkdown lists actions as a GitHub task list, by workload,
// in the language lang (as the text table and the plan's tasks word it).
func WriteActionsMarkdown(w io.Writer, rows []ActionRow, lang string) error {
	words := i18n.For(lang)
	if len(rows) == 0 {
		_, err := io.WriteString(w, words.Actions.None+"\n")
		return err
	}
	var b bytes.Buffer
	last := ""
	for _, r := range rows {
		if r.File != last {
			b.WriteString("\n" + heading("## %s", inline(r.Workload)) + "\n\n")
			last = r.File
		}
		a := r.Action
		item := actionItem(&a, time.Time{})
		item.Overdue = r.Overdue
		writeTasks(&b, []ActionItem{item}, words)
	}
	_, err := w.Write(bytes.TrimPrefix(b.Bytes(), []byte("\n")))
	return err
}

// WriteActionsJSON lists actions as JSON.
func WriteActionsJSON(w io.Writer, rows []ActionRow) error {
	out := struct {
		Schema  string       `json:"schema"`
		Actions []actionJSON `json:"actions"`
	}{Schema: "wafr.actions/v1", Actions: []actionJSON{}}
	for _, r := range rows {
		out.Actions = append(out.Actions, r.json())
	}
	return writeJSON(w, out)
}

// WriteActionsCSV lists actions as CSV.
func WriteActionsCSV(w io.Writer, rows []ActionRow) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"workload", "file", "id", "question", "choice", "title", "owner", "due", "status", "overdue", "reason", "link", "stale"})
	for _, r := range rows {
		a := r.Action
		cw.Write([]string{cleanCell(r.Workload), cleanCell(r.File), cleanCell(a.ID), cleanCell(r.Question), cleanCell(a.ChoiceID), cleanCell(a.Title),
			cleanCell(a.Owner), a.Due, a.Status, fmt.Sprint(r.Overdue), cleanCell(a.Reason), cleanCell(a.Link), r.Stale})
	}
	cw.Flush()
	return cw.Error()
}
