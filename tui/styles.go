package tui

import (
	"fmt"

	"github.com/charmbracelet/lipgloss"

	"github.com/wafr-dev/wafr/questions"
)

// Styles are built once, from the terminal's background and colour support,
// and never inside View.
type Styles struct {
	TitleBar      lipgloss.Style
	Heading       lipgloss.Style
	QuestionTitle lipgloss.Style
	Dim           lipgloss.Style
	Cursor        lipgloss.Style
	Selected      lipgloss.Style
	Checked       lipgloss.Style
	Unchecked     lipgloss.Style
	Pane          lipgloss.Style
	PaneFocused   lipgloss.Style
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

	// Rendered once: a badge per risk, and a fixed-width tag for lists.
	badges   map[questions.Risk]string
	riskTags map[questions.Risk]string
}

// DefaultStyles builds the styles for a dark or light background. With
// color false every style is plain (NO_COLOR, or not a colour terminal).
func DefaultStyles(dark, color bool) *Styles {
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

	s := &Styles{}
	s.TitleBar = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Heading = lipgloss.NewStyle().Bold(true)
	s.QuestionTitle = lipgloss.NewStyle().Bold(true)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Cursor = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Selected = lipgloss.NewStyle().Bold(true)
	s.Checked = lipgloss.NewStyle().Foreground(none)
	s.Unchecked = lipgloss.NewStyle().Foreground(dim)
	s.Pane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	s.PaneFocused = s.Pane.BorderForeground(accent)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.Footer = lipgloss.NewStyle().Foreground(dim)
	s.Status = lipgloss.NewStyle().Foreground(dim)
	s.StatusError = lipgloss.NewStyle().Foreground(high).Bold(true)
	s.Notice = lipgloss.NewStyle().Foreground(medium)
	s.Notes = lipgloss.NewStyle().Italic(true)

	s.RiskHigh = lipgloss.NewStyle().Foreground(high).Bold(true)
	s.RiskMedium = lipgloss.NewStyle().Foreground(medium).Bold(true)
	s.RiskNone = lipgloss.NewStyle().Foreground(none)
	s.NotApplicable = lipgloss.NewStyle().Foreground(na)
	s.Unanswered = lipgloss.NewStyle().Foreground(dim)
	badge := lipgloss.NewStyle().Bold(true).Padding(0, 1)
	s.BadgeHigh = badge.Background(high).Foreground(lipgloss.Color("231"))
	s.BadgeMedium = badge.Background(medium).Foreground(lipgloss.Color("16"))
	s.BadgeNone = badge.Background(none).Foreground(lipgloss.Color("16"))
	s.BadgeNA = badge.Background(na).Foreground(lipgloss.Color("16"))
	s.BadgeUnanswered = badge.Foreground(dim)
	if !color {
		plainAll(s)
	}
	s.badges = map[questions.Risk]string{}
	s.riskTags = map[questions.Risk]string{}
	for r, label := range riskLabels {
		if color {
			s.badges[r] = s.Badge(r).Render(label)
		} else {
			s.badges[r] = "[" + label + "]"
		}
		s.riskTags[r] = s.Risk(r).Render(fmt.Sprintf("%-10s", label))
	}
	return s
}

// plainAll drops colours but keeps layout (borders, padding) so widths are
// the same with and without colour. Badges get brackets to stay visible.
func plainAll(s *Styles) {
	strip := func(st lipgloss.Style) lipgloss.Style {
		return st.UnsetForeground().UnsetBackground().UnsetBorderForeground().UnsetBold().UnsetItalic()
	}
	for _, p := range []*lipgloss.Style{&s.TitleBar, &s.Heading, &s.QuestionTitle, &s.Dim, &s.Cursor, &s.Selected,
		&s.Checked, &s.Unchecked, &s.Pane, &s.PaneFocused, &s.Dialog, &s.Footer, &s.Status, &s.StatusError, &s.Notice,
		&s.Notes, &s.RiskHigh, &s.RiskMedium, &s.RiskNone, &s.NotApplicable, &s.Unanswered,
		&s.BadgeHigh, &s.BadgeMedium, &s.BadgeNone, &s.BadgeNA, &s.BadgeUnanswered} {
		*p = strip(*p)
	}
}

// riskLabels are the short names shown in badges and lists.
var riskLabels = map[questions.Risk]string{
	questions.HighRisk:      "HIGH",
	questions.MediumRisk:    "MEDIUM",
	questions.NoRisk:        "NONE",
	questions.NotApplicable: "N/A",
	questions.Unanswered:    "unanswered",
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
