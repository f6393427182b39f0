package reports

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// The notes of the terminal fixtures: a URL with a query, "&" in a URL and
// in words, a quotation, and Markdown syntax that must show as typed.
const (
	terminalNotesEN = "See https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/welcome.html?version=42&anchor=section-7 for details & more.\n" +
		`"Ship it," said Bob (later); R&D owns it, ~2 weeks, a_b_c, 1 < 2 > 0, x*y*, [brackets], #tag and &amp; as typed!` + "\n" +
		"= not a heading\n- not a list"
	terminalNotesJA = "詳しくは https://docs.aws.amazon.com/ja_jp/wellarchitected/latest/operational-excellence-pillar/welcome.html?version=42&anchor=section-7 を参照してください。決済のみ SLO があり、他のサービスにはまだありません（来期に対応する予定です）。\n" +
		"「まず測る」と鈴木さんが言った。R&D チームが担当し、手順書は https://wiki.example.jp/運用/手順?a=1&b=2 にある。"
)

// terminalFixture is a review of lens for the terminal tests: a MEDIUM
// question with notes, a HIGH one with a vote and the time spent, an
// action with a ticket, and a question not applicable with a URL in its
// notes.
func terminalFixture(t *testing.T, lens, notes string) *Scored {
	t.Helper()
	l, err := questions.Load(lens)
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "Payments & Billing", Environment: review.Production, Owner: "payments-team"})
	set := func(q string, fn func(*review.Answer)) { r.Update("operationalExcellence", q, "alice", t0, fn) }
	set("OPS1", func(a *review.Answer) {
		a.Selected = []string{"OPS1_users", "OPS1_slo", "OPS1_downtime"}
		a.Notes = notes
	})
	set("OPS2", func(a *review.Answer) {
		a.Selected = []string{"OPS2_no"}
		a.Votes = []review.Vote{{By: "alice", Selected: []string{"OPS2_telemetry"}}, {By: "bob"}}
		a.TimeSpent = 7*time.Minute + 5*time.Second
		a.Notes = "No runbooks yet & no pipeline."
	})
	set("OPS3", func(a *review.Answer) {
		a.NotApplicable, a.Reason, a.Notes = true, "OUT_OF_SCOPE", "Batch only, see https://example.com/batch?a=1&b=2"
	})
	a, err := r.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: "OPS2", ChoiceID: "OPS2_telemetry", Title: "Add telemetry & alerts", Owner: "bob", Due: "2026-12-31"}, "alice", t0)
	if err != nil {
		t.Fatal(err)
	}
	a.Link = "https://tickets.example/browse/OPS-1?focus=comments&tab=all"
	return Score(Input{Review: r, Lens: l, Today: t0})
}

// terminalPlan is the plan drawn as `wafr report` draws it on a terminal
// of width columns.
func terminalPlan(t *testing.T, s *Scored, width int, color bool) string {
	t.Helper()
	var md, out bytes.Buffer
	if err := WritePlan(&md, s, PlanOptions{Terminal: true}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdownTerminal(&out, md.Bytes(), TerminalOptions{Width: width, Color: color, Dark: true}); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// planURLs lists every URL of a plan: the links of the practices to
// adopt, those of the actions, and those written in notes.
func planURLs(s *Scored) []string {
	var out []string
	inNotes := regexp.MustCompile(`https?://[^\s]+`)
	for _, p := range s.Pillars {
		for _, q := range p.Questions {
			for _, a := range q.Actions {
				out = append(out, a.Link)
			}
			if q.Risk == questions.NotApplicable {
				out = append(out, inNotes.FindAllString(q.Notes, -1)...)
			}
			if q.Risk != questions.HighRisk && q.Risk != questions.MediumRisk {
				continue
			}
			for _, c := range q.Missing {
				out = append(out, c.URL)
				if c.HelpfulResource != nil {
					out = append(out, c.HelpfulResource.URL)
				}
				for _, g := range c.AdditionalResources {
					for _, r := range g.Content {
						out = append(out, r.URL)
					}
				}
			}
			out = append(out, inNotes.FindAllString(q.Notes, -1)...)
		}
	}
	var urls []string
	for _, u := range out {
		if u != "" {
			urls = append(urls, u)
		}
	}
	return urls
}

// lineStart matches what may come before the text of a drawn line: its
// indent, quote bars and list bullets.
var lineStart = regexp.MustCompile(`^[ ]*((\||│|•)[ ]+)*`)

// checkTerminalPlan checks a plan drawn at width columns (its escape codes
// removed): every URL whole on one line; no line wider than the text's
// width but for one holding only a URL too wide for it; no backslash (the
// fixtures have none) or character reference shown; no line starting
// with punctuation that may not start one; no Mermaid source; the notes'
// quote bar on each of their lines; the header facts as a list, not as a
// table without header; and the notes' text as written.
func checkTerminalPlan(t *testing.T, out string, s *Scored, width int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	for _, u := range planURLs(s) {
		whole := false
		for _, l := range lines {
			whole = whole || strings.Contains(l, u)
		}
		if !whole {
			t.Errorf("the URL %s is split across lines", u)
		}
	}
	for i, l := range lines {
		text := l[len(lineStart.FindString(l)):]
		if w := ansi.StringWidth(l); w > width-terminalMargin {
			if f := strings.Fields(text); len(f) != 1 || !strings.Contains(f[0], "://") {
				t.Errorf("line %d is %d wide: %q", i+1, w, l)
			}
		}
		if r := firstRune(text); r != 0 && strings.ContainsRune("。、，．・：；？！）」』】〕〉》ー)]},.:;!?", r) {
			t.Errorf("line %d starts with %q: %q", i+1, r, l)
		}
		if strings.TrimSpace(strings.NewReplacer("|", "", "│", "").Replace(l)) == "" && strings.ContainsAny(l, "|│") {
			t.Errorf("line %d is an empty table row: %q", i+1, l)
		}
	}
	for _, bad := range []string{`\`, "&amp;amp", "&#", "mermaid", "pie showData", "title Questions"} {
		if strings.Contains(out, bad) {
			t.Errorf("the plan shows %q", bad)
		}
	}
	// The notes of the questions, in the plan's order: each line of a
	// quote has its bar, and the text reads as written, line breaks aside.
	var quotes, notes []string
	var quote []string
	for _, l := range append(lines, "") {
		if strings.HasPrefix(l, "  | ") || strings.HasPrefix(l, "  │ ") {
			quote = append(quote, strings.TrimPrefix(strings.TrimPrefix(l, "  | "), "  │ "))
		} else if len(quote) > 0 {
			quotes, quote = append(quotes, joinWrapped(quote)), nil
		}
	}
	for _, r := range []questions.Risk{questions.HighRisk, questions.MediumRisk} {
		for _, q := range s.byRisk(r, nil) {
			if q.Notes != "" {
				notes = append(notes, joinWrapped(strings.Split(q.Notes, "\n")))
			}
		}
	}
	if !slices.Equal(quotes, notes) {
		t.Errorf("the notes read\n%q\nwant\n%q", quotes, notes)
	}
	if !regexp.MustCompile(`(?m)^  • [^:]+: ` + regexp.QuoteMeta(s.Lens.Name)).MatchString(out) {
		t.Errorf("the header facts are not a list:\n%.600s", out)
	}
}

// joinWrapped is the text of wrapped lines without its white space, which
// a line break may take or add.
func joinWrapped(lines []string) string {
	return strings.Join(strings.Fields(strings.Join(lines, " ")), "")
}

// On a terminal of 80 columns, without colour, the plan of an English and
// of a Japanese review reads as written: URLs whole, no escapes, lines
// broken by the Japanese rules, quotes with their bar, no Mermaid.
func TestTerminalPlanGolden(t *testing.T) {
	for name, s := range map[string]*Scored{
		"en": terminalFixture(t, "builtin:ops", terminalNotesEN),
		"ja": terminalFixture(t, "builtin:ops-ja", terminalNotesJA),
	} {
		t.Run(name, func(t *testing.T) {
			out := terminalPlan(t, s, 80, false)
			if strings.Contains(out, "\x1b") {
				t.Error("escape codes without colour")
			}
			checkTerminalPlan(t, out, s, 80)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// With colour, at other widths and for lenses from AWS (every practice
// missing, with its resources), the plan keeps the same rules.
func TestTerminalPlanColorAndWidths(t *testing.T) {
	fixtures := map[string]*Scored{
		"en": terminalFixture(t, "builtin:ops", terminalNotesEN),
		"ja": terminalFixture(t, "builtin:ops-ja", terminalNotesJA),
	}
	for _, src := range []string{"../testdata/aws/s3-style-resources.json", "../testdata/aws/ja-long-description.json"} {
		l, err := questions.Load(src)
		if err != nil {
			t.Fatal(err)
		}
		fixtures[src] = Score(Input{Review: noneReview(l), Lens: l, Today: t0})
	}
	for lens, s := range fixtures {
		for _, width := range []int{50, 80, 120} {
			for _, color := range []bool{false, true} {
				out := terminalPlan(t, s, width, color)
				if strings.Contains(out, "\x1b[") != color {
					t.Errorf("%s at %d, colour %v: escape codes %v", lens, width, color, !color)
				}
				checkTerminalPlan(t, ansi.Strip(out), s, width)
			}
		}
	}
}

// Text escaped for the plan shows on a terminal as written: glamour would
// show some escapes with their backslash ("\&", "\~", "\="), and decode
// "&copy" without its ";".
func TestTerminalShowsTextAsWritten(t *testing.T) {
	for _, s := range []string{
		"R&D & co", "?version=42&anchor=section-7", "&amp; &copy; &copy 2026 &#38; &#x26; &;", "~2 weeks, ~struck~ ~~too~~",
		"= total", "===", "- dash", "+ plus", "# hash", "a_b_c *x* **y** `c` <b>bold</b> [l](x) | pipe ! bang",
		`back\slash \& \~ \\`, "1 < 2 > 0", "quotes \"a\" 'b' (c) {d} 50% $5 @me ^up",
	} {
		for _, color := range []bool{false, true} {
			var b bytes.Buffer
			if err := WriteMarkdownTerminal(&b, []byte("x "+inline(s)), TerminalOptions{Width: 1000, Color: color}); err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(ansi.Strip(b.String())); got != "x "+s {
				t.Errorf("colour %v: %q shows as %q", color, s, got)
			}
		}
	}
	// Code shows as written too, escapes and all.
	var b bytes.Buffer
	if err := WriteMarkdownTerminal(&b, []byte("x "+codeSpan(`a\~&copy b`)), TerminalOptions{Width: 1000}); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(b.String()); got != `x a\~&copy b` {
		t.Errorf("code shows as %q", got)
	}
}

// A line too wide breaks at spaces and between Japanese characters, by
// the Japanese rules, never inside a URL; the lines after the first start
// under its text, repeating a quote bar; with colour, the style of the
// text where it broke goes on on the next line.
func TestWrapTerminal(t *testing.T) {
	long := strings.Repeat("あ", 30) + "。" + strings.Repeat("い", 5) + "（う）、" + strings.Repeat("え", 30)
	for _, c := range []struct {
		line  string
		width int
		want  []string
	}{
		{"  • one two three four", 14, []string{"  • one two", "    three four"}},
		{"  | one two three four", 14, []string{"  | one two", "  | three four"}},
		{"  ### 1. one two three", 14, []string{"  ### 1. one", "         two", "         three"}},
		{"  • see https://example.com/a-b.c,d?e=f&g=h-i end", 20, []string{"  • see", "    https://example.com/a-b.c,d?e=f&g=h-i", "    end"}},
		{"  • 手順は https://wiki.example.jp/運用/手順 にある", 20, []string{"  • 手順は", "    https://wiki.example.jp/運用/手順", "    にある"}},
		{"  ああああ。いい", 10, []string{"  あああ", "  あ。いい"}},
		{"  ああ「いい", 8, []string{"  ああ", "  「いい"}},
	} {
		if got := strings.Split(wrapTerminal(c.line, c.width, c.width), "\n"); !slices.Equal(got, c.want) {
			t.Errorf("wrapTerminal(%q, %d) =\n%q\nwant\n%q", c.line, c.width, got, c.want)
		}
	}
	// A URL too wide for its line after an indent starts at the edge when
	// that lets it fit the screen.
	if got := wrapTerminal("  • see https://example.com/abcdefghij", 20, 30); got != "  • see\nhttps://example.com/abcdefghij" {
		t.Errorf("outdent: %q", got)
	}
	for _, w := range []int{20, 21, 37, 40} {
		lines := strings.Split(wrapTerminal("  │ "+long, w, w), "\n")
		for i, l := range lines {
			if !strings.HasPrefix(l, "  │ ") || ansi.StringWidth(l) > w {
				t.Errorf("width %d, line %d: %q", w, i, l)
			}
			if r := firstRune(strings.TrimPrefix(l, "  │ ")); strings.ContainsRune(noStart, r) {
				t.Errorf("width %d, line %d starts with %q", w, i, r)
			}
			if r := lastRune(l); strings.ContainsRune(noEnd, r) {
				t.Errorf("width %d, line %d ends with %q", w, i, r)
			}
		}
		if got := strings.ReplaceAll(strings.Join(lines, ""), "  │ ", ""); got != long {
			t.Errorf("width %d: text %q", w, got)
		}
	}
	// Colour: the bold run broken over two lines is bold on both, and no
	// line ends styled.
	bold, reset := "\x1b[1m", "\x1b[0m"
	got := strings.Split(wrapTerminal("\x1b[38;5;252m  • "+reset+bold+"one two three"+reset+" four", 12, 12), "\n")
	if len(got) != 3 || !strings.HasSuffix(got[0], reset) || !strings.Contains(got[1], reset+bold+"three") || ansi.Strip(got[1]) != "    three" || ansi.Strip(got[2]) != "    four" {
		t.Errorf("colour: %q", got)
	}
}
