package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/net/html"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// historyOf lists a review's history as `wafr history` does: a row per
// milestone, then the current state, all scored with l.
func historyOf(r *review.Review, l *questions.Lens) []HistoryRow {
	return History(r, func(*review.Review, bool) *questions.Lens { return l }, t0)
}

// milestoneFixture is the report fixture with two milestones before the
// current state: HIGH went 4, 3, 2 and MEDIUM 0, 1, 1.
func milestoneFixture(t testing.TB) (*Scored, []HistoryRow) {
	t.Helper()
	r, l := fixture(t)
	cur := r.Answers.Clone()
	set := func(q string, sel ...string) {
		r.Update("operationalExcellence", q, "alice", t0, func(a *review.Answer) { a.Selected, a.NotApplicable = sel, false })
	}
	set("OPS1", "OPS1_no")
	set("OPS4", "OPS4_no")
	if err := r.AddMilestone("2026 Q2", "", l, t0.AddDate(0, -6, 0)); err != nil {
		t.Fatal(err)
	}
	set("OPS1", "OPS1_users", "OPS1_slo", "OPS1_downtime")
	if err := r.AddMilestone("2026 Q3", "", l, t0.AddDate(0, -3, 0)); err != nil {
		t.Fatal(err)
	}
	r.Answers = cur
	return Score(Input{File: "review.yaml", Review: r, Lens: l, Today: t0}), historyOf(r, l)
}

func renderHTML(t testing.TB, s *Scored, opts HTMLOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, s, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// --- a small DOM toolkit over x/net/html ---

func parseHTML(t testing.TB, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attrOr(n *html.Node, key string) string { v, _ := attr(n, key); return v }

func hasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attrOr(n, "class")+" ", " "+class+" ")
}

// all lists the elements under n (n included) that match.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func byID(t testing.TB, doc *html.Node, id string) *html.Node {
	t.Helper()
	found := all(doc, func(n *html.Node) bool { return attrOr(n, "id") == id })
	if len(found) != 1 {
		t.Fatalf("%d elements with id %q", len(found), id)
	}
	return found[0]
}

// textOf is the text content of n, as a browser's textContent.
func textOf(n *html.Node) string { return textSkipping(n, func(*html.Node) bool { return false }) }

// textSkipping is the text content of n without that of the elements skip
// picks.
func textSkipping(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !skip(c) {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// rowText is a table row's cells, each squashed, joined by spaces; cells
// holding a chart are left out.
func rowText(tr *html.Node) string {
	var cells []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if (c.Data == "td" || c.Data == "th") && len(all(c, tag("svg"))) == 0 {
			cells = append(cells, squash(textOf(c)))
		}
	}
	return strings.TrimSpace(strings.Join(cells, " "))
}

// --- tests ---

// The page is a complete document: language, one h1, the sections of the
// Markdown plan in its order (plus summary, pillars and trend), the
// questions in their sections, and no script.
func TestHTMLStructure(t *testing.T) {
	s, rows := milestoneFixture(t)
	doc := parseHTML(t, renderHTML(t, s, HTMLOptions{History: rows, Language: "en"}))
	if h := all(doc, tag("html")); len(h) != 1 || attrOr(h[0], "lang") != "en" {
		t.Errorf("html lang: %v", h)
	}
	if doc.FirstChild.Type != html.DoctypeNode {
		t.Error("no doctype")
	}
	h1 := all(doc, tag("h1"))
	if len(h1) != 1 || textOf(h1[0]) != "Improvement plan: 決済 API | payments" {
		t.Errorf("h1 %v", h1)
	}
	var sections []string
	for _, h2 := range all(doc, tag("h2")) {
		sections = append(sections, h2.Parent.Data+"#"+attrOr(h2.Parent, "id")+" "+squash(textOf(h2)))
	}
	want := []string{"section#summary Executive summary", "section#pillars Risk by pillar", "section#trend Risk trend",
		"section#high █ HIGH risk", "section#medium ▓ MEDIUM risk", "section#other-actions Other actions",
		"section#not-applicable - Not applicable", "section#unanswered · Unanswered", "section#no-risk ░ No risk"}
	if strings.Join(sections, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections:\n%s\nwant:\n%s", strings.Join(sections, "\n"), strings.Join(want, "\n"))
	}
	var high []string
	for _, h3 := range all(byID(t, doc, "high"), tag("h3")) {
		high = append(high, squash(textOf(h3)))
	}
	if strings.Join(high, "|") != "OPS2 How do you design the workload so that it is easier to operate?|OPS5 How do you manage events and failures while the workload is running?" {
		t.Errorf("HIGH items %q", high)
	}
	if n := len(all(doc, tag("script"))); n != 0 {
		t.Errorf("%d script elements", n)
	}
	// The nav links every section.
	var nav []string
	for _, a := range all(all(doc, tag("nav"))[0], tag("a")) {
		nav = append(nav, attrOr(a, "href"))
	}
	if strings.Join(nav, " ") != "#summary #pillars #trend #high #medium #other-actions #not-applicable #unanswered #no-risk" {
		t.Errorf("nav %v", nav)
	}
	// The executive summary: counts and the riskiest pillars in a sentence.
	sum := squash(textOf(byID(t, doc, "summary")))
	for _, want := range []string{"5 of 6 questions answered: 2 HIGH, 1 MEDIUM, 1 NONE, 1 not applicable, 1 unanswered.",
		"Riskiest pillars: Operational Excellence (2 HIGH, 1 MEDIUM)."} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
}

// The style sheet is inline and allowed by the page's CSP by its hash;
// the CSP forbids everything else.
func TestHTMLContentSecurityPolicy(t *testing.T) {
	doc := parseHTML(t, renderHTML(t, scoredFixture(t), HTMLOptions{}))
	styles := all(doc, tag("style"))
	if len(styles) != 1 {
		t.Fatalf("%d style elements", len(styles))
	}
	sum := sha256.Sum256([]byte(textOf(styles[0])))
	var csp string
	for _, m := range all(doc, tag("meta")) {
		if attrOr(m, "http-equiv") == "Content-Security-Policy" {
			csp = attrOr(m, "content")
		}
	}
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "style-src 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Errorf("CSP %q does not allow exactly the inline style sheet", csp)
	}
	css := textOf(styles[0])
	for _, want := range []string{"@media (prefers-color-scheme: dark)", "@media print", "break-inside: avoid", "color-scheme: light dark"} {
		if !strings.Contains(css, want) {
			t.Errorf("style sheet lacks %q", want)
		}
	}
}

// Each pillar's bar has one segment per level with questions, in the
// terminal bar's order, whose data-count and width match the counts.
func TestHTMLBarsMatchCounts(t *testing.T) {
	s, l := scoredMultiPillar(t)
	doc := parseHTML(t, renderHTML(t, s, HTMLOptions{}))
	rows := all(doc, func(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "pillar") })
	if len(rows) != len(s.Pillars) {
		t.Fatalf("%d pillar rows, want %d", len(rows), len(s.Pillars))
	}
	check := func(name string, bar *html.Node, want map[string]int, total int) {
		t.Helper()
		segs := all(bar, func(n *html.Node) bool { _, ok := attr(n, "data-count"); return n.Data == "rect" && ok })
		got := map[string]int{}
		var order []string
		sumW := 0.0
		for _, seg := range segs {
			risk := attrOr(seg, "data-risk")
			n, _ := strconv.Atoi(attrOr(seg, "data-count"))
			got[risk] = n
			order = append(order, risk)
			w, _ := strconv.ParseFloat(attrOr(seg, "width"), 64)
			if math.Abs(w-barViewW*float64(n)/float64(total)) > 0.01 {
				t.Errorf("%s %s: width %v for %d of %d", name, risk, w, n, total)
			}
			sumW += w
		}
		nonZero := 0
		for _, r := range questions.Levels {
			if want[r.String()] > 0 {
				nonZero++
			}
			if got[r.String()] != want[r.String()] {
				t.Errorf("%s %s: bar says %d, review %d", name, r, got[r.String()], want[r.String()])
			}
		}
		if len(segs) != nonZero {
			t.Errorf("%s: %d segments, want %d (%v)", name, len(segs), nonZero, order)
		}
		if math.Abs(sumW-barViewW) > 0.05 {
			t.Errorf("%s: segments add up to %v of %v", name, sumW, barViewW)
		}
		if attrOr(bar, "data-total") != strconv.Itoa(total) {
			t.Errorf("%s: data-total %s", name, attrOr(bar, "data-total"))
		}
	}
	for i, p := range s.Pillars {
		want := map[string]int{}
		for _, r := range questions.Levels {
			want[r.String()] = p.Counts.Of(r)
		}
		th := all(rows[i], tag("th"))[0]
		if textOf(th) != p.Name {
			t.Errorf("row %d is %q, want %q", i, textOf(th), p.Name)
		}
		check(p.Name, all(rows[i], tag("svg"))[0], want, p.Counts.Total())
		// The text equivalent: the count cells.
		cells := all(rows[i], func(n *html.Node) bool { return n.Data == "td" && attrOr(n, "data-risk") != "" })
		for _, c := range cells {
			if textOf(c) != strconv.Itoa(want[attrOr(c, "data-risk")]) {
				t.Errorf("%s: cell %s = %s", p.Name, attrOr(c, "data-risk"), textOf(c))
			}
		}
	}
	want := map[string]int{}
	for _, r := range questions.Levels {
		want[r.String()] = s.Counts.Of(r)
	}
	check("total", all(all(doc, func(n *html.Node) bool { return hasClass(n, "total") })[0], tag("svg"))[0], want, s.Counts.Total())
	_ = l
}

// scoredMultiPillar is a review of a lens with three pillars, each with a
// different mix of levels (one pillar all unanswered).
func scoredMultiPillar(t testing.TB) (*Scored, *questions.Lens) {
	t.Helper()
	l, err := questions.Load("../testdata/aws/reused-ids-nested.json")
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "Cost"})
	for pi, p := range l.Pillars {
		for qi, q := range p.Questions {
			switch (pi + qi) % 4 {
			case 0:
				r.Update(p.ID, q.ID, "dan", t0, func(a *review.Answer) { a.Selected = []string{q.Choices[0].ID} })
			case 1:
				r.Update(p.ID, q.ID, "dan", t0, func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OTHER" })
			case 2:
				r.Update(p.ID, q.ID, "dan", t0, func(a *review.Answer) { a.Selected = []string{q.Choices[len(q.Choices)-1].ID} })
			}
		}
	}
	return Score(Input{File: "cost.yaml", Review: r, Lens: l, Today: t0}), l
}

// The trend has one point per history row: a milestone each, then the
// current state, with the rows' values; and a table saying the same.
func TestHTMLTrendOnePointPerMilestone(t *testing.T) {
	s, rows := milestoneFixture(t)
	if len(rows) != 3 {
		t.Fatalf("fixture has %d rows", len(rows))
	}
	doc := parseHTML(t, renderHTML(t, s, HTMLOptions{History: rows}))
	trend := byID(t, doc, "trend")
	chart := all(trend, func(n *html.Node) bool { return hasClass(n, "trend-chart") })[0]
	for _, series := range []string{"HIGH", "MEDIUM"} {
		pts := all(chart, func(n *html.Node) bool { return n.Data == "g" && attrOr(n, "data-series") == series })
		if len(pts) != len(rows) {
			t.Fatalf("%s: %d points for %d rows", series, len(pts), len(rows))
		}
		for i, p := range pts {
			wantKind := "milestone"
			if rows[i].Current {
				wantKind = "current"
			}
			want := rows[i].Counts.High
			if series == "MEDIUM" {
				want = rows[i].Counts.Medium
			}
			if attrOr(p, "data-point") != wantKind || attrOr(p, "data-value") != strconv.Itoa(want) {
				t.Errorf("%s point %d: %s %s, want %s %d", series, i, attrOr(p, "data-point"), attrOr(p, "data-value"), wantKind, want)
			}
		}
		line := all(chart, func(n *html.Node) bool { return n.Data == "polyline" && attrOr(n, "data-series") == series })
		if len(line) != 1 || len(strings.Fields(attrOr(line[0], "points"))) != len(rows) {
			t.Errorf("%s line: %v", series, line)
		}
	}
	// HIGH went 4, 3, 2: the points go down the chart (y grows downwards).
	var ys []float64
	for _, p := range all(chart, func(n *html.Node) bool { return n.Data == "rect" && hasClass(n.Parent, "pt-high") }) {
		y, _ := strconv.ParseFloat(attrOr(p, "y"), 64)
		ys = append(ys, y)
	}
	if len(ys) != 3 || !(ys[0] < ys[1] && ys[1] < ys[2]) {
		t.Errorf("HIGH points at y %v, want falling values", ys)
	}
	table := all(trend, func(n *html.Node) bool { return n.Data == "tbody" })[0]
	var got []string
	for _, tr := range all(table, tag("tr")) {
		got = append(got, rowText(tr))
	}
	want := []string{"2026-05-25 2026 Q2 5/6 4 0 0 1", "2026-08-25 2026 Q3 5/6 3 (-1) 1 (+1) 0 1", "2026-11-25 current 5/6 2 (-1) 1 1 (+1) 1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("trend table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// No milestone, no trend; a report as of a milestone ends at it, with no
// current point.
func TestHTMLTrendOnlyWithMilestones(t *testing.T) {
	s, rows := milestoneFixture(t)
	doc := parseHTML(t, renderHTML(t, s, HTMLOptions{History: rows[len(rows)-1:]}))
	if n := all(doc, func(n *html.Node) bool { return attrOr(n, "id") == "trend" }); len(n) != 0 {
		t.Error("a trend without milestones")
	}
	if strings.Contains(squash(textOf(all(doc, tag("nav"))[0])), "Risk trend") {
		t.Error("nav links a missing trend")
	}
	doc = parseHTML(t, renderHTML(t, s, HTMLOptions{History: rows[:2]}))
	pts := all(byID(t, doc, "trend"), func(n *html.Node) bool { return n.Data == "g" && attrOr(n, "data-series") == "HIGH" })
	if len(pts) != 2 || attrOr(pts[1], "data-point") != "milestone" || attrOr(pts[1], "data-name") != "2026 Q3" {
		t.Errorf("as of the second milestone: %d points", len(pts))
	}
}

// A row scored with the recorded risks (its lens could not be loaded) is
// marked, and the mark explained, as in the terminal history.
func TestHTMLTrendMarksUnscoredRows(t *testing.T) {
	s, rows := milestoneFixture(t)
	doc := parseHTML(t, renderHTML(t, s, HTMLOptions{History: rows}))
	if n := all(byID(t, doc, "trend"), func(n *html.Node) bool { return hasClass(n, "note") }); len(n) != 0 {
		t.Error("a note without unscored rows")
	}
	rows[0].Scored = false
	doc = parseHTML(t, renderHTML(t, s, HTMLOptions{History: rows}))
	trs := all(all(byID(t, doc, "trend"), tag("tbody"))[0], tag("tr"))
	if !strings.Contains(rowText(trs[0]), "2026 Q2 *") || strings.Contains(rowText(trs[1]), "*") {
		t.Errorf("rows %q / %q", rowText(trs[0]), rowText(trs[1]))
	}
	if n := all(byID(t, doc, "trend"), func(n *html.Node) bool { return hasClass(n, "note") }); len(n) != 1 || !strings.Contains(textOf(n[0]), "could not be loaded") {
		t.Error("no note for the unscored row")
	}
}

// Many milestones: every one is a point, but only some are named under
// the axis, never crowded, the last one always.
func TestHTMLTrendLabelsThinOut(t *testing.T) {
	var rows []HistoryRow
	for i := range 30 {
		rows = append(rows, HistoryRow{Name: fmt.Sprintf("a long milestone name %d", i), Counts: scoringCounts(30-i, i%4)})
	}
	tr := newSVGTrend(rows, trendLayout(), englishLabels())
	if n := len(tr.Series[0].Marks); n != 30 {
		t.Errorf("%d points", n)
	}
	if n := len(tr.XLabels); n < 3 || n > 12 {
		t.Errorf("%d labels for 30 points", n)
	}
	if last := tr.XLabels[len(tr.XLabels)-1]; last.Full != "a long milestone name 29" {
		t.Errorf("last label %q", last.Full)
	}
	for i := 1; i < len(tr.XLabels); i++ {
		a, _ := strconv.ParseFloat(tr.XLabels[i-1].X, 64)
		b, _ := strconv.ParseFloat(tr.XLabels[i].X, 64)
		if b-a < 50 {
			t.Errorf("labels %d and %d are %.0f apart", i-1, i, b-a)
		}
		if !strings.HasSuffix(tr.XLabels[i].Label, "…") {
			t.Errorf("label %q not cut to its room", tr.XLabels[i].Label)
		}
	}
	// The scale starts at 0 and reaches the largest value.
	if tr.YTicks[0].Label != "0" || tr.YTicks[len(tr.YTicks)-1].Label != "30" {
		t.Errorf("y ticks %v", tr.YTicks)
	}
}

// The first and the last x labels stay inside the chart: the first starts
// at its point, the last ends at its own, each as whole as its room
// allows; those between are centred.
func TestHTMLTrendEdgeLabels(t *testing.T) {
	lay := trendLayout()
	inside := func(tk svgTick) (left, right float64) {
		x, _ := strconv.ParseFloat(tk.X, 64)
		w := labelWidth(tk.Label)
		switch tk.Anchor {
		case "start":
			return x, x + w
		case "end":
			return x - w, x
		}
		return x - w/2, x + w/2
	}
	for _, names := range [][]string{
		{"Baseline before migration"},
		{"Baseline before migration", "After the cutover to the new cluster", "Q3 review"},
		{"Baseline before migration", "a", "b", "c", "d", "e", "f", "g", "h", "Final review before the audit"},
	} {
		var rows []HistoryRow
		for _, n := range names {
			rows = append(rows, HistoryRow{Name: n, Counts: scoringCounts(2, 2)})
		}
		rows = append(rows, HistoryRow{Current: true, Counts: scoringCounts(1, 2)})
		tr := newSVGTrend(rows, lay, englishLabels())
		n := len(tr.XLabels)
		if first, last := tr.XLabels[0], tr.XLabels[n-1]; first.Anchor != "start" || last.Anchor != "end" {
			t.Errorf("%d rows: anchors %q ... %q", len(rows), first.Anchor, last.Anchor)
		}
		prevRight := 0.0
		for i, tk := range tr.XLabels {
			if i > 0 && i < n-1 && tk.Anchor != "middle" {
				t.Errorf("label %d anchored %q", i, tk.Anchor)
			}
			left, right := inside(tk)
			if left < 0 || right > lay.W || left < prevRight {
				t.Errorf("%d rows: label %q spans %.0f-%.0f, out of the chart (0-%.0f) or over the one before (to %.0f)", len(rows), tk.Label, left, right, lay.W, prevRight)
			}
			prevRight = right
		}
	}
	// Two points: the milestone's name is whole beside the short "current".
	tr := newSVGTrend([]HistoryRow{{Name: "Baseline before migration"}, {Current: true}}, lay, englishLabels())
	if got := tr.XLabels[0].Label; got != "Baseline before migration" {
		t.Errorf("first label %q", got)
	}
}

// Where HIGH and MEDIUM meet, HIGH's squares are drawn after (over)
// MEDIUM's circles, in the report's chart and the portfolio's sparklines.
func TestHTMLTrendHighOnTop(t *testing.T) {
	s, rows := milestoneFixture(t)
	for name, page := range map[string][]byte{
		"report": renderHTML(t, s, HTMLOptions{History: rows}),
		"portfolio": func() []byte {
			var b bytes.Buffer
			if err := WritePortfolioHTML(&b, []PortfolioItem{{Scored: s, History: rows}}, PortfolioOptions{}); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}(),
	} {
		for _, svg := range all(parseHTML(t, page), func(n *html.Node) bool {
			return n.Data == "svg" && (hasClass(n, "trend-chart") || hasClass(n, "spark"))
		}) {
			var order []string
			for _, g := range all(svg, func(n *html.Node) bool { return n.Data == "g" && hasClass(n, "pt") }) {
				order = append(order, attrOr(g, "data-series"))
			}
			firstHigh := slices.Index(order, "HIGH")
			if len(order) == 0 || firstHigh < 1 || slices.Contains(order[firstHigh:], "MEDIUM") {
				t.Errorf("%s: points drawn in the order %v, want every MEDIUM then every HIGH", name, order)
			}
		}
	}
}

func scoringCounts(high, medium int) scoring.Counts {
	return scoring.Counts{High: high, Medium: medium}
}

// --pillar-order puts those pillars first in the plan, as in Markdown.
func TestHTMLPillarOrder(t *testing.T) {
	l, err := questions.Load("../testdata/aws/reused-ids-nested.json")
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "w"})
	r.Update("inform", "finops_co_q4", "x", t0, func(a *review.Answer) { a.Selected = []string{"choice1"} })   // MEDIUM
	r.Update("optimize", "finops_co_q4", "x", t0, func(a *review.Answer) { a.Selected = []string{"choice2"} }) // MEDIUM
	s := Score(Input{Review: r, Lens: l})
	items := func(opts HTMLOptions) []string {
		var out []string
		for _, m := range all(parseHTML(t, renderHTML(t, s, opts)), func(n *html.Node) bool { return hasClass(n, "meta") }) {
			out = append(out, squash(textOf(m)))
		}
		return out
	}
	def, ordered := items(HTMLOptions{}), items(HTMLOptions{PillarOrder: []string{"optimize"}})
	if len(def) != 2 || !strings.Contains(def[0], "Pillar: Inform") {
		t.Fatalf("items %q", def)
	}
	if !strings.Contains(ordered[0], "Pillar: Optimize") {
		t.Errorf("with --pillar-order, first item %q", ordered[0])
	}
}

// The page's language tag is the lens's when it is a plausible tag.
func TestHTMLLangAttribute(t *testing.T) {
	s := scoredFixture(t)
	for lang, want := range map[string]string{"fr": "fr", "pt-BR": "pt-BR", "": "en", `en" onload="x`: "en", "ja": "ja"} {
		doc := parseHTML(t, renderHTML(t, s, HTMLOptions{Language: lang}))
		if got := attrOr(all(doc, tag("html"))[0], "lang"); got != want {
			t.Errorf("language %q: lang=%q, want %q", lang, got, want)
		}
	}
}

// hostileFixture is a lens and a review whose every text tries to break
// out of the page: markup, closing tags, script and non-web URLs.
func hostileFixture(t testing.TB) (*Scored, []HistoryRow) {
	t.Helper()
	const lensYAML = `schemaVersion: "2021-11-01"
id: hostile
version: "1"
name: "<script>window.__pwned=1</script>Lens"
pillars:
  - id: p1
    name: "</svg></table><script>window.__pwned=2</script><img src=x onerror=window.__pwned=3>Pillar"
    questions:
      - id: Q1
        title: "<b>bold</b> </title></style></svg> question"
        choices:
          - id: Q1_js
            title: "javascript link"
            improvementPlan: {displayText: "<a href=javascript:alert(1)>do</a>", url: "https://example.com/1"}
          - id: Q1_data
            title: "data link"
            improvementPlan: {displayText: "data", url: "https://example.com/2"}
          - id: Q1_file
            title: "file link"
            improvementPlan: {displayText: "file", url: "https://example.com/3"}
          - id: Q1_upper
            title: "upper-case scheme"
            improvementPlan: {displayText: "upper", url: "https://example.com/4"}
          - id: Q1_web
            title: "web link"
            improvementPlan: {displayText: "web", url: "https://example.com/a?b=1&c=<x>"}
          - id: Q1_no
            title: None of these
        riskRules:
          - {condition: "Q1_js && Q1_data", risk: NO_RISK}
          - {condition: default, risk: HIGH_RISK}
`
	l, problems := questions.Parse("hostile.yaml", []byte(lensYAML), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	r := review.New(l, review.Workload{Name: "<script>window.__pwned=7</script>Workload", Owner: "\x1b[31mowner\u202e"})
	r.Update("p1", "Q1", "<img src=x onerror=window.__pwned=8>", t0, func(a *review.Answer) {
		a.Selected = []string{"Q1_no"}
		a.Notes = hostileNote
	})
	r.Notes = "</blockquote><script>window.__pwned=9</script>"
	a, err := r.AddAction(review.Action{PillarID: "p1", QuestionID: "Q1", ChoiceID: "Q1_js", Title: "<script>window.__pwned=10</script>", Owner: "</svg>", Due: "2026-01-01"}, "x", t0)
	if err != nil {
		t.Fatal(err)
	}
	a.Link = "javascript:window.__pwned=11"
	if err := r.AddMilestone("</svg><script>window.__pwned=12</script>", "", l, t0.AddDate(0, -1, 0)); err != nil {
		t.Fatal(err)
	}
	s := Score(Input{File: "<hostile>.yaml", Review: r, Lens: l, Today: t0})
	// The lens loader refuses URLs that are not http(s); the page must not
	// depend on it (a scored review can come from elsewhere).
	for i, u := range []string{"javascript:window.__pwned=4", "data:text/html,<script>window.__pwned=5</script>", "file:///etc/passwd", " JavaScript:window.__pwned=6"} {
		s.Pillars[0].Questions[0].Missing[i].URL = u
	}
	// Further resources: markup in the text, non-web links, bullets.
	js := &s.Pillars[0].Questions[0].Missing[0]
	js.HelpfulResource = &Resource{DisplayText: "<script>window.__pwned=16</script>help", URL: "javascript:window.__pwned=17"}
	js.AdditionalResources = []ResourceGroup{
		{Type: "IMPROVEMENT_PLAN", Content: []Resource{{DisplayText: "</ul></li><img src=x onerror=window.__pwned=18>steps:\n- <script>window.__pwned=19</script>\n  - [x](javascript:window.__pwned=20)", URL: " JavaScript:window.__pwned=21"}}},
		{Type: "HELPFUL_RESOURCE", Content: []Resource{{URL: "data:text/html,<script>window.__pwned=22</script>"}}},
	}
	return s, historyOf(r, l)
}

const hostileNote = "<script>window.__pwned=13</script>\n[click](javascript:window.__pwned=14) <a href=\"javascript:window.__pwned=15\">x</a>\n</svg></blockquote><style>body{display:none}</style>"

// Hostile text is inert: no element is made from it, no URL but http(s)
// becomes a link, and the text shows as written.
func TestHTMLHostileTextIsInert(t *testing.T) {
	s, rows := hostileFixture(t)
	out := renderHTML(t, s, HTMLOptions{History: rows})
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
		t.Error("raw <script in the output")
	}
	doc := parseHTML(t, out)
	for _, name := range []string{"script", "img", "iframe", "object", "embed", "form", "base", "link"} {
		if n := all(doc, tag(name)); len(n) != 0 {
			t.Errorf("%d <%s> elements", len(n), name)
		}
	}
	if n := len(all(doc, tag("style"))); n != 1 {
		t.Errorf("%d <style> elements", n)
	}
	if n := len(all(doc, tag("svg"))); n != countSVGs(s, rows) {
		t.Errorf("%d <svg> elements, want %d: a </svg> closed one early", n, countSVGs(s, rows))
	}
	for _, n := range all(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	var hrefs []string
	for _, a := range all(doc, tag("a")) {
		h := attrOr(a, "href")
		if !strings.HasPrefix(h, "#") {
			hrefs = append(hrefs, h)
		}
	}
	if len(hrefs) != 1 || hrefs[0] != "https://example.com/a?b=1&c=%3cx%3e" {
		t.Errorf("links %q, want only the https one", hrefs)
	}
	notes := all(doc, func(n *html.Node) bool { return n.Data == "blockquote" && hasClass(n, "notes") })
	if len(notes) != 2 || textOf(notes[1]) != hostileNote {
		t.Errorf("notes not shown as written: %q", textOf(notes[len(notes)-1]))
	}
	page := textOf(doc)
	for _, want := range []string{
		"javascript:window.__pwned=4 (not a web link)", "data:text/html,<script>window.__pwned=5</script> (not a web link)",
		"file:///etc/passwd (not a web link)", "JavaScript:window.__pwned=6 (not a web link)",
		"ticket: javascript:window.__pwned=11 (not a web link)", "<script>window.__pwned=10</script>",
		"</svg></table><script>window.__pwned=2</script><img src=x onerror=window.__pwned=3>Pillar",
		"</svg><script>window.__pwned=12</script>",
		"<script>window.__pwned=16</script>help javascript:window.__pwned=17 (not a web link)",
		"</ul></li><img src=x onerror=window.__pwned=18>steps:", "JavaScript:window.__pwned=21 (not a web link)",
		"data:text/html,<script>window.__pwned=22</script> (not a web link)",
		"<script>window.__pwned=19</script>", "[x](javascript:window.__pwned=20)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks the text %q", want)
		}
	}
	// Terminal escapes and bidi overrides are replaced.
	if strings.ContainsAny(page, "\x1b\u202e") {
		t.Error("control characters in the page")
	}
}

// countSVGs is how many svg elements the report has: the pattern
// definitions, the legend's five swatches, the summary and pillar bars,
// and the trend with its two legend swatches.
func countSVGs(s *Scored, rows []HistoryRow) int {
	n := 1 + len(questions.Levels) + 1 + len(s.Pillars) + 1
	if hasMilestone(rows) {
		n += 3
	}
	return n
}

// Nothing is loaded from anywhere: no element has a src, no link or
// script, and the only url() references are the page's own patterns.
func TestHTMLNoExternalResources(t *testing.T) {
	s, rows := milestoneFixture(t)
	var port bytes.Buffer
	if err := WritePortfolioHTML(&port, portfolioFixture(t), PortfolioOptions{}); err != nil {
		t.Fatal(err)
	}
	hs, hrows := hostileFixture(t)
	for name, out := range map[string][]byte{
		"report": renderHTML(t, s, HTMLOptions{History: rows}), "hostile": renderHTML(t, hs, HTMLOptions{History: hrows}), "portfolio": port.Bytes(),
	} {
		doc := parseHTML(t, out)
		for _, n := range all(doc, func(*html.Node) bool { return true }) {
			for _, a := range n.Attr {
				switch a.Key {
				case "src", "srcset", "poster", "data", "action", "formaction", "background", "ping", "xlink:href", "manifest":
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				case "href":
					if n.Data != "a" {
						t.Errorf("%s: <%s href=%q>", name, n.Data, a.Val)
					}
				case "fill", "stroke", "style", "filter", "mask", "clip-path":
					if strings.Contains(a.Val, "url(") && !strings.HasPrefix(a.Val, "url(#") {
						t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
					}
				}
			}
			if n.Data == "link" || n.Data == "script" || n.Data == "img" {
				t.Errorf("%s: a <%s>", name, n.Data)
			}
		}
		css := textOf(all(doc, tag("style"))[0])
		if strings.Contains(css, "@import") || strings.Contains(css, "@font-face") || strings.Contains(strings.ReplaceAll(css, "url(#", ""), "url(") {
			t.Errorf("%s: the style sheet loads something", name)
		}
	}
}

// A Japanese lens gets Japanese headings and labels; another language
// gets English ones.
func TestHTMLJapaneseHeadings(t *testing.T) {
	l, err := questions.Load("builtin:ops-ja")
	if err != nil {
		t.Fatal(err)
	}
	if l.Language != "ja" {
		t.Fatalf("ops-ja has language %q", l.Language)
	}
	r := review.New(l, review.Workload{Name: "決済 API"})
	r.Update("operationalExcellence", "OPS1", "鈴木", t0, func(a *review.Answer) { a.Selected = []string{"OPS1_no"} })
	r.Update("operationalExcellence", "OPS3", "鈴木", t0, func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OUT_OF_SCOPE" })
	s := Score(Input{Review: r, Lens: l, Today: t0})
	doc := parseHTML(t, renderHTML(t, s, HTMLOptions{Language: l.Language}))
	if attrOr(all(doc, tag("html"))[0], "lang") != "ja" {
		t.Error("html lang is not ja")
	}
	if h1 := textOf(all(doc, tag("h1"))[0]); h1 != "改善計画: 決済 API" {
		t.Errorf("h1 %q", h1)
	}
	var h2 []string
	for _, h := range all(doc, tag("h2")) {
		h2 = append(h2, squash(textOf(h)))
	}
	if got := strings.Join(h2, "|"); got != "概要|柱ごとのリスク|█ 高リスク|- 適用外|· 未回答" {
		t.Errorf("Japanese headings %q", got)
	}
	page := squash(textOf(doc))
	for _, want := range []string{"全 6 問中 2 問に回答済み", "リスクの高い柱: 運用上の優秀性(高リスク 1 問)。", "対象外", "次にやること", "質問の割合"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, english := range []string{"Executive summary", "What to do next", "Risk by pillar", "questions answered"} {
		if strings.Contains(page, english) {
			t.Errorf("English %q in a Japanese page", english)
		}
	}
	for lang, want := range map[string]string{"ja-JP": "ja", "JA": "ja", "en": "en", "fr": "en", "": "en"} {
		if got := htmlLabelsFor(lang).Lang; got != want {
			t.Errorf("labels for %q are %q, want %q", lang, got, want)
		}
	}
}

// Every label set fills every label: a language cannot leave a heading
// empty, and formats take their arguments.
func TestHTMLLabelsComplete(t *testing.T) {
	for _, l := range []htmlLabels{englishLabels(), japaneseLabels()} {
		v := reflect.ValueOf(l)
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Kind() == reflect.String && f.String() == "" {
				t.Errorf("%s: the label %s is empty", l.Lang, v.Type().Field(i).Name)
			}
		}
		for _, r := range questions.Levels {
			if l.levels[r] == "" || l.words[r] == "" {
				t.Errorf("%s: no name for %s", l.Lang, r)
			}
		}
		for _, f := range []string{fmt.Sprintf(l.AnsweredOf, 1, 2), fmt.Sprintf(l.ActionsSummary, 1, 2, 3, 4), fmt.Sprintf(l.AnsweredLine, 1, 2, "x"),
			fmt.Sprintf(l.LevelCount, 1, "x"), fmt.Sprintf(l.PortfolioLine, 1, "x", 2, 3), fmt.Sprintf(l.Footer, "f", "l")} {
			if strings.Contains(f, "%!") {
				t.Errorf("%s: bad format: %s", l.Lang, f)
			}
		}
	}
}

// The HTML shows what the Markdown plan shows: every question of each
// section, the ticked and missing practices with their improvement text
// and links, notes, and actions with owner, due and status.
func TestHTMLPlanParity(t *testing.T) {
	s := scoredFixture(t)
	doc := parseHTML(t, renderHTML(t, s, HTMLOptions{}))
	page := squash(textOf(doc))
	links := map[string]bool{}
	for _, a := range all(doc, tag("a")) {
		links[attrOr(a, "href")] = true
	}
	var want []string
	for _, p := range s.Pillars {
		for _, q := range p.Questions {
			want = append(want, plain(q.ID)+" "+plain(q.Title))
			if q.Risk != questions.HighRisk && q.Risk != questions.MediumRisk {
				continue
			}
			for _, c := range q.Selected {
				if !strings.HasSuffix(c.ID, "_no") {
					want = append(want, plain(c.Title))
				}
			}
			for _, c := range q.Missing {
				want = append(want, plain(c.Title)+": "+plain(c.ImprovementPlan))
				if c.URL != "" && !links[c.URL] {
					t.Errorf("no link to %s", c.URL)
				}
			}
			for _, line := range strings.Split(q.Notes, "\n") {
				want = append(want, squash(line))
			}
		}
	}
	want = append(want,
		"☐ A1 Adopt OPS2_telemetry (owner bob, due 2026-11-01 ⚠ overdue, open, ticket)",
		"☐ A2 Adopt OPS2_pipeline (owner carol | ops, due 2026-12-31, open)",
		"☑ A3 Adopt OPS1_budget (owner alice, done)",
		"☑ A4 Adopt OPS5_commander (accepted-risk, reason: Cost | too high this year)",
		"☐ A5 Adopt OPS4_business (owner dan, open)",
		"The team follows none of these practices yet.",
		"Risk: █ HIGH · Pillar: Operational Excellence · Answered by bob",
	)
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("the page lacks %q", w)
		}
	}
	var rows []string
	for _, tr := range all(doc, tag("tr")) {
		rows = append(rows, rowText(tr))
	}
	for _, w := range []string{
		"OPS3 How do you know that the workload is ready to be operated? Operational Excellence out of scope Batch only | no users",
		"Lens Operational Excellence 1.0.0 (ops)", "Environment production", "Owner payments-team", "Date 2026-11-25",
		"Reviewers alice, bob, 鈴木", "Answered 5 of 6 questions", "Actions 3 open (1 overdue), 1 done, 1 accepted as risk",
		"█ HIGH 2", "▓ MEDIUM 1", "░ NONE 1", "- N/A 1", "· Unanswered 1",
	} {
		if !slices.Contains(rows, w) {
			t.Errorf("no table row %q", w)
		}
	}
	if !links["https://tickets.example/OPS-1"] {
		t.Error("no link to the ticket")
	}
}

// Overdue actions are marked in words, not only in colour.
func TestHTMLOverdueMarked(t *testing.T) {
	doc := parseHTML(t, renderHTML(t, scoredFixture(t), HTMLOptions{}))
	var overdue []string
	for _, li := range all(doc, func(n *html.Node) bool { return hasClass(n, "action") }) {
		if attrOr(li, "data-overdue") == "true" {
			overdue = append(overdue, squash(textOf(li)))
		} else if strings.Contains(textOf(li), "overdue") {
			t.Errorf("not overdue but says so: %s", textOf(li))
		}
	}
	if len(overdue) != 1 || !strings.Contains(overdue[0], "A1") || !strings.Contains(overdue[0], "overdue") {
		t.Errorf("overdue actions %q", overdue)
	}
}

// Only absolute http and https URLs become links.
func TestWebLink(t *testing.T) {
	for in, link := range map[string]bool{
		"https://example.com/x": true, "http://example.com": true, "HTTPS://EXAMPLE.COM": true, " https://example.com ": true,
		"javascript:alert(1)": false, "JavaScript:alert(1)": false, " javascript:alert(1)": false, "java\tscript:alert(1)": false,
		"data:text/html,x": false, "file:///etc/passwd": false, "vbscript:x": false, "//example.com": false, "/relative": false,
		"https:///nohost": false, "https:example.com": false, "mailto:a@b.c": false, "ht\ntp://example.com": false, "": false,
		"https://example.com/\u202etxt.exe": false, "https://example.com/a\x00b": false,
	} {
		got := webLink(in)
		if (got.Href != "") != link {
			t.Errorf("webLink(%q) = %+v, want link %v", in, got, link)
		}
		if !link && in != "" && got.Text == "" {
			t.Errorf("webLink(%q) drops the text", in)
		}
	}
}

// The report page of a small review, as reviewed.
func TestHTMLGolden(t *testing.T) {
	l, problems := questions.Parse("small.yaml", []byte(smallLens), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	r := review.New(l, review.Workload{Name: "Small service", Environment: review.PreProduction, Owner: "team-a"})
	r.Update("rel", "R1", "ann", t0, func(a *review.Answer) { a.Selected = []string{"R1_no"} })
	if err := r.AddMilestone("first", "", l, t0.AddDate(0, -1, 0)); err != nil {
		t.Fatal(err)
	}
	r.Update("rel", "R1", "ann", t0, func(a *review.Answer) { a.Selected = []string{"R1_backup"}; a.Notes = "Restores are\nnot tested." })
	r.Update("sec", "S1", "ben", t0, func(a *review.Answer) { a.NotApplicable, a.Reason = true, "BUSINESS_PRIORITIES" })
	if _, err := r.AddAction(review.Action{PillarID: "rel", QuestionID: "R1", ChoiceID: "R1_restore", Title: "Test a restore", Owner: "ann", Due: "2026-11-01"}, "ann", t0); err != nil {
		t.Fatal(err)
	}
	s := Score(Input{File: "small.yaml", Review: r, Lens: l, Today: t0})
	golden.RequireEqual(t, renderHTML(t, s, HTMLOptions{History: historyOf(r, l), Language: l.Language}))
}

const smallLens = `schemaVersion: "2021-11-01"
id: small
version: 1.0.0
language: en
name: Small lens
pillars:
  - id: rel
    name: Reliability
    questions:
      - id: R1
        title: How do you back up data?
        choices:
          - id: R1_backup
            title: Data is backed up
          - id: R1_restore
            title: Restores are tested
            improvementPlan: {displayText: "Restore last night's backup each month.", url: "https://example.com/restore"}
            helpfulResource: {displayText: "A backup is only as good as its last restore.", url: "https://example.com/why"}
            additionalResources:
              - type: IMPROVEMENT_PLAN
                content:
                  - displayText: "A restore drill:\n- pick a backup\n  - last night's\n- restore it to a scratch database"
                    url: "https://example.com/drill"
          - id: R1_no
            title: None of these
        riskRules:
          - {condition: "R1_backup && R1_restore", risk: NO_RISK}
          - {condition: "R1_backup", risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
      - id: R2
        title: How do you scale?
        choices:
          - id: R2_auto
            title: Capacity scales automatically
          - id: R2_no
            title: None of these
        riskRules:
          - {condition: "R2_auto", risk: NO_RISK}
          - {condition: default, risk: HIGH_RISK}
  - id: sec
    name: Security
    questions:
      - id: S1
        title: How do you manage keys?
        choices:
          - id: S1_kms
            title: Keys live in a key service
          - id: S1_no
            title: None of these
        riskRules:
          - {condition: "S1_kms", risk: NO_RISK}
          - {condition: default, risk: HIGH_RISK}
`

// The HTML report of a fully answered 200-question review with two
// milestones, scoring included (about 330 KB). Target: under 50 ms; most of
// it is html/template's escaping.
func BenchmarkHTMLReport(b *testing.B) {
	r, l := scored200(b)
	for _, name := range []string{"one", "two"} {
		if err := r.AddMilestone(name, "", l, t0); err != nil {
			b.Fatal(err)
		}
	}
	rows := historyOf(r, l)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, Score(Input{Review: r, Lens: l}), HTMLOptions{History: rows}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB")
}

// linkAddresses are addresses a lens or an action may hold, and whether
// they are web links: as written, but for white space around them.
var linkAddresses = map[string]bool{
	"https://example.com/ok":              true,
	"https://example.com/trailing ":       true,
	"https://example.com/\u202etxt.exe":   false, // a bidi override
	"https://example.com/zero\u200bwidth": false,
	"https://example.com/nel\u0085x":      false,
	"https://example.com/nbsp\u00a0x":     false,
	"https://exa mple.com/space":          false,
	"javascript:alert(1)":                 false,
}

// The Markdown plan and the HTML page link the same addresses, by one
// rule: an address the Markdown shows as code is text in the HTML, never
// a link with its control character replaced. Choices' references and
// resources, and actions' tickets, alike.
func TestLinksAgreeInMarkdownAndHTML(t *testing.T) {
	var src strings.Builder
	src.WriteString("schemaVersion: \"2021-11-01\"\nid: links\nname: L\npillars:\n  - id: pil\n    name: P\n    questions:\n      - id: QA1\n        title: T\n        choices:\n")
	var addrs []string
	for a := range linkAddresses {
		if strings.HasPrefix(a, "https://") { // the loader refuses the rest
			q := strconv.Quote(a)
			fmt.Fprintf(&src, "          - {id: QA1_%d, title: C, improvementPlan: {displayText: P, url: %s}, helpfulResource: {displayText: H, url: %s}}\n", len(addrs), q, q)
		}
		addrs = append(addrs, a)
	}
	src.WriteString("          - {id: QA1_x, title: X}\n        riskRules: [{condition: default, risk: HIGH_RISK}]\n")
	l, problems := questions.Parse("links.yaml", []byte(src.String()), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	r := review.New(l, review.Workload{Name: "w"})
	r.Update("pil", "QA1", "me", t0, func(a *review.Answer) { a.Selected = []string{"QA1_x"} })
	for _, a := range addrs { // as an old file may hold them, past action --link's check
		r.Actions = append(r.Actions, review.Action{ID: fmt.Sprint("A", len(r.Actions)+1), PillarID: "pil", QuestionID: "QA1", Title: "T", Status: review.StatusOpen, Link: a})
	}
	s := Score(Input{Review: r, Lens: l, Today: t0})
	var md bytes.Buffer
	if err := WritePlan(&md, s, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	_, mdLinks, _, _ := renderedMarkdown(md.Bytes())
	page := renderHTML(t, s, HTMLOptions{})
	var hrefs []string
	for _, a := range all(parseHTML(t, page), tag("a")) {
		if h := attrOr(a, "href"); !strings.HasPrefix(h, "#") {
			hrefs = append(hrefs, h)
		}
	}
	want := map[string]int{} // each web link: a reference, a resource, a ticket
	for a, web := range linkAddresses {
		if web {
			want[strings.TrimSpace(a)] = 3
		}
	}
	for name, links := range map[string][]string{"Markdown": mdLinks, "HTML": hrefs} {
		got := map[string]int{}
		for _, u := range links {
			got[u]++
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s links %v, want %v", name, got, want)
		}
	}
	if !strings.Contains(string(page), "https://example.com/\ufffdtxt.exe") {
		t.Error("the HTML page does not show the refused address as text")
	}
}
