package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// A dialog is a small screen over the current one. While it is open it
// gets every key, so typing in a note never triggers a command. A dialog
// never changes the viewer: it returns events (apply an intent, close
// me, quit) that the viewer carries out.
type dialog interface {
	update(msg tea.Msg) (dialog, tea.Cmd, []event)
	view() string
	setSize(w, h int) dialog
	focus() (dialog, tea.Cmd)
	keys() []key.Binding
	// typing reports whether the dialog takes text: then "?" is text,
	// not the key help.
	typing() bool
}

// A dialog that holds typed text until it is confirmed (a reason, an
// action's owner) says what it holds: ending the program drops it, and
// the closing lines name it (Viewer.Unconfirmed). "" when nothing was typed.
type unconfirmedText interface {
	unconfirmed() (where, text string)
}

// A textEditor is a dialog in which every letter is text and never a
// command (the notes editor): a run of letters goes in as one insertion,
// where elsewhere each letter is a key of its own. Text pasted without
// bracketed paste arrives in such runs, and the editor's every update
// costs a pass over its line.
type textEditor interface {
	dialog
	editsText()
}

// frame is the size and look every dialog shares.
type frame struct {
	c    *common
	w, h int // the body it is centred in
}

// textWidth is the text width inside a dialog's border and padding.
func (f frame) textWidth() int {
	return max(20, min(70, f.w-2-f.c.styles.Dialog.GetHorizontalFrameSize()))
}

// box draws a dialog around plain text, wrapped to the dialog's width.
func (f frame) box(title, body string) string {
	return f.boxLines(title, strings.Split(wrap(body, f.textWidth()), "\n"))
}

// boxLines draws a dialog with a title around lines already fitted to its
// width (text fields, styled lines), centred in the body. The title wraps.
// The last paragraph (after the last blank line) is what the dialog asks
// for: its keys, or its field. A dialog taller than the terminal never
// hides it: the title shrinks to one line and the text above loses lines
// to "…" first.
func (f frame) boxLines(title string, lines []string) string {
	w := f.textWidth()
	lines = strings.Split(strings.Join(lines, "\n"), "\n") // an element may hold several lines
	head := strings.Split(wrap(sanitize(title), w), "\n")
	if room := f.h - 3 - len(head); len(lines) > room && len(head) > 1 { // border, gap
		head = []string{truncate(sanitize(oneLine(title)), w)}
	}
	lines = fitDialogBody(lines, w, f.h-3-len(head))
	for i, l := range lines {
		lines[i] = truncate(expandTabs(l, 0), w) // a tab would be measured as nothing
	}
	inner := f.c.styles.Heading.Render(strings.Join(head, "\n")) + "\n\n" + strings.Join(lines, "\n")
	return lipgloss.Place(f.w, f.h, lipgloss.Center, lipgloss.Center, f.c.styles.Dialog.Render(inner))
}

// fitDialogBody cuts a dialog's lines, w wide, to room: the text above
// its last paragraph gives way first, ending in "…" before the blank line
// above the paragraph; only a last paragraph taller than the room is cut
// itself.
func fitDialogBody(lines []string, w, room int) []string {
	if len(lines) <= room {
		return lines
	}
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1] // the last paragraph is the keys, not a blank line after them
	}
	if len(lines) <= room {
		return lines
	}
	last := 0 // where the last paragraph starts
	for i, l := range lines {
		if blank(l) {
			last = i + 1
		}
	}
	text, asks := lines[:last], lines[last:]
	keep := room - len(asks) - 1 // a blank line before the paragraph
	if keep < 0 || last == 0 {
		return append(asks[:max(1, room-1):max(1, room-1)], "…")
	}
	text = text[:min(keep, len(text))]
	for len(text) > 0 && blank(text[len(text)-1]) {
		text = text[:len(text)-1]
	}
	switch {
	case len(text) > 0:
		text[len(text)-1] = truncate(text[len(text)-1]+" …", w)
	case keep > 0:
		text = []string{"…"}
	default:
		return asks
	}
	return append(append(text, ""), asks...)
}

// closed is the events of a dialog that closes itself.
func closed() []event { return []event{closeDialogEvent{}} }

// messageDialog says something that needs more room than the status line,
// until any of its keys closes it.
type messageDialog struct {
	frame
	title, body string
}

func (d messageDialog) update(msg tea.Msg) (dialog, tea.Cmd, []event) {
	if km, ok := msg.(tea.KeyMsg); ok && (keyMatches(km, d.c.keys.Form.Confirm) || keyMatches(km, d.c.keys.Form.Cancel) || km.Type == tea.KeyCtrlC) {
		return d, nil, closed()
	}
	return d, nil, nil
}

func (d messageDialog) view() string             { return d.box(d.title, d.body) }
func (d messageDialog) setSize(w, h int) dialog  { d.w, d.h = w, h; return d }
func (d messageDialog) focus() (dialog, tea.Cmd) { return d, nil }
func (d messageDialog) keys() []key.Binding {
	return []key.Binding{d.c.keys.Form.Confirm, d.c.keys.Form.Cancel}
}
func (d messageDialog) typing() bool { return false }
