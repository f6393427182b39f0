package tui

import (
	"strings"
	"sync"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"
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

// newMarkdown picks glamour's style from the viewer's renderer: its colour
// profile and its background.
func newMarkdown(r *lipgloss.Renderer) *markdown {
	style, profile := "light", r.ColorProfile()
	if r.HasDarkBackground() {
		style = "dark"
	}
	if profile == termenv.Ascii {
		style = "notty"
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
