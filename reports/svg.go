package reports

import (
	"fmt"
	"math"
	"slices"
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

// MarkOrder is the series in the order their points are drawn: MEDIUM's
// first, so that where the two lines meet HIGH's squares sit on top, and
// MEDIUM's circle, the wider, still shows around them.
func (t svgTrend) MarkOrder() []svgSeries {
	out := slices.Clone(t.Series)
	slices.Reverse(out)
	return out
}

// svgTick is an axis label and its grid line.
type svgTick struct {
	X, Y  string
	Label string
	Full  string // the whole label, when Label is cut
	// Anchor is the SVG text-anchor of an x label: start, middle or end.
	Anchor string
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

// labelCharW is the width an x label's character is reckoned at (a
// 12 px font; a wide character counts two).
const labelCharW = 7.0

// xLabel is a point named under the axis.
type xLabel struct {
	x    float64
	name string
}

// xLabels names the points under the axis, cut to the room between them;
// with many points, only every k-th (and the last) is named. The first
// label starts at its point and the last ends at its own, so that neither
// runs off the chart's edge; those between are centred.
func xLabels(rows []HistoryRow, lay svgLayout, xAt func(int) float64, l htmlLabels) []svgTick {
	const minGap = 52.0
	plotW := lay.W - lay.Left - lay.Right
	gap := plotW
	if len(rows) > 1 {
		gap = plotW / float64(len(rows)-1)
	}
	every := 1
	if gap < minGap {
		every = int(math.Ceil(minGap / gap))
	}
	var named []xLabel
	for i, row := range rows {
		if i%every != 0 && i != len(rows)-1 {
			continue
		}
		if i != len(rows)-1 && len(rows)-1-i < every {
			continue // keep the last label clear of this one
		}
		named = append(named, xLabel{xAt(i), rowName(row, l)})
	}
	cols := max(3, int(gap*float64(every)/labelCharW)-1)
	y := fnum(lay.H - lay.Bottom + 18)
	out := make([]svgTick, len(named))
	for i, n := range named {
		out[i] = xTick(n, y, cols, "middle")
	}
	if len(named) > 1 {
		anchorEdges(out, named, y)
	}
	return out
}

// anchorEdges makes the first and the last x labels start and end at
// their points, each cut to the room its neighbour leaves it. Two labels
// share the room between them, the shorter taking what it needs.
func anchorEdges(out []svgTick, named []xLabel, y string) {
	n := len(named)
	firstRoom := named[1].x - named[0].x - labelCharW - labelWidth(out[1].Label)/2
	if n == 2 {
		between := named[1].x - named[0].x - labelCharW
		firstRoom = between - min(labelWidth(named[1].name), between/2)
	}
	out[0] = xTick(named[0], y, int(firstRoom/labelCharW), "start")
	lastRoom := named[n-1].x - named[n-2].x - labelCharW - labelWidth(out[n-2].Label)/2
	if n == 2 {
		lastRoom = named[1].x - named[0].x - labelCharW - labelWidth(out[0].Label)
	}
	out[n-1] = xTick(named[n-1], y, int(lastRoom/labelCharW), "end")
}

// xTick is the label of a point, cut to cols characters (3 at least).
func xTick(n xLabel, y string, cols int, anchor string) svgTick {
	return svgTick{X: fnum(n.x), Y: y, Label: ansi.Truncate(n.name, max(3, cols), "…"), Full: n.name, Anchor: anchor}
}

// labelWidth is the reckoned width of an x label.
func labelWidth(s string) float64 { return float64(ansi.StringWidth(s)) * labelCharW }

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
