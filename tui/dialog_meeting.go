package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/review"
)

// textDialog asks for one line of text and turns it into an intent.
type textDialog struct {
	frame
	title, intro string
	input        textinput.Model
	err          string
	done         func(text string) (Intent, string) // the intent, or why not
}

func newTextDialog(c *common, title, intro, placeholder string, limit int, done func(string) (Intent, string)) textDialog {
	in := newTextInput()
	in.Placeholder, in.CharLimit = placeholder, limit
	return textDialog{frame: frame{c: c}, title: title, intro: intro, input: in, done: done}
}

func (d textDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case keyMatches(km, d.c.keys.Form.Cancel), km.Type == tea.KeyCtrlC:
			return d, nil, closed()
		case keyMatches(km, d.c.keys.Form.Confirm):
			in, problem := d.done(strings.TrimSpace(d.input.Value()))
			if problem != "" {
				d.err = problem
				return d, nil, nil
			}
			return d, nil, []event{closeDialogEvent{}, applyEvent{in}}
		}
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return d, cmd, nil
}

func (d textDialog) view() string {
	body := d.intro + "\n\n" + d.input.View()
	if d.err != "" {
		body += "\n\n" + d.c.styles.StatusError.Render(d.err)
	}
	return d.box(d.title, body)
}

func (d textDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	d.input.Width = min(50, d.textWidth()-2)
	return d
}

func (d textDialog) focus() (dialog, tea.Cmd) { cmd := d.input.Focus(); return d, cmd }
func (d textDialog) keys() []key.Binding {
	return []key.Binding{d.c.keys.Form.Confirm, d.c.keys.Form.Cancel}
}
func (d textDialog) typing() bool { return true }

func newParkDialog(c *common, snap *Snapshot, item int) textDialog {
	q := sanitize(snap.Items[item].Question.ID)
	return newTextDialog(c, "Park an item on "+q, "A line to come back to before the review ends (it becomes an action or a note).",
		"e.g. check the DR runbook with the DBA team", 300, func(text string) (Intent, string) {
			if text == "" {
				return nil, "write what to come back to"
			}
			return ParkIntent{Item: item, Text: text}, ""
		})
}

func newTimeBoxDialog(c *common, m *Meeting) textDialog {
	d := newTextDialog(c, "Minutes per question", "Everyone sees the time left on the shared question, and overtime. 0 turns the time-box off.",
		"e.g. 5", 3, func(text string) (Intent, string) {
			n, err := strconv.Atoi(text)
			if err != nil || n < 0 || n > 240 {
				return nil, "a number of minutes, 0 to 240"
			}
			return TimeBoxIntent{Minutes: n}, ""
		})
	if m.TimeBox.PerQuestion > 0 {
		d.input.SetValue(strconv.Itoa(int(m.TimeBox.PerQuestion.Minutes())))
	}
	return d
}

// pickDialog lets the facilitator pick one line of a list.
type pickDialog struct {
	frame
	title  string
	labels []string
	cursor int
	pick   func(i int) []event
	extra  func(i int, msg tea.KeyMsg) []event // other keys on a line; nil: none
	help   []key.Binding
	empty  string
}

func (d pickDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return d, nil, nil
	}
	k := d.c.keys
	switch {
	case keyMatches(km, k.Form.Cancel), km.Type == tea.KeyCtrlC:
		return d, nil, closed()
	case keyMatches(km, k.Question.Up):
		d.cursor = max(0, d.cursor-1)
	case keyMatches(km, k.Question.Down):
		d.cursor = min(len(d.labels)-1, d.cursor+1)
	case len(d.labels) == 0:
	case keyMatches(km, k.Form.Confirm) && d.pick != nil:
		return d, nil, d.pick(d.cursor)
	case d.extra != nil:
		return d, nil, d.extra(d.cursor, km)
	}
	return d, nil, nil
}

func (d pickDialog) view() string {
	s := d.c.styles
	if len(d.labels) == 0 {
		return d.box(d.title, s.Dim.Render(d.empty))
	}
	lines := make([]string, len(d.labels))
	for i, l := range d.labels {
		if i == d.cursor {
			lines[i] = s.Cursor.Render("› ") + s.Selected.Render(l)
		} else {
			lines[i] = "  " + l
		}
	}
	return d.box(d.title, strings.Join(lines, "\n"))
}

func (d pickDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d pickDialog) focus() (dialog, tea.Cmd) { return d, nil }
func (d pickDialog) keys() []key.Binding      { return d.help }
func (d pickDialog) typing() bool             { return false }

func newHandOverDialog(c *common, m *Meeting) pickDialog {
	var ids, labels []string
	for _, p := range m.People {
		if p.ID != m.Me.ID && p.Role != Observer {
			ids, labels = append(ids, p.ID), append(labels, oneLine(sanitize(p.Name)))
		}
	}
	return pickDialog{frame: frame{c: c}, title: "Hand the facilitator role to…", labels: labels, empty: "No one else here can take it.",
		help: []key.Binding{c.keys.Question.Up, c.keys.Question.Down, c.keys.Form.Confirm, c.keys.Form.Cancel},
		pick: func(i int) []event { return []event{closeDialogEvent{}, applyEvent{HandOverIntent{To: ids[i]}}} }}
}

func newSettleVoteDialog(c *common, snap *Snapshot, vt *VoteView) pickDialog {
	majority := "nothing"
	if len(vt.Majority) > 0 {
		majority = strings.Join(vt.Majority, ", ")
	}
	q := sanitize(snap.Items[vt.Item].Question.ID)
	labels := []string{"Take what most ticked as the answer: " + sanitize(majority), "Keep the answer as it is now", "Go on voting (back)"}
	return pickDialog{frame: frame{c: c}, title: "Settle the vote on " + q, labels: labels,
		help: []key.Binding{c.keys.Question.Up, c.keys.Question.Down, c.keys.Form.Confirm, c.keys.Form.Cancel},
		pick: func(i int) []event {
			switch i {
			case 0:
				return []event{closeDialogEvent{}, applyEvent{CloseVoteIntent{Majority: true}}}
			case 1:
				return []event{closeDialogEvent{}, applyEvent{CloseVoteIntent{}}}
			}
			return closed()
		}}
}

func newParkingLotDialog(c *common, snap *Snapshot, chair bool) pickDialog {
	parked := snap.Review.Parked
	labels := make([]string, len(parked))
	for i, p := range parked {
		labels[i] = fmt.Sprintf("%s  %s (%s)", sanitize(p.QuestionID), oneLine(sanitize(p.Text)), sanitize(p.By))
	}
	d := pickDialog{frame: frame{c: c}, title: "Parking lot", labels: labels, empty: "Nothing is parked. L on a question parks an item.",
		help: []key.Binding{c.keys.Question.Up, c.keys.Question.Down, c.keys.Form.Cancel}}
	if !chair {
		return d
	}
	d.title = "Parking lot: a action · n note · x drop"
	d.help = append(d.help, key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "to an action")),
		key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "to notes")), key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "drop")))
	d.extra = func(i int, km tea.KeyMsg) []event {
		switch km.String() {
		case "a":
			return []event{closeDialogEvent{}, openDialogEvent{newParkedActionDialog(c, parked[i])}}
		case "n":
			return []event{closeDialogEvent{}, applyEvent{ResolveParkedIntent{Item: parked[i], Into: ParkedToNotes}}}
		case "x":
			return []event{closeDialogEvent{}, applyEvent{ResolveParkedIntent{Item: parked[i], Into: ParkedDropped}}}
		}
		return nil
	}
	return d
}

// newParkedActionDialog asks who owns the action a parked item becomes,
// and by when, as "owner, YYYY-MM-DD".
func newParkedActionDialog(c *common, p review.Parked) textDialog {
	return newTextDialog(c, "Action from the parking lot", "“"+oneLine(sanitize(p.Text))+"”\n\nOwner, and a due date if there is one: alice, 2027-01-31",
		"owner, YYYY-MM-DD", 200, func(text string) (Intent, string) {
			owner, due, _ := strings.Cut(text, ",")
			owner, due = strings.TrimSpace(owner), strings.TrimSpace(due)
			if _, err := review.ParseDue(due); err != nil {
				return nil, err.Error()
			}
			return ResolveParkedIntent{Item: p, Into: ParkedToAction, Owner: owner, Due: due}, ""
		})
}
