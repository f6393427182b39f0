package reports

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// The plan of a live review says which questions the vote contested, how
// each voted, and the time spent on each question.
func TestPlanShowsVotesAndTimeSpent(t *testing.T) {
	r, l := fixture(t)
	var qid, pid string
	for _, p := range l.Pillars {
		pid, qid = p.ID, p.Questions[0].ID
		break
	}
	r.Update(pid, qid, "alice", time.Now(), func(a *review.Answer) {
		a.Votes = []review.Vote{{By: "alice", Selected: []string{"x_1"}}, {By: "bob"}}
		a.TimeSpent = 7*time.Minute + 5*time.Second
	})
	s := Score(Input{Review: r, Lens: l, Today: time.Now()})
	var b bytes.Buffer
	if err := WritePlan(&b, s, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Contested in the vote", "## Time spent in the review", "| 7m5s |", "- bob: nothing"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, b.String())
		}
	}
	var j bytes.Buffer
	WriteReportJSON(&j, s)
	if !strings.Contains(j.String(), `"contested": true`) || !strings.Contains(j.String(), `"timeSpent": "7m5s"`) {
		t.Errorf("JSON lacks the vote or the time:\n%.2000s", j.String())
	}
}

// On a terminal the plan is drawn with glamour: styled when colour is on,
// plain words without Markdown marks when it is off, nothing lost.
func TestPlanDrawnForTheTerminal(t *testing.T) {
	s := scoredFixture(t)
	var md bytes.Buffer
	WritePlan(&md, s, PlanOptions{})
	for _, color := range []bool{true, false} {
		var b bytes.Buffer
		if err := WriteMarkdownTerminal(&b, md.Bytes(), TerminalOptions{Color: color, Dark: true, Width: 100}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if has := strings.Contains(out, "\x1b["); has != color {
			t.Errorf("colour %v: escape codes %v", color, has)
		}
		plain := ansi.Strip(out)
		if color && strings.Contains(plain, "**") || strings.Contains(plain, "|---|") || !strings.Contains(plain, "決済 API") {
			t.Errorf("colour %v: not drawn, or the workload is missing:\n%.1500s", color, plain)
		}
	}
}

// liveReview is a review after a live one: a contested vote on a HIGH
// question, an agreed one on a MEDIUM question, a contested vote on a
// question with no risk (listed, not an item of the plan), and the time
// spent on several questions; in English (builtin:ops) or Japanese.
func liveReview(t *testing.T, lens string) *Scored {
	t.Helper()
	l, err := questions.Load(lens)
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "Payments"})
	set := func(q string, d time.Duration, fn func(*review.Answer)) {
		r.Update("operationalExcellence", q, "alice", t0, func(a *review.Answer) { fn(a); a.TimeSpent = d })
	}
	set("OPS1", 7*time.Minute+5*time.Second, func(a *review.Answer) { // MEDIUM
		a.Selected = []string{"OPS1_users", "OPS1_slo", "OPS1_downtime"}
		a.Votes = []review.Vote{{By: "alice", Selected: a.Selected}, {By: "鈴木", Selected: a.Selected}}
	})
	set("OPS2", 12*time.Minute, func(a *review.Answer) { // HIGH
		a.Selected = []string{"OPS2_no"}
		a.Votes = []review.Vote{{By: "alice", Selected: []string{"OPS2_telemetry", "OPS2_pipeline"}}, {By: "bob"}}
	})
	set("OPS4", 90*time.Second, func(a *review.Answer) { // NONE
		a.Selected = []string{"OPS4_symptoms", "OPS4_actionable", "OPS4_slo_alerts", "OPS4_ops_metrics", "OPS4_review", "OPS4_coverage"}
		a.Votes = []review.Vote{{By: "alice", Selected: a.Selected}, {By: "bob", Selected: []string{"OPS4_symptoms"}}}
	})
	return Score(Input{Review: r, Lens: l, Today: t0})
}

// meetingFacts is what a plan says of a live review, as text: each vote
// under its question (its line and ballots), the contested questions, the
// rows of the time table, and the time spent as a fact of each item.
type meetingFacts struct {
	Votes, Contested, Times, ItemTimes []string
}

// markdownMeeting reads the facts from the Markdown plan, drawn as
// CommonMark with GitHub's tables.
func markdownMeeting(t *testing.T, plan []byte, c *i18n.Catalog) meetingFacts {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(plan, &out); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, out.Bytes())
	var f meetingFacts
	var question string
	section := ""
	for _, n := range all(doc, func(n *html.Node) bool { return n.Parent != nil && n.Parent.Data == "body" }) {
		text := squash(textOf(n))
		switch n.Data {
		case "h2":
			section, question = text, ""
		case "h3":
			question = text
		case "p":
			if strings.Contains(text, " · ") && question != "" {
				if i := strings.Index(text, strings.TrimSpace(fmt.Sprintf(c.Plan.TimeSpent, ""))); i >= 0 {
					f.ItemTimes = append(f.ItemTimes, question+": "+strings.TrimSpace(strings.TrimPrefix(text[i:], strings.TrimSpace(fmt.Sprintf(c.Plan.TimeSpent, "")))))
				}
			}
			if text == c.Plan.Contested || text == c.Plan.Agreed {
				f.Votes = append(f.Votes, question+" | "+text)
				for ul := n.NextSibling; ul != nil; ul = ul.NextSibling {
					if ul.Type == html.ElementNode {
						for _, li := range all(ul, tag("li")) {
							f.Votes = append(f.Votes, squash(textOf(li)))
						}
						break
					}
				}
			}
		case "ul":
			if section == c.Plan.ContestedHead {
				for _, li := range all(n, tag("li")) {
					f.Contested = append(f.Contested, squash(textOf(li)))
				}
			}
		case "table":
			if section == c.Plan.TimeHead {
				for _, tr := range all(n, tag("tr")) {
					f.Times = append(f.Times, rowText(tr))
				}
			}
		}
	}
	return f
}

// htmlMeeting reads the same facts from the HTML page; a level is named
// as the Markdown plan names it, and glyphs (hidden from screen readers)
// are left out.
func htmlMeeting(t *testing.T, page []byte, c *i18n.Catalog) meetingFacts {
	t.Helper()
	doc := parseHTML(t, page)
	hidden := func(n *html.Node) bool { return attrOr(n, "aria-hidden") == "true" }
	planLevel := map[string]string{}
	for r, name := range c.HTML.Levels {
		planLevel[name] = c.Plan.Levels[r]
	}
	var f meetingFacts
	for _, art := range all(doc, func(n *html.Node) bool { return hasClass(n, "item") }) {
		question := squash(textOf(all(art, tag("h3"))[0]))
		meta := squash(textSkipping(all(art, func(n *html.Node) bool { return hasClass(n, "meta") })[0], hidden))
		label := strings.TrimSpace(fmt.Sprintf(c.HTML.TimeSpent, ""))
		if i := strings.Index(meta, label); i >= 0 {
			f.ItemTimes = append(f.ItemTimes, question+": "+strings.TrimSpace(strings.TrimPrefix(meta[i:], label)))
		}
		for _, v := range all(art, func(n *html.Node) bool { return hasClass(n, "votes") }) {
			f.Votes = append(f.Votes, question+" | "+squash(textOf(all(v, tag("p"))[0])))
			for _, li := range all(v, tag("li")) {
				f.Votes = append(f.Votes, squash(textOf(li)))
			}
		}
	}
	if sec := all(doc, func(n *html.Node) bool { return attrOr(n, "id") == "contested" }); len(sec) == 1 {
		for _, li := range all(sec[0], tag("li")) {
			text := squash(textSkipping(li, hidden))
			if i := strings.LastIndex(text, "("); i >= 0 {
				level := strings.TrimSuffix(text[i+1:], ")")
				text = text[:i+1] + planLevel[strings.TrimSpace(level)] + ")"
			}
			f.Contested = append(f.Contested, text)
		}
	}
	if sec := all(doc, func(n *html.Node) bool { return attrOr(n, "id") == "time-spent" }); len(sec) == 1 {
		for _, tr := range all(sec[0], tag("tr")) {
			f.Times = append(f.Times, rowText(tr))
		}
	}
	return f
}

// The HTML page shows what the Markdown plan shows of a live review: how
// each question was voted, with every ballot, the contested questions and
// the time spent, under the same headings (Japanese for a Japanese
// review), the time table with its header cells.
func TestHTMLMeetingParity(t *testing.T) {
	for _, lens := range []string{"builtin:ops", "builtin:ops-ja"} {
		t.Run(lens, func(t *testing.T) {
			s := liveReview(t, lens)
			c := i18n.For(s.Language)
			var plan bytes.Buffer
			if err := WritePlan(&plan, s, PlanOptions{}); err != nil {
				t.Fatal(err)
			}
			page := renderHTML(t, s, HTMLOptions{Language: s.Language})
			md, got := markdownMeeting(t, plan.Bytes(), c), htmlMeeting(t, page, c)
			if len(md.Votes) != 6 || len(md.Contested) != 2 || len(md.Times) != 4 || len(md.ItemTimes) != 2 {
				t.Fatalf("the Markdown plan has not every fact: %+v\n%s", md, plan.String())
			}
			if !reflect.DeepEqual(md, got) {
				t.Errorf("the page's facts differ from the plan's:\nMarkdown %q\nHTML     %q", md, got)
			}
			doc := parseHTML(t, page)
			for id, head := range map[string]string{"h-contested": c.Plan.ContestedHead, "h-time-spent": c.Plan.TimeHead} {
				if h := squash(textOf(byID(t, doc, id))); h != head {
					t.Errorf("heading %s is %q, want %q", id, h, head)
				}
			}
			var nav []string
			for _, a := range all(all(doc, tag("nav"))[0], tag("a")) {
				nav = append(nav, attrOr(a, "href"))
			}
			if !slices.Contains(nav, "#contested") || !slices.Contains(nav, "#time-spent") {
				t.Errorf("the contents do not link the live review's sections: %v", nav)
			}
			table := all(byID(t, doc, "time-spent"), tag("table"))[0]
			if th := all(table, tag("th")); len(th) != 2+3 || attrOr(th[0], "scope") != "col" || attrOr(th[2], "scope") != "row" {
				t.Errorf("the time table's header cells: %d", len(th))
			}
			if s.Language == "ja" && strings.Contains(squash(textOf(doc)), "Time spent") {
				t.Error("English in a Japanese page")
			}
		})
	}
}
