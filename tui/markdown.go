package tui

import (
	"strings"
	"sync"

	"github.com/charmbracelet/glamour"
	"github.com/muesli/termenv"
)

// markdown renders help text with glamour. Renderers are built once per wrap
// width and used by one goroutine at a time: rendering runs in commands,
// off the event loop, and commands may run concurrently.
type markdown struct {
	mu        sync.Mutex
	style     string // a glamour standard style: "dark", "light" or "notty"
	profile   termenv.Profile
	renderers map[int]*glamour.TermRenderer
}

func newMarkdown(dark, color bool) *markdown {
	style, profile := "light", termenv.ANSI256
	if dark {
		style = "dark"
	}
	if !color {
		style, profile = "notty", termenv.Ascii
	}
	return &markdown{style: style, profile: profile, renderers: map[int]*glamour.TermRenderer{}}
}

// render returns text rendered for a pane of the given width. A renderer
// that cannot be built or fails falls back to the plain text.
func (m *markdown) render(text string, width int) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.renderers[width]
	if !ok {
		var err error
		r, err = glamour.NewTermRenderer(
			glamour.WithStandardStyle(m.style),
			glamour.WithColorProfile(m.profile),
			glamour.WithWordWrap(width),
		)
		if err != nil {
			return text
		}
		m.renderers[width] = r
	}
	out, err := r.Render(text)
	if err != nil {
		return text
	}
	return strings.Trim(out, "\n")
}
