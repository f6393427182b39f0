package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/wafr-dev/wafr/internal/textsafe"
)

// Every text field is updated through updateInput or updateArea, which
// clean what the field holds after each message: text typed, pasted
// (bracketed: ctrl+v reads no clipboard, see noClipboard) or set. bubbles drops C0 and C1
// controls itself, but not bidi controls (U+202E would turn the line
// around on screen and be saved as typed), line separators or zero-width
// characters. So a field never shows them, and the value saved is the
// cleaned text.

// updateInput updates a one-line field. A one-line field holds a name or a
// short text: it is also kept free of zero-width characters that make
// look-alikes (textsafe.StripInvisible).
func updateInput(in textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	in, cmd := in.Update(msg)
	return cleanInput(in), cmd
}

// cleanInput cleans what a one-line field holds, the cursor staying after
// the same text.
func cleanInput(in textinput.Model) textinput.Model {
	v := []rune(in.Value())
	pos := min(in.Position(), len(v))
	// Typed is the same rune by rune, so the text on each side of the
	// cursor is cleaned apart; zero-width characters are judged over the
	// whole value, a joiner by what is on both sides of it.
	before, after := textsafe.Typed(string(v[:pos])), textsafe.Typed(string(v[pos:]))
	c, cursor := textsafe.StripInvisibleAt(before+after, utf8.RuneCountInString(before))
	if c == string(v) {
		return in
	}
	in.SetValue(c)
	in.SetCursor(cursor)
	return in
}

// setInputWidth gives a one-line field a new width and scrolls its text
// for it: bubbles works out the part shown only when the text or the
// cursor moves, so a field made wider kept its start hidden.
func setInputWidth(in *textinput.Model, w int) {
	if in.Width != w {
		in.Width = w
		in.SetCursor(in.Position())
	}
}

// updateArea updates the notes editor. Notes keep zero-width characters
// (in Thai or Japanese one can mark where a line may break), as they keep
// everything else the team wrote.
func updateArea(a textarea.Model, msg tea.Msg) (textarea.Model, tea.Cmd) {
	lines, rows := a.LineCount(), a.LineInfo().Height
	a, cmd := a.Update(msg)
	a = cleanArea(a)
	if a.LineCount() != lines || a.LineInfo().Height != rows {
		a = scrollToCursor(a)
	}
	return a, cmd
}

// scrollToCursor brings the editor's cursor into view. The textarea
// scrolls as it updates, but within the text its last View laid out: after
// a paste, a new line or a line that wraps once more, that text is short,
// and the view stayed above the cursor until the next key. Laying the
// text out first (View), then updating with nothing, scrolls it right.
// Only when lines came or went: a View costs as much as the text is long.
func scrollToCursor(a textarea.Model) textarea.Model {
	focused := a.Focused()
	a.Focus() // an editor without focus ignores updates; one being opened has none yet
	a.View()
	a, _ = a.Update(nil)
	if !focused {
		a.Blur()
	}
	return a
}

// cleanArea cleans what the editor holds, the cursor staying after the
// same text.
func cleanArea(a textarea.Model) textarea.Model {
	v := a.Value()
	c := textsafe.Typed(v)
	if c == v {
		return a
	}
	lines := strings.Split(v, "\n")
	row := min(a.Line(), len(lines)-1)
	li := a.LineInfo()
	line := []rune(lines[row])
	col := min(li.StartColumn+li.ColumnOffset, len(line))
	before := textsafe.Typed(strings.Join(append(lines[:row:row], string(line[:col])), "\n"))
	a.SetValue(c) // the cursor at the end
	wantRow := strings.Count(before, "\n")
	for i := 0; a.Line() > wantRow && i < 1<<20; i++ {
		a.CursorUp()
	}
	a.SetCursor(utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]))
	return a
}
