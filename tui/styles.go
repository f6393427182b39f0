package tui

import (
	"os"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
)

// Styles are built once per viewer, from the renderer of that viewer's
// terminal (its colour profile and background), and never inside View.
type Styles struct {
	Plain         lipgloss.Style
	TitleBar      lipgloss.Style
	Heading       lipgloss.Style
	QuestionTitle lipgloss.Style
	Dim           lipgloss.Style
	Cursor        lipgloss.Style
	Selected      lipgloss.Style
	Checked       lipgloss.Style
	Unchecked     lipgloss.Style
	Dialog        lipgloss.Style
	Footer        lipgloss.Style
	Status        lipgloss.Style
	StatusError   lipgloss.Style
	Notice        lipgloss.Style
	Notes         lipgloss.Style

	RiskHigh        lipgloss.Style
	RiskMedium      lipgloss.Style
	RiskNone        lipgloss.Style
	NotApplicable   lipgloss.Style
	Unanswered      lipgloss.Style
	BadgeHigh       lipgloss.Style
	BadgeMedium     lipgloss.Style
	BadgeNone       lipgloss.Style
	BadgeNA         lipgloss.Style
	BadgeUnanswered lipgloss.Style

	// PaneBorder and PaneBorderFocused draw the help pane's frame, which
	// wafr draws itself to put the scroll state in it.
	PaneBorder        lipgloss.Style
	PaneBorderFocused lipgloss.Style
	Match             lipgloss.Style // what a search matched

	// Text fields (bubbles' textinput and textarea). bubbles makes its
	// default styles with lipgloss's global renderer, whose colour
	// profile is this process's terminal's, not the viewer's: every field
	// gets these instead (styleInput, styleArea).
	FieldPrompt      lipgloss.Style
	FieldPlaceholder lipgloss.Style
	FieldBlurred     lipgloss.Style // the notes editor's text without focus
	FieldCursorLine  lipgloss.Style // the notes editor's line with the cursor

	// Rendered once: a badge per risk, and a fixed-width tag for lists.
	badges   map[questions.Risk]string
	riskTags map[questions.Risk]string
	tagWidth int
	// text styles help text by its textStyle flags; nil draws plain.
	text [tsStyles]*lipgloss.Style
}

// NewStyles builds the styles for the terminal r draws on, with English
// names of the risk levels (see newStyles).
func NewStyles(r *lipgloss.Renderer) *Styles { return newStyles(r, i18n.New(i18n.English).Risk.Label) }

// newStyles builds the styles for the terminal r draws on: colours for its
// background, and every style plain when its profile has no colour
// (NO_COLOR, or not a colour terminal). Each style is made by r, never by
// lipgloss's global renderer, so one process can draw for many terminals.
// labels name the risk levels in badges and lists.
func newStyles(r *lipgloss.Renderer, labels map[questions.Risk]string) *Styles {
	dark, color := r.HasDarkBackground(), r.ColorProfile() != termenv.Ascii
	pick := func(onDark, onLight string) lipgloss.Color {
		if dark {
			return lipgloss.Color(onDark)
		}
		return lipgloss.Color(onLight)
	}
	accent := pick("212", "163")
	dim := pick("245", "242")
	high := pick("203", "160")
	medium := pick("214", "130")
	none := pick("42", "28")
	na := pick("111", "25")
	border := pick("240", "250")

	s := &Styles{Plain: r.NewStyle()}
	s.TitleBar = r.NewStyle().Bold(true).Foreground(accent)
	s.Heading = r.NewStyle().Bold(true)
	s.QuestionTitle = r.NewStyle().Bold(true)
	s.Dim = r.NewStyle().Foreground(dim)
	s.Cursor = r.NewStyle().Foreground(accent).Bold(true)
	s.Selected = r.NewStyle().Bold(true)
	s.Checked = r.NewStyle().Foreground(none)
	s.Unchecked = r.NewStyle().Foreground(dim)
	s.Dialog = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.Footer = r.NewStyle().Foreground(dim)
	s.Status = r.NewStyle().Foreground(dim)
	s.StatusError = r.NewStyle().Foreground(high).Bold(true)
	s.Notice = r.NewStyle().Foreground(medium)
	s.Notes = r.NewStyle().Italic(true)

	s.RiskHigh = r.NewStyle().Foreground(high).Bold(true)
	s.RiskMedium = r.NewStyle().Foreground(medium).Bold(true)
	s.RiskNone = r.NewStyle().Foreground(none)
	s.NotApplicable = r.NewStyle().Foreground(na)
	s.Unanswered = r.NewStyle().Foreground(dim)
	badge := r.NewStyle().Bold(true).Padding(0, 1)
	s.BadgeHigh = badge.Background(high).Foreground(lipgloss.Color("231"))
	s.BadgeMedium = badge.Background(medium).Foreground(lipgloss.Color("16"))
	s.BadgeNone = badge.Background(none).Foreground(lipgloss.Color("16"))
	s.BadgeNA = badge.Background(na).Foreground(lipgloss.Color("16"))
	s.BadgeUnanswered = badge.Foreground(dim)
	s.PaneBorder = r.NewStyle().Foreground(border)
	s.PaneBorderFocused = r.NewStyle().Foreground(accent)
	s.Match = r.NewStyle().Bold(true).Underline(true)
	// bubbles' own colours, made by r.
	s.FieldPrompt = r.NewStyle().Foreground(lipgloss.Color("7"))
	s.FieldPlaceholder = r.NewStyle().Foreground(lipgloss.Color("240"))
	s.FieldBlurred = r.NewStyle().Foreground(pick("7", "245"))
	s.FieldCursorLine = r.NewStyle().Background(pick("0", "255"))
	if !color {
		plainAll(s)
	}
	s.badges = map[questions.Risk]string{}
	s.riskTags = map[questions.Risk]string{}
	for _, r := range questions.Levels {
		s.tagWidth = max(s.tagWidth, ansi.StringWidth(labels[r]))
	}
	for _, r := range questions.Levels {
		label := labels[r]
		if color {
			s.badges[r] = s.Badge(r).Render(label)
		} else {
			s.badges[r] = "[" + label + "]"
		}
		s.riskTags[r] = s.Risk(r).Render(padRight(label, s.tagWidth))
	}
	if color {
		s.text = textStyles(r, accent, dim)
	}
	return s
}

// textStyles builds a style for every combination of help-text flags.
func textStyles(r *lipgloss.Renderer, link, dim lipgloss.Color) [tsStyles]*lipgloss.Style {
	var out [tsStyles]*lipgloss.Style
	for f := textStyle(1); f < tsStyles; f++ {
		st := r.NewStyle()
		if f&tsBold != 0 {
			st = st.Bold(true)
		}
		if f&tsItalic != 0 {
			st = st.Italic(true)
		}
		if f&tsDim != 0 || f&tsCode != 0 {
			st = st.Foreground(dim)
		}
		if f&tsLink != 0 {
			st = st.Foreground(link).Underline(f&tsDim == 0)
		}
		out[f] = &st
	}
	return out
}

// plainAll drops colours but keeps layout (borders, padding) so widths are
// the same with and without colour. Badges get brackets to stay visible.
func plainAll(s *Styles) {
	strip := func(st lipgloss.Style) lipgloss.Style {
		return st.UnsetForeground().UnsetBackground().UnsetBorderForeground().UnsetBold().UnsetItalic()
	}
	for _, p := range []*lipgloss.Style{&s.TitleBar, &s.Heading, &s.QuestionTitle, &s.Dim, &s.Cursor, &s.Selected,
		&s.Checked, &s.Unchecked, &s.Dialog, &s.Footer, &s.Status, &s.StatusError, &s.Notice,
		&s.Notes, &s.RiskHigh, &s.RiskMedium, &s.RiskNone, &s.NotApplicable, &s.Unanswered,
		&s.BadgeHigh, &s.BadgeMedium, &s.BadgeNone, &s.BadgeNA, &s.BadgeUnanswered, &s.PaneBorder, &s.PaneBorderFocused, &s.Match,
		&s.FieldPrompt, &s.FieldPlaceholder, &s.FieldBlurred, &s.FieldCursorLine} {
		*p = strip(*p)
	}
}

// styleInput gives a text input the viewer's styles, cursor included (its
// zero styles would be drawn by lipgloss's global renderer too).
func (s *Styles) styleInput(t *textinput.Model) {
	t.PromptStyle, t.TextStyle = s.FieldPrompt, s.Plain
	t.PlaceholderStyle, t.CompletionStyle = s.FieldPlaceholder, s.FieldPlaceholder
	t.Cursor.Style, t.Cursor.TextStyle = s.Plain, s.Plain
}

// styleArea gives a new text area the viewer's styles, focused and not.
func (s *Styles) styleArea(t *textarea.Model) {
	focused := textarea.Style{Base: s.Plain, CursorLine: s.FieldCursorLine, CursorLineNumber: s.FieldPlaceholder,
		EndOfBuffer: s.Plain, LineNumber: s.FieldPlaceholder, Placeholder: s.FieldPlaceholder,
		Prompt: s.FieldPrompt, Text: s.Plain}
	blurred := focused
	blurred.CursorLine, blurred.Text = s.FieldBlurred, s.FieldBlurred
	t.FocusedStyle, t.BlurredStyle = focused, blurred
	t.Cursor.Style, t.Cursor.TextStyle = s.Plain, s.Plain
	// The area draws with the style its last Focus or Blur chose, until
	// then bubbles' default one. Styled when made, it is not focused yet.
	t.Blur()
}

// styleHelp gives the key help the viewer's styles: all of them, since
// bubbles' defaults (the separators, the ellipsis) are drawn by lipgloss's
// global renderer.
func (s *Styles) styleHelp(h *help.Model) {
	h.Styles = help.Styles{Ellipsis: s.Footer, ShortKey: s.Footer, ShortDesc: s.Footer, ShortSeparator: s.Footer,
		FullKey: s.Heading, FullDesc: s.Footer, FullSeparator: s.Footer}
}

// Risk returns the text style of a risk level.
func (s *Styles) Risk(r questions.Risk) lipgloss.Style {
	return map[questions.Risk]lipgloss.Style{
		questions.HighRisk: s.RiskHigh, questions.MediumRisk: s.RiskMedium, questions.NoRisk: s.RiskNone,
		questions.NotApplicable: s.NotApplicable, questions.Unanswered: s.Unanswered,
	}[r]
}

// Badge returns the badge style of a risk level.
func (s *Styles) Badge(r questions.Risk) lipgloss.Style {
	return map[questions.Risk]lipgloss.Style{
		questions.HighRisk: s.BadgeHigh, questions.MediumRisk: s.BadgeMedium, questions.NoRisk: s.BadgeNone,
		questions.NotApplicable: s.BadgeNA, questions.Unanswered: s.BadgeUnanswered,
	}[r]
}

// Renderer draws styles for one terminal. Packages that hand renderers to
// viewers (the live review's server, the command line) name it here, so
// that only tui and reports depend on lipgloss.
type Renderer = lipgloss.Renderer

// TerminalRenderer draws on this process's standard output, coloured only
// when color is set. Its background is the one lipgloss's default renderer
// found on the same standard output: bubbletea asks the terminal through
// it at start-up, so asking again would only cost another round trip to
// the terminal (if nothing asked yet, it asks now: call this before any
// program reads the terminal).
func TerminalRenderer(color bool) *Renderer {
	r := lipgloss.NewRenderer(os.Stdout)
	if !color {
		r.SetColorProfile(termenv.Ascii)
	}
	r.SetHasDarkBackground(lipgloss.DefaultRenderer().HasDarkBackground())
	return r
}
