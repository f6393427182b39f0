package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// The charts are small SVG fragments drawn by html/template from the
// geometry computed here: no chart library, so no fonts, scripts or
// styles of its own, and every label goes through the template's escaping.

// riskClass is the CSS and pattern name of a level: pat-high, risk-high...
func riskClass(r questions.Risk) string {
	switch r {
	case questions.HighRisk:
		return "high"
	case questions.MediumRisk:
		return "medium"
	case questions.NoRisk:
		return "none"
	case questions.NotApplicable:
		return "na"
	}
	return "unanswered"
}

// fnum writes a coordinate with at most two decimals.
func fnum(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// svgBar is a stacked bar of one tally: one segment per level with
// questions, worst first, widths proportional to the counts.
type svgBar struct {
	Label    string // the bar in words, for assistive technology
	Total    int
	Segments []svgSegment
}

// svgSegment is one level's part of a bar.
type svgSegment struct {
	Risk  string // the level as the AWS model names it (data-risk)
	Class string
	Glyph string // the terminal bar's glyph for the level
	Name  string
	Count int
	X, W  string
}

// The bar's viewBox; CSS scales it to the column.
const barViewW, barViewH = 200.0, 14.0

func newSVGBar(name string, c scoring.Counts, l htmlLabels) svgBar {
	b := svgBar{Total: c.Total(), Label: fmt.Sprintf(l.PillarWith, name, l.counts(c, true))}
	x := 0.0
	for _, r := range questions.Levels {
		n := c.Of(r)
		if n == 0 {
			continue
		}
		w := barViewW * float64(n) / float64(b.Total)
		b.Segments = append(b.Segments, svgSegment{Risk: r.String(), Class: riskClass(r), Glyph: r.Glyph(), Name: l.level(r),
			Count: n, X: fnum(x), W: fnum(w)})
		x += w
	}
	return b
}

// svgLayout sizes a line chart.
type svgLayout struct {
	W, H                     float64
	Left, Right, Top, Bottom float64
	Labels                   bool // axis labels and grid
}

// trendLayout is the report's trend chart; sparkLayout a portfolio row's.
func trendLayout() svgLayout {
	return svgLayout{W: 560, H: 240, Left: 36, Right: 28, Top: 14, Bottom: 34, Labels: true}
}

func sparkLayout() svgLayout { return svgLayout{W: 120, H: 36, Left: 5, Right: 5, Top: 6, Bottom: 6} }

// svgTrend is a line chart of HIGH and MEDIUM over history rows: one point
// per row, a milestone or the current state.
type svgTrend struct {
	W, H    string
	Title   string
	X0, X1  string // the plot's left and right edges
	YTicks  []svgTick
	XLabels []svgTick
	Series  []svgSeries
}

// svgTick is an axis label and its grid line.
type svgTick struct {
	X, Y  string
	Label string
	Full  string // the whole label, when Label is cut
}

// svgSeries is one line of the chart.
type svgSeries struct {
	Risk   string
	Class  string
	Name   string
	Points string // polyline points
	Marks  []svgPoint
}

// svgPoint is one value of a series at one history row.
type svgPoint struct {
	X, Y  string
	Value int
	Name  string // the milestone, or the label of the current state
	Kind  string // "milestone" or "current"
	Date  string
}

// niceStep is the grid step for values up to top: 1, 2, 5, 10, 20...,
// at most five lines.
func niceStep(top int) int {
	for step := 1; ; step *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top <= 5*step*m {
				return step * m
			}
		}
	}
}

func newSVGTrend(rows []HistoryRow, lay svgLayout, l htmlLabels) svgTrend {
	top := 1
	for _, r := range rows {
		top = max(top, r.Counts.High, r.Counts.Medium)
	}
	step := niceStep(top)
	yMax := (top + step - 1) / step * step
	plotW, plotH := lay.W-lay.Left-lay.Right, lay.H-lay.Top-lay.Bottom
	xAt := func(i int) float64 {
		if len(rows) == 1 {
			return lay.Left + plotW/2
		}
		return lay.Left + plotW*float64(i)/float64(len(rows)-1)
	}
	yAt := func(v int) float64 { return lay.Top + plotH*(1-float64(v)/float64(yMax)) }
	t := svgTrend{W: fnum(lay.W), H: fnum(lay.H), X0: fnum(lay.Left), X1: fnum(lay.W - lay.Right), Title: l.TrendCaption}
	if lay.Labels {
		for v := 0; v <= yMax; v += step {
			t.YTicks = append(t.YTicks, svgTick{X: fnum(lay.Left - 6), Y: fnum(yAt(v)), Label: strconv.Itoa(v)})
		}
		t.XLabels = xLabels(rows, lay, xAt, l)
	}
	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		s := svgSeries{Risk: r.String(), Class: riskClass(r), Name: l.level(r)}
		var pts []string
		for i, row := range rows {
			v := row.Counts.Of(r)
			p := svgPoint{X: fnum(xAt(i)), Y: fnum(yAt(v)), Value: v, Name: rowName(row, l), Kind: "milestone", Date: dayOrEmpty(row.Date)}
			if row.Current {
				p.Kind = "current"
			}
			pts = append(pts, p.X+","+p.Y)
			s.Marks = append(s.Marks, p)
		}
		s.Points = strings.Join(pts, " ")
		t.Series = append(t.Series, s)
	}
	return t
}

// xLabels names the points under the axis, cut to the room between them;
// with many points, only every k-th (and the last) is named.
func xLabels(rows []HistoryRow, lay svgLayout, xAt func(int) float64, l htmlLabels) []svgTick {
	const charW, minGap = 7.0, 52.0
	plotW := lay.W - lay.Left - lay.Right
	gap := plotW
	if len(rows) > 1 {
		gap = plotW / float64(len(rows)-1)
	}
	every := 1
	if gap < minGap {
		every = int(math.Ceil(minGap / gap))
	}
	cols := max(3, int(gap*float64(every)/charW)-1)
	var out []svgTick
	for i, row := range rows {
		if i%every != 0 && i != len(rows)-1 {
			continue
		}
		if i != len(rows)-1 && len(rows)-1-i < every {
			continue // keep the last label clear of this one
		}
		name := rowName(row, l)
		out = append(out, svgTick{X: fnum(xAt(i)), Y: fnum(lay.H - lay.Bottom + 18), Label: ansi.Truncate(name, cols, "…"), Full: name})
	}
	return out
}

// dayOrEmpty is the date part of an RFC 3339 time, or "".
func dayOrEmpty(date string) string {
	if len(date) >= 10 {
		return date[:10]
	}
	return ""
}

// rowName is how the chart and its table name a history row.
func rowName(r HistoryRow, l htmlLabels) string {
	if r.Current {
		return l.Current
	}
	return plain(r.Name)
}
