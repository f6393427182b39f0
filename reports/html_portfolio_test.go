package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// portfolioFixture is three reviews of two lenses: payments (two
// milestones, an overdue action), search (no milestone) and cost (another
// lens, other pillars).
func portfolioFixture(t testing.TB) []PortfolioItem {
	t.Helper()
	pay, payRows := milestoneFixture(t)
	all := consolidatedFixture(t) // search, cost, payments
	cost, _ := scoredMultiPillar(t)
	return []PortfolioItem{
		{Scored: all[0], History: []HistoryRow{{Name: "current", Current: true, Counts: all[0].Counts, Scored: true}}},
		{Scored: cost},
		{Scored: pay, History: payRows},
	}
}

func renderPortfolio(t testing.TB, items []PortfolioItem, opts PortfolioOptions) *html.Node {
	t.Helper()
	var b bytes.Buffer
	if err := WritePortfolioHTML(&b, items, opts); err != nil {
		t.Fatal(err)
	}
	return parseHTML(t, b.Bytes())
}

// A row per workload, most HIGH first then most MEDIUM (as the terminal's
// consolidated table), with counts, bar, actions and the trend where there
// are milestones; totals at the end.
func TestPortfolioRows(t *testing.T) {
	items := portfolioFixture(t)
	doc := renderPortfolio(t, items, PortfolioOptions{})
	rows := all(doc, func(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "workload") })
	var order []string
	for _, r := range rows {
		order = append(order, textOf(all(r, tag("th"))[0]))
	}
	if got := strings.Join(order, "|"); got != "決済 API | payments (production)|Cost|Search (production)" {
		t.Fatalf("rows %q", got)
	}
	byName := map[string]*Scored{}
	for _, it := range items {
		byName[it.Scored.Workload.Name] = it.Scored
	}
	for i, name := range []string{"決済 API | payments", "Cost", "Search"} {
		s := byName[name]
		for _, c := range all(rows[i], func(n *html.Node) bool { return n.Data == "td" && attrOr(n, "data-risk") != "" }) {
			r, _ := questions.ParseRisk(attrOr(c, "data-risk"))
			if textOf(c) != strconv.Itoa(s.Counts.Of(r)) {
				t.Errorf("%s %s: %s, want %d", name, r, textOf(c), s.Counts.Of(r))
			}
		}
		segs := all(rows[i], func(n *html.Node) bool { return n.Data == "rect" && attrOr(n, "data-count") != "" })
		sum := 0
		for _, seg := range segs {
			n, _ := strconv.Atoi(attrOr(seg, "data-count"))
			sum += n
		}
		if sum != s.Total {
			t.Errorf("%s: bar adds up to %d of %d", name, sum, s.Total)
		}
		open := all(rows[i], func(n *html.Node) bool { return hasClass(n, "open-actions") })
		overdue := all(rows[i], func(n *html.Node) bool { return hasClass(n, "overdue-actions") })
		if len(open) != 1 || len(overdue) != 1 || textOf(open[0]) != strconv.Itoa(s.Actions.Open) || textOf(overdue[0]) != strconv.Itoa(s.Actions.Overdue) {
			t.Errorf("%s: open and overdue actions wrong: %s", name, rowText(rows[i]))
		}
	}
	// Trend: payments has two milestones and the current state; the
	// others have no milestone.
	pts := all(rows[0], func(n *html.Node) bool { return n.Data == "g" && attrOr(n, "data-series") == "HIGH" })
	if len(pts) != 3 || attrOr(pts[2], "data-point") != "current" {
		t.Errorf("payments trend has %d points", len(pts))
	}
	if !strings.Contains(textOf(rows[0]), "HIGH 4→3→2") {
		t.Errorf("payments trend in words: %s", textOf(rows[0]))
	}
	for _, r := range rows[1:] {
		if len(all(r, func(n *html.Node) bool { return hasClass(n, "spark") })) != 0 || !strings.Contains(textOf(r), "no milestones yet") {
			t.Errorf("a trend without milestones: %s", squash(textOf(r)))
		}
	}
	total := rowText(all(doc, func(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "total") })[0])
	if total != "Total 3 reviews 12/14 2 3 2 5 2 6 1" {
		t.Errorf("total row %q", total)
	}
	if lead := squash(textOf(all(doc, func(n *html.Node) bool { return hasClass(n, "lead") })[0])); !strings.Contains(lead, "Reviews: 3.") || !strings.Contains(lead, "Open actions: 6, overdue: 1.") {
		t.Errorf("lead %q", lead)
	}
}

// The heat map has a cell per workload and pillar (the union of the
// lenses' pillars), with that pillar's HIGH and MEDIUM counts, the worst
// level as class and glyph, and "not in this lens" where it has none.
func TestPortfolioHeatMap(t *testing.T) {
	items := portfolioFixture(t)
	doc := renderPortfolio(t, items, PortfolioOptions{})
	heat := all(byID(t, doc, "heat"), tag("table"))[0]
	var cols []string
	for _, th := range all(all(heat, tag("thead"))[0], tag("th"))[1:] {
		cols = append(cols, textOf(th))
	}
	cost, _ := scoredMultiPillar(t)
	want := []string{"Operational Excellence"}
	for _, p := range cost.Pillars {
		want = append(want, p.Name)
	}
	if strings.Join(cols, "|") != strings.Join(want, "|") {
		t.Fatalf("columns %q, want %q", cols, want)
	}
	rows := all(all(heat, tag("tbody"))[0], tag("tr"))
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	// Cost (second row): absent from ops, present in its own pillars.
	cells := all(rows[1], tag("td"))
	if len(cells) != len(want) || !hasClass(cells[0], "heat-absent") || !strings.Contains(textOf(cells[0]), "not in this lens") {
		t.Errorf("cost's ops cell: %s", textOf(cells[0]))
	}
	for i, p := range cost.Pillars {
		c := cells[i+1]
		if attrOr(c, "data-high") != strconv.Itoa(p.Counts.High) || attrOr(c, "data-medium") != strconv.Itoa(p.Counts.Medium) {
			t.Errorf("cost %s: data %s/%s, want %d/%d", p.ID, attrOr(c, "data-high"), attrOr(c, "data-medium"), p.Counts.High, p.Counts.Medium)
		}
		if worst := attrOr(c, "data-risk"); !hasClass(c, "heat-"+riskClass(mustRisk(t, worst))) || (p.Counts.Of(mustRisk(t, worst)) == 0) {
			t.Errorf("cost %s: class %s for worst level %s", p.ID, attrOr(c, "class"), worst)
		}
	}
	for _, c := range []struct {
		counts      scoring.Counts
		class, text string
	}{
		{scoring.Counts{High: 2, Medium: 1, None: 3}, "high", "█ 2  ▓ 1"},
		{scoring.Counts{Medium: 1, Unanswered: 2}, "medium", "▓ 1"},
		{scoring.Counts{None: 2, Unanswered: 1}, "none", "░ NONE"},
		{scoring.Counts{Unanswered: 2, NotApplicable: 1}, "unanswered", "· Unanswered"},
		{scoring.Counts{NotApplicable: 2}, "na", "- N/A"},
	} {
		got := heatCell(c.counts, englishLabels())
		if got.Class != c.class || got.Text != c.text {
			t.Errorf("%+v: %s %q, want %s %q", c.counts, got.Class, got.Text, c.class, c.text)
		}
	}
	pay := all(rows[0], tag("td"))[0]
	if !hasClass(pay, "heat-high") || squash(textOf(all(pay, tag("span"))[0])) != "█ 2 ▓ 1" {
		t.Errorf("payments ops cell %q (%s)", textOf(pay), attrOr(pay, "class"))
	}
}

func mustRisk(t *testing.T, name string) questions.Risk {
	t.Helper()
	r, ok := questions.ParseRisk(name)
	if !ok {
		t.Fatalf("no level %q", name)
	}
	return r
}

// The overdue actions of every workload are listed.
func TestPortfolioOverdueActions(t *testing.T) {
	doc := renderPortfolio(t, portfolioFixture(t), PortfolioOptions{})
	rows := all(all(byID(t, doc, "overdue"), tag("tbody"))[0], tag("tr"))
	var got []string
	for _, r := range rows {
		got = append(got, rowText(r))
	}
	// Search has the same actions, but was scored without a date: none
	// is overdue there.
	want := []string{
		"決済 API | payments OPS2 How do you design the workload so that it is easier to operate? A1 Adopt OPS2_telemetry bob ⚠ 2026-11-01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("overdue:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The portfolio page speaks Japanese when asked.
func TestPortfolioJapanese(t *testing.T) {
	doc := renderPortfolio(t, portfolioFixture(t), PortfolioOptions{Language: "ja"})
	if h1 := textOf(all(doc, tag("h1"))[0]); h1 != "ポートフォリオ: レビュー 3 件" {
		t.Errorf("h1 %q", h1)
	}
	var h2 []string
	for _, h := range all(doc, tag("h2")) {
		h2 = append(h2, textOf(h))
	}
	if got := strings.Join(h2, "|"); got != "ワークロード一覧|ヒートマップ: ワークロード別・柱別のリスク|期限切れのアクション" {
		t.Errorf("headings %q", got)
	}
}

// One review is "1 review", in the heading, the total row and the footer.
func TestPortfolioOfOneReview(t *testing.T) {
	items := portfolioFixture(t)[:1]
	for lang, want := range map[string]struct{ heading, count string }{
		"en": {"Portfolio: 1 review", "1 review"},
		"ja": {"ポートフォリオ: レビュー 1 件", "1 件"},
	} {
		doc := renderPortfolio(t, items, PortfolioOptions{Language: lang})
		if h1 := textOf(all(doc, tag("h1"))[0]); h1 != want.heading {
			t.Errorf("%s: heading %q, want %q", lang, h1, want.heading)
		}
		page := textOf(doc)
		if !strings.Contains(page, want.count) || strings.Contains(page, "1 reviews") {
			t.Errorf("%s: the page does not count one review as %q:\n%s", lang, want.count, page)
		}
	}
}
