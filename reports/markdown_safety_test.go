package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// Ids that try to leave their code span: a newline and a heading, raw
// HTML, a tracking image, backticks, a table pipe.
var hostileIDs = []string{ // without '/': an id with one does not load
	"Q1\n# Injected heading\n<img src=https:evil.example?t.png>",
	"Q2`<b>bold<b>`![x](https:evil.example?i.png)",
	"``Q3``\n\n<script>alert(1)<script>",
	"Q4 | cell\r\n---",
	"` Q5 `",
}

// hostileMarkdownLens has a pillar and questions with hostile ids, a choice
// with a hostile id, and an improvement plan linking to javascript:.
func hostileMarkdownLens(t *testing.T) *questions.Lens {
	t.Helper()
	var b strings.Builder
	b.WriteString("schemaVersion: \"2021-11-01\"\nid: \"lens`\\n# lens heading\"\nname: L\npillars:\n  - id: \"p\\n## pillar heading\"\n    name: P\n    questions:\n")
	q := func(s string) string {
		return strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\n", "\\n", "\r", "\\r").Replace(s)
	}
	for _, id := range hostileIDs {
		b.WriteString("      - id: \"" + q(id) + "\"\n        title: T\n        choices:\n")
		b.WriteString("          - {id: \"" + q(id) + "_c\", title: C, improvementPlan: {displayText: Plan, url: \"https://example.com/replaced\"}}\n")
		b.WriteString("          - {id: \"ok_c\", title: OK, improvementPlan: {displayText: Plan, url: \"https://example.com/ok\"}}\n")
		b.WriteString("        riskRules: [{condition: default, risk: HIGH_RISK}]\n")
	}
	l, problems := questions.Parse("hostile.yaml", []byte(b.String()), questions.Options{})
	if l == nil {
		t.Fatalf("lens does not load: %v\n%s", problems, b.String())
	}
	// The loader refuses such links; a lens built in code may not.
	for _, q := range l.Pillars[0].Questions {
		q.Choices[0].ImprovementPlan.URL = "javascript:alert(document.cookie)"
	}
	return l
}

// renderedMarkdown parses Markdown as GitHub does and returns its headings,
// the destinations of its links and images, its code spans and whether it
// holds raw HTML.
func renderedMarkdown(src []byte) (headings, links, codes []string, html bool) {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, nodeText(n, src))
		case *ast.Link:
			links = append(links, string(n.Destination))
		case *ast.Image:
			links = append(links, "image:"+string(n.Destination))
		case *ast.AutoLink:
			links = append(links, string(n.URL(src)))
		case *ast.CodeSpan:
			codes = append(codes, nodeText(n, src))
		case *ast.HTMLBlock, *ast.RawHTML:
			html = true
		}
		return ast.WalkContinue, nil
	})
	return
}

// nodeText is the text a reader sees in a node.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// A lens or question id cannot add headings, HTML or images to the plan or
// to a Markdown diff, and a non-http(s) link never becomes a link (item 17).
func TestMarkdownIDsAndLinksAreInert(t *testing.T) {
	l := hostileMarkdownLens(t)
	r := review.New(l, review.Workload{Name: "w"})
	p := l.Pillars[0]
	for i, q := range p.Questions {
		r.Update(p.ID, q.ID, "me", t0, func(a *review.Answer) { a.Selected = []string{"ok_c"} })
		// As an old file may hold them: links set without AddAction's check.
		r.Actions = append(r.Actions, review.Action{ID: "A" + string(rune('1'+i)) + "\n# action heading", PillarID: p.ID, QuestionID: q.ID,
			Title: "T", Status: review.StatusOpen, Link: []string{"javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd", "//evil.example/x", "https://tickets.example/OK-1"}[i]})
	}
	var plan bytes.Buffer
	if err := WritePlan(&plan, Score(Input{Review: r, Lens: l, Today: t0}), PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	old := review.New(l, review.Workload{Name: "w"})
	var diff bytes.Buffer
	if err := WriteDiffMarkdown(&diff, review.Diff(review.Side{Label: "old", Review: old, Lens: l}, review.Side{Label: "new", Review: r, Lens: l}), DiffOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	var list bytes.Buffer
	var rows []ActionRow
	for _, a := range r.Actions {
		rows = append(rows, ActionRow{File: "r.yaml", Workload: "w", Question: a.PillarID + "/" + a.QuestionID, Action: a})
	}
	if err := WriteActionsMarkdown(&list, rows, "en"); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"plan": plan.Bytes(), "diff": diff.Bytes(), "action list": list.Bytes()} {
		headings, links, codes, html := renderedMarkdown(src)
		for _, h := range headings {
			switch h {
			case "Injected heading", "pillar heading", "lens heading", "action heading":
				t.Errorf("%s: an id made a heading %q:\n%s", name, h, src)
			}
		}
		for _, u := range links {
			if !strings.HasPrefix(u, "https://") { // GFM links bare https URLs in text
				t.Errorf("%s: link or image to %q:\n%s", name, u, src)
			}
		}
		if html {
			t.Errorf("%s: raw HTML:\n%s", name, src)
		}
		if name != "diff" {
			continue
		}
		// Each question id shows whole, on one line, as one code span.
		for _, id := range hostileIDs {
			want := strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(id) // a CR LF is one line break
			found := false
			for _, c := range codes {
				found = found || c == want
			}
			if !found {
				t.Errorf("%s: no code span shows %q; code spans %q", name, want, codes)
			}
		}
	}
	// In the table of the plan (the lens row), the id stays in its cell.
	for _, line := range strings.Split(plan.String(), "\n") {
		if strings.HasPrefix(line, "| Lens |") && unescapedPipes(line) != 3 {
			t.Errorf("lens row split: %s", line)
		}
	}
}

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"OPS1":    "`OPS1`",
		"a`b":     "``a`b``",
		"`a":      "`` `a ``",
		"a``b":    "```a``b```",
		" a ":     "`  a  `",
		" a":      "` a`",
		"a\nb\tc": "`a b c`",
		// Every line break, of any kind, is a space: none may end the
		// line and start a heading or raw HTML.
		"a\u2028# h\u2029<img src=x>": "`a # h <img src=x>`",
		"a\u0085b\r\nc\rd":            "`a b c d`",
		"x\x1b[31m":                   "`x\uFFFD[31m`",
		"":                            "` `",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cellCode("a|b"); got != "`a\\|b`" {
		t.Errorf("cellCode = %q", got)
	}
}

// orderedLens has every text a plan, a summary or a diff quotes start
// like an ordered list marker ("1. ", "2)", "3." alone).
func orderedLens(t *testing.T) *questions.Lens {
	t.Helper()
	src := `schemaVersion: "2021-11-01"
id: ord
name: "1. Lens"
version: "2."
pillars:
  - id: pil
    name: "2) Pillar"
    questions:
      - id: QA1
        title: "3. Question"
        choices:
          - {id: QA1_a, title: "1. First"}
          - {id: QA1_b, title: "123456789) Ninth", improvementPlan: {displayText: "4. Plan step"}}
          - {id: QA1_c, title: "5."}
          - {id: QA1_no, title: None of these}
        riskRules:
          - {condition: QA1_a && QA1_b && QA1_c, risk: NO_RISK}
          - {condition: QA1_a, risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
`
	l := lensFrom(t, "ordered.yaml", src)
	return l
}

// Text that starts like an ordered list marker stays text, with its
// number, wherever the Markdown puts it: a heading, a list item (the
// practices in place, a vote, an action, a diff line), a table cell, a
// block quote or a line of its own.
func TestMarkdownOrderedMarkersStayText(t *testing.T) {
	l := orderedLens(t)
	r := review.New(l, review.Workload{Name: "1. Workload", Owner: "2) team"})
	r.Update("pil", "QA1", "1. alice", t0, func(a *review.Answer) {
		a.Selected = []string{"QA1_a"}
		a.Notes = "6. note"
		a.Votes = []review.Vote{{By: "7) bob", Selected: []string{"QA1_a"}}, {By: "8."}}
	})
	if _, err := r.AddAction(review.Action{PillarID: "pil", QuestionID: "QA1", ChoiceID: "QA1_b", Title: "9. Adopt", Owner: "1) carol"}, "me", t0); err != nil {
		t.Fatal(err)
	}
	s := Score(Input{Review: r, Lens: l, Today: t0})
	docs := markdownDocs(t, markdownInputs{scored: s, summary: []*Scored{s, s},
		diff:    review.Diff(review.Side{Label: "1. old", Review: review.New(l, review.Workload{Name: "1. Workload"}), Lens: l}, review.Side{Label: "2. new", Review: r, Lens: l}),
		history: []HistoryRow{{Name: "1. Q3", Scored: true}, {Name: "current", Current: true, Scored: true}},
		action:  ActionRow{File: "r.yaml", Workload: "1. Workload", Question: "pil/QA1", Action: r.Actions[0]}})
	for name, src := range docs {
		var page bytes.Buffer
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(src.Bytes(), &page); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(page.String(), "<ol") || !strings.Contains(page.String(), "1. Workload") {
			t.Errorf("%s: an ordered list, or \"1. Workload\" not shown as written:\n%s", name, page.String())
		}
	}
	for _, want := range []string{"- 1\\. First\n", "### QA1 3\\. Question\n", "- **123456789\\) Ninth**: 4\\. Plan step\n", "- **5\\.**\n", "> 6\\. note", "- 7\\) bob: ", "- 8\\.: nothing"} {
		if !strings.Contains(docs["plan"].String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, docs["plan"])
		}
	}
}

// An ordered list marker is 1 to 9 digits, then "." or ")", then a space
// or the end: only those are escaped.
func TestInlineOrderedMarker(t *testing.T) {
	for in, want := range map[string]string{
		"1. First":        `1\. First`,
		"12) Second":      `12\) Second`,
		"3.":              `3\.`,
		"  4.  padded ":   `4\. padded`,
		"123456789. nine": `123456789\. nine`,
		"1234567890. ten": "1234567890. ten",
		"1.5 hours":       "1.5 hours",
		"v1. beta":        "v1. beta",
		"1 . spaced":      "1 . spaced",
		"2026) & more":    `2026\) & more`,
		"1.\tTab":         `1\. Tab`,
	} {
		if got := inline(in); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
}

// No Markdown line ends in a space (but the two of a hard line break in
// a block quote) when a title or a name is empty: no "### QA2 ", no
// "- `QA2` ", no "# Improvement plan: ".
func TestMarkdownEmptyTitlesLeaveNoTrailingSpace(t *testing.T) {
	src := `schemaVersion: "2021-11-01"
id: empty
name: L
pillars:
  - id: pil
    name: P
    questions:
      - id: QA1
        title: ""
        choices:
          - {id: QA1_a, title: ""}
          - {id: QA1_b, title: "  "}
        riskRules: [{condition: QA1_a && QA1_b, risk: NO_RISK}, {condition: QA1_a, risk: MEDIUM_RISK}, {condition: default, risk: HIGH_RISK}]
      - id: QA2
        title: " "
        choices: [{id: QA2_a, title: A}]
        riskRules: [{condition: default, risk: HIGH_RISK}]
      - id: QA3
        title: ""
        choices: [{id: QA3_a, title: A}]
        riskRules: [{condition: default, risk: NO_RISK}]
      - id: QA4
        title: ""
        choices: [{id: QA4_a, title: A}]
        riskRules: [{condition: default, risk: HIGH_RISK}]
      - id: QA5
        title: ""
        choices: [{id: QA5_a, title: A}]
        riskRules: [{condition: default, risk: HIGH_RISK}]
`
	l := lensFrom(t, "empty.yaml", src)
	r := review.New(l, review.Workload{Name: ""})
	old := review.New(l, review.Workload{Name: ""})
	r.Update("pil", "QA1", "me", t0, func(a *review.Answer) {
		a.Selected = []string{"QA1_a"}
		a.Votes = []review.Vote{{By: "a", Selected: []string{"QA1_a"}}, {By: "b"}}
		a.TimeSpent = time.Minute
	})
	r.Update("pil", "QA2", "me", t0, func(a *review.Answer) { a.Selected = []string{"QA2_a"} })
	r.Update("pil", "QA3", "me", t0, func(a *review.Answer) { a.Selected = []string{"QA3_a"} })
	r.Update("pil", "QA4", "me", t0, func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OTHER" })
	r.Actions = append(r.Actions, review.Action{ID: "A1", PillarID: "pil", QuestionID: "QA3", Status: review.StatusOpen},
		review.Action{ID: "A2", PillarID: "pil", QuestionID: "QA1", ChoiceID: "QA1_b", Status: review.StatusOpen})
	s := Score(Input{Review: r, Lens: l, Today: t0})
	docs := markdownDocs(t, markdownInputs{scored: s, summary: []*Scored{s},
		diff:    review.Diff(review.Side{Label: "old", Review: old, Lens: l}, review.Side{Label: "new", Review: r, Lens: l}),
		history: []HistoryRow{{Name: "current", Current: true, Scored: true}},
		action:  ActionRow{File: "r.yaml", Question: "pil/QA1", Action: r.Actions[0]}})
	for name, b := range docs {
		for i, line := range strings.Split(b.String(), "\n") {
			if strings.HasSuffix(line, " ") && !(strings.HasPrefix(line, "> ") && strings.HasSuffix(line, "  ")) {
				t.Errorf("%s: line %d ends in a space: %q", name, i+1, line)
			}
		}
	}
	for _, want := range []string{"\n### QA1\n", "\n### QA2\n", "\n- `QA3`\n", "\n- [ ] **A1** (open)\n", "# Improvement plan:\n", "\n- `QA1_a`\n", "\n- **`QA1_b`**\n"} {
		if !strings.Contains(docs["plan"].String(), want) {
			t.Errorf("plan lacks %q:\n%s", want, docs["plan"])
		}
	}
}

// lensFrom is the lens of a test's YAML source.
func lensFrom(t testing.TB, name, src string) *questions.Lens {
	t.Helper()
	l, problems := questions.Parse(name, []byte(src), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	return l
}

// markdownInputs are what markdownDocs writes from: a scored review, the
// reviews of a summary, a diff, the rows of a history (under the scored
// review's workload name) and an action of the action list.
type markdownInputs struct {
	scored  *Scored
	summary []*Scored
	diff    *review.DiffResult
	history []HistoryRow
	action  ActionRow
}

// markdownDocs are every Markdown output wafr writes, by name, from in.
func markdownDocs(t *testing.T, in markdownInputs) map[string]*bytes.Buffer {
	t.Helper()
	docs := map[string]*bytes.Buffer{}
	write := func(name string, f func(*bytes.Buffer) error) {
		docs[name] = &bytes.Buffer{}
		if err := f(docs[name]); err != nil {
			t.Fatal(err)
		}
	}
	write("plan", func(b *bytes.Buffer) error { return WritePlan(b, in.scored, PlanOptions{}) })
	write("terminal plan", func(b *bytes.Buffer) error { return WritePlan(b, in.scored, PlanOptions{Terminal: true}) })
	write("summary", func(b *bytes.Buffer) error { return WriteSummaryMarkdown(b, in.summary) })
	write("diff", func(b *bytes.Buffer) error { return WriteDiffMarkdown(b, in.diff, DiffOptions{All: true}) })
	write("history", func(b *bytes.Buffer) error {
		return WriteHistoryMarkdown(b, in.scored.Workload.Name, in.history, "en")
	})
	write("actions", func(b *bytes.Buffer) error { return WriteActionsMarkdown(b, []ActionRow{in.action}, "en") })
	return docs
}
