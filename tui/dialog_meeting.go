package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/textsafe"
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
	in := newTextInput(c.styles)
	in.Placeholder, in.CharLimit = placeholder, limit
	return textDialog{frame: frame{c: c}, title: title, intro: intro, input: in, done: done}
}

func (d textDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case keyMatches(km, d.c.keys.Form.Cancel), km.Type == tea.KeyCtrlC:
			return d, nil, closed()
		case keyMatches(km, d.c.keys.Form.Confirm):
			in, problem := d.done(textsafe.Name(d.input.Value()))
			if problem != "" {
				d.err = problem
				return d, nil, nil
			}
			return d, nil, []event{closeDialogEvent{}, applyEvent{in}}
		}
	}
	var cmd tea.Cmd
	d.input, cmd = updateInput(d.input, msg)
	return d, cmd, nil
}

func (d textDialog) view() string {
	w := d.textWidth()
	lines := append(strings.Split(wrap(d.intro, w), "\n"), "", d.input.View())
	if d.err != "" {
		lines = append(append(lines, ""), styleLines(d.c.styles.StatusError, wrap(d.err, w))...)
	}
	return d.boxLines(d.title, lines)
}

func (d textDialog) setSize(w, h int) dialog {
	d.w, d.h = w, h
	// The prompt and the cursor after the text take room of their own.
	setInputWidth(&d.input, d.textWidth()-displayWidth(d.input.Prompt)-1)
	return d
}

func (d textDialog) focus() (dialog, tea.Cmd) { cmd := d.input.Focus(); return d, cmd }
func (d textDialog) keys() []key.Binding {
	return []key.Binding{d.c.keys.Form.Confirm, d.c.keys.Form.Cancel}
}
func (d textDialog) typing() bool { return true }

func (d textDialog) unconfirmed() (string, string) {
	return d.title, strings.TrimSpace(d.input.Value())
}

func newParkDialog(c *common, snap *Snapshot, item int) textDialog {
	q, t := cleanLine(snap.Items[item].Question.ID), &c.t.Meeting
	return newTextDialog(c, fmt.Sprintf(t.ParkTitle, q), t.ParkIntro, t.ParkPlaceholder, 300, func(text string) (Intent, string) {
		if text == "" {
			return nil, t.ParkEmpty
		}
		return ParkIntent{Item: item, Text: text}, ""
	})
}

// newTimeBoxDialog asks for the minutes per question. The field starts
// empty, with the current minutes as its placeholder: what is typed
// replaces them (0 turns the time-box off), and enter alone keeps them.
func newTimeBoxDialog(c *common, m *Meeting) textDialog {
	t := &c.t.Meeting
	placeholder, now := t.TimeBoxExample, ""
	if m.TimeBox.PerQuestion > 0 {
		now = strconv.Itoa(int(m.TimeBox.PerQuestion.Minutes()))
		placeholder = now
	}
	return newTextDialog(c, t.TimeBoxTitle, t.TimeBoxIntro, placeholder, 3, func(text string) (Intent, string) {
		if text == "" {
			text = now
		}
		n, err := strconv.Atoi(text)
		if err != nil || n < 0 || n > 240 {
			return nil, t.TimeBoxBad
		}
		return TimeBoxIntent{Minutes: n}, ""
	})
}

// pickDialog lets the facilitator pick one line of a list.
type pickDialog struct {
	frame
	title  string
	labels []string
	cursor int
	scroll int // lines of the highlighted line's label scrolled past (pgdn)
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
		d.cursor, d.scroll = max(0, d.cursor-1), 0
	case keyMatches(km, k.Question.Down):
		d.cursor, d.scroll = min(len(d.labels)-1, d.cursor+1), 0
	case keyMatches(km, k.List.PageDown) && len(d.labels) > 0:
		lines := strings.Count(wrap(d.labels[d.cursor], d.textWidth()-2), "\n") + 1 // as view wraps it
		d.scroll = min(d.scroll+d.page(), max(0, lines-d.page()))
	case keyMatches(km, k.List.PageUp):
		d.scroll = max(0, d.scroll-d.page())
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
		return d.boxLines(d.title, []string{s.Dim.Render(wrap(d.empty, d.textWidth()))})
	}
	var lines []string
	at, length := 0, 0 // the highlighted label's first line, and its lines
	for i, l := range d.labels {
		parts := strings.Split(wrap(l, d.textWidth()-2), "\n")
		if i == d.cursor {
			at, length = len(lines), len(parts)
		}
		for j, part := range parts {
			if i == d.cursor && j == 0 {
				lines = append(lines, s.Cursor.Render("› ")+s.Selected.Render(part))
			} else {
				lines = append(lines, "  "+part)
			}
		}
	}
	return d.boxLines(d.title, d.window(lines, at, length))
}

// window is the part of the lines a dialog too short for them shows: from
// the start, unless that hides the highlighted label; then from that label,
// scrolled on by pgdn as far as its last line.
func (d pickDialog) window(lines []string, at, length int) []string {
	room := d.room()
	if len(lines) <= room || d.scroll == 0 && at < room-1 {
		return lines // the highlighted label starts in sight
	}
	start := at + min(d.scroll, max(0, length-d.page()))
	return append([]string{"  …"}, lines[start:]...)
}

// room is how many lines the dialog has for the list, as boxLines counts.
func (d pickDialog) room() int {
	return d.h - 3 - strings.Count(wrap(sanitize(d.title), d.textWidth()), "\n") - 1
}

// page is how many lines of a label show between the "…" above and the
// one boxLines puts below: what pgdn moves.
func (d pickDialog) page() int { return max(1, d.room()-2) }

func (d pickDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d pickDialog) focus() (dialog, tea.Cmd) { return d, nil }
func (d pickDialog) keys() []key.Binding      { return d.help }
func (d pickDialog) typing() bool             { return false }

func newHandOverDialog(c *common, m *Meeting) pickDialog {
	var ids, labels []string
	names := personNames(m.People)
	for i, p := range m.People {
		if p.ID != m.Me.ID && p.Role != Observer {
			ids, labels = append(ids, p.ID), append(labels, names[i])
		}
	}
	return pickDialog{frame: frame{c: c}, title: c.t.Meeting.HandOverTitle, labels: labels, empty: c.t.Meeting.HandOverEmpty,
		help: []key.Binding{c.keys.Question.Up, c.keys.Question.Down, c.keys.Form.Confirm, c.keys.Form.Cancel},
		pick: func(i int) []event { return []event{closeDialogEvent{}, applyEvent{HandOverIntent{To: ids[i]}}} }}
}

func newSettleVoteDialog(c *common, snap *Snapshot, vt *VoteView) pickDialog {
	t := &c.t.Meeting
	take, cursor := t.SettleNothing, 1 // no majority: keeping the answer is the safe default
	if a := snap.Answer(vt.Item); a != nil && a.NotApplicable {
		take = t.SettleNothingNA // a majority of nothing leaves it not applicable
	}
	if len(vt.Majority) > 0 {
		take, cursor = fmt.Sprintf(t.SettleMajority, cleanLine(strings.Join(vt.Majority, ", "))), 0
	}
	q := cleanLine(snap.Items[vt.Item].Question.ID)
	labels := []string{take, t.SettleKeep, t.SettleBack}
	return pickDialog{frame: frame{c: c}, title: fmt.Sprintf(t.SettleTitle, q), labels: labels, cursor: cursor,
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
		labels[i] = fmt.Sprintf("%s  %s (%s)", cleanLine(p.QuestionID), cleanLine(p.Text), cleanName(p.By))
	}
	t := &c.t.Meeting
	d := pickDialog{frame: frame{c: c}, title: t.LotTitle, labels: labels, empty: t.LotEmpty,
		help: []key.Binding{c.keys.Question.Up, c.keys.Question.Down, c.keys.Form.Cancel}}
	if !chair {
		return d
	}
	d.title = t.LotChairTitle
	d.help = append(d.help, key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t.LotToAction)),
		key.NewBinding(key.WithKeys("n"), key.WithHelp("n", t.LotToNotes)), key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.LotDrop)))
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

// proposalsDialog lists the proposals waiting, each in full (the line
// under the title has room for the first one's start only): enter or y
// accepts the highlighted one, d declines it. Each update of the meeting
// lists them again (meetingDialogs), so what is accepted is what is read.
type proposalsDialog struct {
	pickDialog
	ids []int // each line's proposal
}

func (d proposalsDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	next, cmd, evs := d.pickDialog.update(msg)
	d.pickDialog = next.(pickDialog)
	return d, cmd, evs
}

func (d proposalsDialog) setSize(w, h int) dialog {
	d.pickDialog = d.pickDialog.setSize(w, h).(pickDialog)
	return d
}

func (d proposalsDialog) focus() (dialog, tea.Cmd) { return d, nil }

// relisted is the dialog over the proposals waiting now, still on the
// proposal it was on, and as far into it, if that one still waits.
func (d proposalsDialog) relisted(snap *Snapshot, props []Proposal) proposalsDialog {
	next := newProposalsDialog(d.c, snap, props)
	next.cursor = max(0, min(d.cursor, len(props)-1))
	if d.cursor < len(d.ids) {
		if i := slices.Index(next.ids, d.ids[d.cursor]); i >= 0 {
			next.cursor, next.scroll = i, d.scroll
		}
	}
	next.w, next.h = d.w, d.h
	return next
}

func newProposalsDialog(c *common, snap *Snapshot, props []Proposal) proposalsDialog {
	t := &c.t.Meeting
	labels := make([]string, len(props))
	for i, p := range props {
		what := cleanLine(c.proposalText(snap, &p))
		if n, ok := p.Intent.(NotesIntent); ok {
			// Notes as they were written, their lines kept.
			what = fmt.Sprintf(c.t.Live.ProposeNotes, "") + "\n" + expandTabs(sanitize(n.Notes), 0)
		}
		labels[i] = fmt.Sprintf(t.ProposalLine, cleanName(p.By), cleanLine(snap.Items[p.Item].Question.ID), what)
	}
	k := c.keys.Meeting
	decide := func(i int, accept bool) []event {
		return []event{closeDialogEvent{}, applyEvent{DecideIntent{Proposal: props[i].ID, Accept: accept}}}
	}
	ids := make([]int, len(props))
	for i, p := range props {
		ids[i] = p.ID
	}
	return proposalsDialog{ids: ids, pickDialog: pickDialog{frame: frame{c: c}, title: t.ProposalsTitle, labels: labels, empty: t.ProposalsEmpty,
		help: []key.Binding{c.keys.Question.Up, c.keys.Question.Down, c.keys.List.PageDown, c.keys.List.PageUp, k.Accept, k.Decline, c.keys.Form.Cancel},
		pick: func(i int) []event { return decide(i, true) },
		extra: func(i int, km tea.KeyMsg) []event {
			switch {
			case keyMatches(km, k.Accept):
				return decide(i, true)
			case keyMatches(km, k.Decline):
				return decide(i, false)
			}
			return nil
		}}}
}

// newParkedActionDialog asks who owns the action a parked item becomes,
// and by when, as "owner, YYYY-MM-DD".
func newParkedActionDialog(c *common, p review.Parked) textDialog {
	t := &c.t.Meeting
	return newTextDialog(c, t.ParkedTitle, fmt.Sprintf(t.ParkedIntro, cleanLine(p.Text)), t.ParkedExample, 200, func(text string) (Intent, string) {
		owner, due, _ := strings.Cut(text, ",")
		owner, due = strings.TrimSpace(owner), strings.TrimSpace(due)
		if _, err := review.ParseDue(due); err != nil {
			return nil, fmt.Sprintf(c.t.Action.BadDue, due)
		}
		return ResolveParkedIntent{Item: p, Into: ParkedToAction, Owner: owner, Due: due}, ""
	})
}

// endReviewDialog asks the host of a live review before q ends it for
// everyone: y ends it, any other key goes back. Ctrl+C ends it at once, as
// it does everywhere.
type endReviewDialog struct {
	frame
	proposals int    // proposals nobody decided: they go to the parking lot
	aside     string // while the file cannot be saved: where the answers will go
}

func newEndReviewDialog(c *common, m *Meeting, snap *Snapshot) endReviewDialog {
	d := endReviewDialog{frame: frame{c: c}}
	if m != nil {
		d.proposals = len(m.Proposals)
	}
	d.aside = endAside(snap)
	return d
}

// endAside is where the answers will go when the review ends, while the
// file cannot be saved: a save failing, or a change on disk waiting for a
// decision (the file is then not the session's to write); else "".
func endAside(snap *Snapshot) string {
	if snap.Save.Err == nil && snap.Conflict == nil {
		return ""
	}
	return asideName(snap.Path)
}

// meetingDialogs brings the dialogs that show the meeting's state up to
// date with a new one: the proposals listed or counted, whether notes
// typed are proposals.
func (v *Viewer) meetingDialogs(m *Meeting) {
	for i, d := range v.dialogs {
		switch d := d.(type) {
		case proposalsDialog:
			v.dialogs[i] = d.relisted(v.snap, m.Proposals)
		case endReviewDialog:
			d.proposals, d.aside = len(m.Proposals), endAside(v.snap)
			v.dialogs[i] = d
		case conflictDialog: // what its q asks on
			d.live, d.snap = m, v.snap
			v.dialogs[i] = d
		case notesDialog:
			d.proposing = proposes(m)
			v.dialogs[i] = d.setSize(d.w, d.h) // the hint may take other lines
		}
	}
}

// myNotesProposal is the notes proposal of the one m is seen by on a
// question, waiting for the facilitator.
func (m *Meeting) myNotesProposal(item int) (NotesIntent, bool) {
	if m == nil {
		return NotesIntent{}, false
	}
	for _, p := range m.Proposals {
		if in, ok := p.Intent.(NotesIntent); ok && p.By == m.Me.Name && p.Item == item {
			return in, true
		}
	}
	return NotesIntent{}, false
}

// proposes reports whether the ticks and notes of the one m is seen by
// are proposals to the facilitator.
func proposes(m *Meeting) bool { return m != nil && m.Me.Role != Facilitator && !m.MayEdit }

// body is the question, and what becomes of the proposals left.
func (d endReviewDialog) body() string {
	t := &d.c.t.Meeting
	end := t.EndBody
	if d.aside != "" {
		end = fmt.Sprintf(t.EndBodyAside, d.aside)
	}
	if d.proposals == 0 {
		return end
	}
	return i18n.Plural(d.proposals, t.EndProposal, fmt.Sprintf(t.EndProposals, d.proposals)) + " " + end
}

func (d endReviewDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	km, ok := msg.(tea.KeyMsg)
	switch {
	case !ok:
		return d, nil, nil
	case km.Type == tea.KeyCtrlC, keyMatches(km, d.yes()):
		return d, nil, []event{closeDialogEvent{}, quitEvent{how: quitSave}}
	}
	return d, nil, closed()
}

func (d endReviewDialog) yes() key.Binding {
	return key.NewBinding(key.WithKeys("y"), key.WithHelp("y", d.c.t.Meeting.EndYes))
}

func (d endReviewDialog) view() string {
	return d.box(d.c.t.Meeting.EndTitle, d.body())
}

// small is the question alone, for a terminal too small for the dialog:
// the key that answers it must not act unseen.
func (d endReviewDialog) small(w, h int) string {
	t := &d.c.t.Meeting
	return fitHeight(wrap(t.EndTitle+" "+d.body(), max(1, w)), max(1, h))
}

func (d endReviewDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d endReviewDialog) focus() (dialog, tea.Cmd) { return d, nil }
func (d endReviewDialog) keys() []key.Binding {
	t := &d.c.t.Meeting
	// For the help only (update takes any key itself); a binding with no
	// keys would not show.
	anyKey := key.NewBinding(key.WithKeys(t.EndAnyKey), key.WithHelp(t.EndAnyKey, t.EndBack))
	return []key.Binding{d.yes(), anyKey}
}

// typing is true: every key answers the dialog, ? included.
func (d endReviewDialog) typing() bool { return true }
