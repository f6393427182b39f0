package reports

import (
	"io"

	"github.com/charmbracelet/glamour"
	"github.com/muesli/termenv"
)

// TerminalOptions say how Markdown is drawn on a terminal.
type TerminalOptions struct {
	Color bool
	Dark  bool // the terminal's background, decided by the caller
	Width int  // 0: 80
	// Wrap false leaves lines to the terminal: glamour breaks text only at
	// spaces, which cuts Japanese lines at the edge, while a terminal wraps
	// them whole.
	Wrap bool
}

// WriteMarkdownTerminal draws Markdown for reading in a terminal, the way
// glow does, with glamour: headings, lists, tables and emphasis styled.
// The style is chosen from the options, never by asking the terminal.
func WriteMarkdownTerminal(w io.Writer, md []byte, o TerminalOptions) error {
	style, profile := "notty", termenv.Ascii
	if o.Color {
		style, profile = "light", termenv.ANSI256
		if o.Dark {
			style = "dark"
		}
	}
	width := 0
	if o.Wrap {
		width = o.Width
		if width <= 0 {
			width = 80
		}
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithColorProfile(profile), glamour.WithWordWrap(width))
	if err != nil {
		return err
	}
	out, err := r.RenderBytes(md)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
