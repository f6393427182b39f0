package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

var t0 = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

const trickyNotes = "Checkout only | payments # later\n`kubectl` is run by hand; <b>not</b> *automated*\n- not a list\n1. not a list either\n日本語のメモ：手順書がない"

// fixture is the built-in lens with every risk level, a not-applicable
// question, notes full of Markdown syntax, and Japanese text.
func fixture(t testing.TB) (*review.Review, *questions.Lens) {
	t.Helper()
	l, err := questions.Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "決済 API | payments", Environment: review.Production, Owner: "payments-team"})
	set := func(q, by string, fn func(*review.Answer)) {
		r.Update("operationalExcellence", q, by, t0, fn)
	}
	set("OPS1", "alice", func(a *review.Answer) {
		a.Selected = []string{"OPS1_users", "OPS1_slo", "OPS1_downtime"} // MEDIUM
		a.Notes = trickyNotes
	})
	set("OPS2", "bob", func(a *review.Answer) { a.Selected = []string{"OPS2_no"} }) // HIGH
	set("OPS3", "alice", func(a *review.Answer) {
		a.NotApplicable, a.Reason, a.Notes = true, "OUT_OF_SCOPE", "Batch only | no users"
	})
	set("OPS4", "鈴木", func(a *review.Answer) { // NONE
		a.Selected = []string{"OPS4_symptoms", "OPS4_actionable", "OPS4_slo_alerts", "OPS4_ops_metrics", "OPS4_review", "OPS4_coverage"}
	})
	set("OPS5", "bob", func(a *review.Answer) { a.Selected = []string{"OPS5_roles"} }) // HIGH
	// OPS6 is unanswered. Actions: one overdue, one done, one accepted,
	// one on a question with no risk.
	add := func(q, choice, owner, due string) *review.Action {
		a, err := r.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: q, ChoiceID: choice, Title: "Adopt " + choice, Owner: owner, Due: due}, "alice", t0)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	add("OPS2", "OPS2_telemetry", "bob", "2026-11-01").Link = "https://tickets.example/OPS-1"
	add("OPS2", "OPS2_pipeline", "carol | ops", "2026-12-31")
	done := "done"
	r.UpdateAction(add("OPS1", "OPS1_budget", "alice", "").ID, review.ActionChange{Status: &done}, "alice", t0)
	accepted, why := "accepted-risk", "Cost | too high this year"
	r.UpdateAction(add("OPS5", "OPS5_commander", "", "").ID, review.ActionChange{Status: &accepted, Reason: &why}, "bob", t0)
	add("OPS4", "OPS4_business", "dan", "")
	return r, l
}

func scoredFixture(t testing.TB) *Scored {
	r, l := fixture(t)
	return Score(Input{File: "review.yaml", Review: r, Lens: l, Today: t0})
}

func TestFixtureHasEveryLevel(t *testing.T) {
	s := scoredFixture(t)
	want := []questions.Risk{questions.MediumRisk, questions.HighRisk, questions.NotApplicable, questions.NoRisk, questions.HighRisk, questions.Unanswered}
	for i, q := range s.Pillars[0].Questions {
		if q.Risk != want[i] {
			t.Errorf("%s = %s, want %s", q.ID, q.Risk, want[i])
		}
	}
}

func TestGoldenReports(t *testing.T) {
	s := scoredFixture(t)
	cases := map[string]func(*bytes.Buffer) error{
		"plan.md":          func(b *bytes.Buffer) error { return WritePlan(b, s, PlanOptions{}) },
		"report.json":      func(b *bytes.Buffer) error { return WriteReportJSON(b, s) },
		"report.csv":       func(b *bytes.Buffer) error { return WriteCSV(b, s) },
		"summary.txt":      func(b *bytes.Buffer) error { return WriteSummaryText(b, s, TextOptions{}) },
		"summary.md":       func(b *bytes.Buffer) error { return WriteSummaryMarkdown(b, []*Scored{s}) },
		"summary.json":     func(b *bytes.Buffer) error { return WriteSummaryJSON(b, []*Scored{s}) },
		"consolidated.txt": func(b *bytes.Buffer) error { return WriteConsolidatedText(b, consolidatedFixture(t), TextOptions{}) },
		"consolidated.md":  func(b *bytes.Buffer) error { return WriteSummaryMarkdown(b, consolidatedFixture(t)) },
	}
	for name, write := range cases {
		t.Run(strings.ReplaceAll(name, ".", "_"), func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// consolidatedFixture is three reviews of two lenses.
func consolidatedFixture(t testing.TB) []*Scored {
	a := scoredFixture(t)
	r, l := fixture(t)
	r.Workload.Name = "Search"
	for _, q := range []string{"OPS2", "OPS5"} {
		r.Update("operationalExcellence", q, "carol", t0, func(a *review.Answer) { a.Selected = []string{q + "_no"}; a.NotApplicable = true })
	}
	b := Score(Input{File: "search.yaml", Review: r, Lens: l})
	l2, err := questions.Load("../testdata/aws/reused-ids-nested.json")
	if err != nil {
		t.Fatal(err)
	}
	r2 := review.New(l2, review.Workload{Name: "Cost"})
	r2.Update("inform", "finops_co_q4", "dan", t0, func(a *review.Answer) { a.Selected = []string{"choice2"} })
	c := Score(Input{File: "cost.yaml", Review: r2, Lens: l2})
	return []*Scored{b, c, a}
}

func TestConsolidatedOrderAndTotals(t *testing.T) {
	all := consolidatedFixture(t)
	var b bytes.Buffer
	WriteConsolidatedText(&b, all, TextOptions{})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("want header, 3 rows, total:\n%s", b.String())
	}
	// Most HIGH first: payments (2 HIGH), cost (1 HIGH), search (0).
	for i, want := range []string{"決済 API | payments", "Cost", "Search", "Total"} {
		if !strings.HasPrefix(lines[i+1], want) {
			t.Errorf("row %d = %q, want %s first", i+1, lines[i+1], want)
		}
	}
	if !strings.Contains(lines[2], "reused-ids-nested") || !strings.Contains(lines[1], "ops 1.0.0") {
		t.Error("rows do not say which lens each uses")
	}
	if !strings.Contains(lines[4], "3 reviews") || !strings.Contains(lines[4], "11/14") {
		t.Errorf("total row %q", lines[4])
	}
}

// The plan is valid CommonMark with a sound heading structure, and every
// table row has its header's column count: lens text and notes cannot
// break either.
func TestPlanMarkdownStructure(t *testing.T) {
	var b bytes.Buffer
	if err := WritePlan(&b, scoredFixture(t), PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	src := b.Bytes()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	var headings []string
	var tables int
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			var raw strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw.Write(seg.Value(src))
			}
			headings = append(headings, strings.Repeat("#", n.Level)+" "+strings.ReplaceAll(raw.String(), `\`, ""))
		case *extast.Table:
			tables++
		}
		return ast.WalkContinue, nil
	})
	want := []string{
		"# Improvement plan: 決済 API | payments",
		"## HIGH risk", "### OPS2 How do you design the workload so that it is easier to operate?",
		"### OPS5 How do you manage events and failures while the workload is running?",
		"## MEDIUM risk", "### OPS1 How do you decide what drives your operational priorities?",
		"## Other actions", "## Not applicable", "## Unanswered", "## No risk",
	}
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
	}
	if tables != 3 {
		t.Errorf("%d tables, want 3 (header, risk counts, not applicable)", tables)
	}
	// Raw check: in each table, every row has as many unescaped pipes as
	// its header (GFM would silently drop or pad cells).
	header := -1
	for i, line := range strings.Split(string(src), "\n") {
		if !strings.HasPrefix(line, "|") {
			header = -1
			continue
		}
		n := unescapedPipes(line)
		if header < 0 {
			header = n
		} else if n != header {
			t.Errorf("line %d has %d cells, header %d: %s", i+1, n-1, header-1, line)
		}
	}
	// The notes keep their line breaks and show their text, escaped.
	if !strings.Contains(string(src), "> Checkout only \\| payments \\# later  \n> \\`kubectl\\` is run by hand; \\<b\\>not\\</b\\> \\*automated\\*  \n> \\- not a list  \n> 1\\. not a list either") {
		t.Errorf("notes not escaped line by line:\n%s", src)
	}
	// Mermaid pie of the risk counts.
	if !strings.Contains(string(src), "```mermaid\npie showData\n    title Questions by risk\n    \"HIGH\" : 2\n") {
		t.Error("no mermaid pie")
	}
}

func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '|' {
			n++
		}
	}
	return n
}

func TestPlanPillarOrder(t *testing.T) {
	r, _ := fixture(t)
	l, err := questions.Load("../testdata/aws/reused-ids-nested.json")
	if err != nil {
		t.Fatal(err)
	}
	r2 := review.New(l, review.Workload{Name: "w"})
	r2.Update("inform", "finops_co_q4", "x", t0, func(a *review.Answer) { a.Selected = []string{"choice1"} })   // MEDIUM
	r2.Update("optimize", "finops_co_q4", "x", t0, func(a *review.Answer) { a.Selected = []string{"choice2"} }) // MEDIUM
	_ = r
	s := Score(Input{Review: r2, Lens: l})
	var def, ordered bytes.Buffer
	WritePlan(&def, s, PlanOptions{})
	WritePlan(&ordered, s, PlanOptions{PillarOrder: []string{"optimize"}})
	first := func(b bytes.Buffer) int {
		return strings.Index(b.String(), "Pillar: Optimize") - strings.Index(b.String(), "Pillar: Inform")
	}
	if first(def) < 0 || first(ordered) > 0 {
		t.Errorf("pillar order not applied")
	}
}

func TestReportJSONSchema(t *testing.T) {
	var b bytes.Buffer
	WriteReportJSON(&b, scoredFixture(t))
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["schema"] != Schema {
		t.Errorf("schema %v", got["schema"])
	}
	q := got["pillars"].([]any)[0].(map[string]any)["questions"].([]any)[0].(map[string]any)
	if q["risk"] != "MEDIUM" || q["notes"] != trickyNotes || len(q["missing"].([]any)) != 4 || len(q["selected"].([]any)) != 3 {
		t.Errorf("question JSON %v", q)
	}
	counts := got["counts"].(map[string]any)
	if counts["high"] != 2.0 || counts["unanswered"] != 1.0 {
		t.Errorf("counts %v", counts)
	}
}

func TestCSVRows(t *testing.T) {
	var b bytes.Buffer
	WriteCSV(&b, scoredFixture(t))
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	l, _ := questions.Load("builtin:ops")
	want := 1
	for _, q := range l.Pillars[0].Questions {
		want += len(q.Choices) // every choice, "None of these" too, as the README says
	}
	if len(rows) != want {
		t.Errorf("%d rows, want %d", len(rows), want)
	}
	found := false
	for _, row := range rows {
		if row[4] == "OPS1_no" {
			found = row[6] == "false"
		}
	}
	if !found {
		t.Error("no ticked=false row for OPS1's unticked \"None of these\"")
	}
	if rows[1][1] != "OPS1" || rows[1][4] != "OPS1_users" || rows[1][6] != "true" || rows[1][8] != trickyNotes {
		t.Errorf("first row %q", rows[1])
	}
	if cleanCell("=HYPERLINK(1)") != "'=HYPERLINK(1)" {
		t.Error("formula not defused")
	}
}

func TestSummaryTextAlignsJapanese(t *testing.T) {
	r, l := fixture(t)
	l2 := *l
	p := *l.Pillars[0]
	p.Name = "運用上の優秀性"
	l2.Pillars = []*questions.Pillar{&p}
	var b bytes.Buffer
	WriteSummaryText(&b, Score(Input{Review: r, Lens: &l2}), TextOptions{})
	lines := strings.Split(b.String(), "\n")
	var table []string
	for _, line := range lines {
		if strings.HasPrefix(line, "PILLAR") || strings.HasPrefix(line, "運用") || strings.HasPrefix(line, "Total") {
			table = append(table, line)
		}
	}
	if len(table) != 3 {
		t.Fatalf("table %q", table)
	}
	// The bars start in the same column, two after the header's end.
	want := displayCol(table[0]+"|", "|") + 2
	for _, row := range table[1:] {
		if c := displayCol(row, "█"); c != want {
			t.Errorf("row %q: bar at column %d, want %d", row, c, want)
		}
	}
}

func TestSummaryColourOnlyWhenAsked(t *testing.T) {
	s := scoredFixture(t)
	var plainOut bytes.Buffer
	WriteSummaryText(&plainOut, s, TextOptions{Color: false})
	if strings.Contains(plainOut.String(), "\x1b[") {
		t.Error("escape codes without colour")
	}
}

func TestPlanTaskLists(t *testing.T) {
	var b bytes.Buffer
	WritePlan(&b, scoredFixture(t), PlanOptions{})
	plan := b.String()
	for _, want := range []string{
		"- [ ] **A1** Adopt OPS2\\_telemetry (owner bob, due 2026-11-01 (**overdue**), open, [ticket](https://tickets.example/OPS-1))",
		"- [ ] **A2** Adopt OPS2\\_pipeline (owner carol \\| ops, due 2026-12-31, open)",
		"- [x] **A3** Adopt OPS1\\_budget (owner alice, done)",
		"- [x] **A4** Adopt OPS5\\_commander (accepted-risk, reason: Cost \\| too high this year)",
		"| Actions | 3 open (1 overdue), 1 done, 1 accepted as risk |",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("plan lacks %q", want)
		}
	}
	if !strings.Contains(plan, "`OPS4` How do you know that the workload is operated properly and is healthy? (NONE):\n\n- [ ] **A5**") {
		t.Error("action on a question with no risk is missing")
	}
}

// displayCol is the display column at which sub starts in s, or -1.
func displayCol(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(s[:i])
}

// The terminal summary fits 60, 80 and 120 columns.
func TestGoldenSummaryWidths(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		t.Run(strconv.Itoa(w), func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteSummaryText(&b, scoredFixture(t), TextOptions{Width: w}); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(b.String(), "\n") {
				if ansi.StringWidth(line) > w {
					t.Errorf("%d columns: %q is %d wide", w, line, ansi.StringWidth(line))
				}
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// The plan renders in a Markdown terminal viewer (glamour, which glow uses)
// with its headings, tables and task lists intact.
func TestPlanRendersWithGlamour(t *testing.T) {
	var b bytes.Buffer
	WritePlan(&b, scoredFixture(t), PlanOptions{})
	out, err := glamour.Render(b.String(), "notty")
	if err != nil {
		t.Fatal(err)
	}
	plain := ansi.Strip(out)
	for _, want := range []string{"Improvement plan: 決済 API | payments", "HIGH risk", "OPS2 How do you design", "[ ] **A1**", "[x] **A3**", "Checkout only | payments # later"} {
		if !strings.Contains(plain, want) {
			t.Errorf("rendered plan lacks %q", want)
		}
	}
}

// Colour is emitted exactly when the caller asks for it, whatever the
// process's own stdout is (under go test it is not a terminal, so a
// renderer that guessed from it would never colour).
func TestTextColourOnlyWhenAsked(t *testing.T) {
	s := scoredFixture(t)
	for _, color := range []bool{true, false} {
		var b bytes.Buffer
		if err := WriteSummaryText(&b, s, TextOptions{Color: color, Width: 80}); err != nil {
			t.Fatal(err)
		}
		if has := strings.Contains(b.String(), "\x1b["); has != color {
			t.Errorf("Color %v: escape codes present = %v:\n%q", color, has, b.String())
		}
	}
}

// The plan is written into a buffer grown once to planSize, never
// doubled on the way: planSize holds every plan (the generated 57
// questions with their resources, the fixture with notes and actions, a
// live review with votes, in English and Japanese, for a file and for a
// terminal), and is not far above it.
func TestPlanSizeHoldsThePlan(t *testing.T) {
	for name, s := range map[string]*Scored{
		"generated": scored57(t), "fixture": scoredFixture(t),
		"live": liveReview(t, "builtin:ops"), "live ja": liveReview(t, "builtin:ops-ja"),
	} {
		for _, terminal := range []bool{false, true} {
			var b bytes.Buffer
			if err := WritePlan(&b, s, PlanOptions{Terminal: terminal}); err != nil {
				t.Fatal(err)
			}
			size := planSize(s)
			if b.Len() > size || size > 2*b.Len()+8<<10 {
				t.Errorf("%s (terminal %v): planSize %d for a plan of %d bytes", name, terminal, size, b.Len())
			}
			var once bytes.Buffer
			once.Grow(size)
			if b.Cap() != once.Cap() {
				t.Errorf("%s (terminal %v): the plan's buffer holds %d bytes, want the %d of one growth to planSize", name, terminal, b.Cap(), once.Cap())
			}
		}
	}
}

// formulaTexts start as OWASP's CSV injection page says a spreadsheet
// runs a formula ("=", "+", "-", "@", a tab, a carriage return), each
// with the start of the cell it must give: defused with "'" (a carriage
// return is a line break once textsafe.Clean has read it).
var formulaTexts = map[string]string{"=1+1": "'=1+1", "+1+1": "'+1+1", "-1+1": "'-1+1", "@SUM(1)": "'@SUM(1)", "\t=1+1": "'\t=1+1", "\r=1+1": "'\n=1+1", "\n=1+1": "'\n=1+1"}

// Every cell of the plan's and the action list's CSV that starts like a
// formula is defused with a leading "'": lens text, notes, actions.
func TestCSVDefusesEveryFormulaStart(t *testing.T) {
	quoted := strconv.Quote // YAML reads Go's escapes
	for f, want := range formulaTexts {
		src := "schemaVersion: \"2021-11-01\"\nid: csv\nname: L\npillars:\n  - id: pil\n    name: " + quoted(f+" pillar") +
			"\n    questions:\n      - id: QA1\n        title: " + quoted(f+" question") + "\n        choices:\n" +
			"          - {id: QA1_a, title: " + quoted(f+" choice") + ", improvementPlan: {displayText: " + quoted(f+" plan") + "}}\n" +
			"        riskRules: [{condition: default, risk: HIGH_RISK}]\n"
		l, problems := questions.Parse("csv.yaml", []byte(src), questions.Options{})
		if l == nil {
			t.Fatalf("%q: %v", f, problems)
		}
		r := review.New(l, review.Workload{Name: f + " workload"})
		r.Update("pil", "QA1", "me", t0, func(a *review.Answer) { a.Notes = f + " note" })
		a, err := r.AddAction(review.Action{PillarID: "pil", QuestionID: "QA1", ChoiceID: "QA1_a", Title: f + " title", Owner: f + " owner"}, "me", t0)
		if err != nil {
			t.Fatal(err)
		}
		var plan, actions bytes.Buffer
		if err := WriteCSV(&plan, Score(Input{Review: r, Lens: l, Today: t0})); err != nil {
			t.Fatal(err)
		}
		if err := WriteActionsCSV(&actions, []ActionRow{{File: f + ".yaml", Workload: r.Workload.Name, Question: "pil/QA1", Action: *a}}); err != nil {
			t.Fatal(err)
		}
		cells := map[string]string{}
		for name, out := range map[string]*bytes.Buffer{"report": &plan, "actions": &actions} {
			rows, err := csv.NewReader(out).ReadAll()
			if err != nil || len(rows) != 2 {
				t.Fatalf("%s CSV of %q: %d rows, %v", name, f, len(rows), err)
			}
			for i, cell := range rows[1] {
				cells[name+"."+rows[0][i]] = cell
			}
		}
		for _, key := range []string{"report.pillar", "report.question_title", "report.choice_title", "report.improvement_plan", "report.notes",
			"actions.workload", "actions.file", "actions.title", "actions.owner"} {
			if !strings.HasPrefix(cells[key], want) {
				t.Errorf("%q: %s is %q, want it to start %q", f, key, cells[key], want)
			}
		}
	}
}

// noneLikeLens has two choices that read as "None of these" without the
// "_no" id (lint warns of both): by title, and by an id ending "_none".
func noneLikeLens(t *testing.T) *questions.Lens {
	t.Helper()
	src := `schemaVersion: "2021-11-01"
id: nonelike
name: L
pillars:
  - id: pil
    name: P
    questions:
      - id: QA1
        title: T
        choices:
          - {id: QA1_a, title: Practice A, improvementPlan: {displayText: Do A}}
          - {id: QA1_b, title: Practice B, improvementPlan: {displayText: Do B}}
          - {id: choice6, title: None of the above apply to us., improvementPlan: {displayText: Do none}}
          - {id: QA1_none, title: Nothing, improvementPlan: {displayText: Do nothing}}
        riskRules: [{condition: QA1_a && QA1_b, risk: NO_RISK}, {condition: default, risk: HIGH_RISK}]
`
	return lensFrom(t, "nonelike.yaml", src)
}

// A choice that reads as "None of these" is no practice to adopt: the
// plan (Markdown, terminal, HTML) and the JSON's missing practices leave
// it out, while what lists every choice or what was ticked keeps it.
func TestNoneLikeChoicesAreNotToDo(t *testing.T) {
	l := noneLikeLens(t)
	for _, ticked := range [][]string{{"QA1_a"}, {"choice6", "QA1_none"}} {
		r := review.New(l, review.Workload{Name: "w"})
		r.Update("pil", "QA1", "me", t0, func(a *review.Answer) { a.Selected = ticked })
		s := Score(Input{Review: r, Lens: l, Today: t0})
		var md, js, table bytes.Buffer
		if err := WritePlan(&md, s, PlanOptions{}); err != nil {
			t.Fatal(err)
		}
		WriteReportJSON(&js, s)
		WriteCSV(&table, s)
		term := terminalPlan(t, s, 100, false)
		page := string(renderHTML(t, s, HTMLOptions{}))
		for name, out := range map[string]string{"Markdown": md.String(), "terminal": term, "HTML": page} {
			if !strings.Contains(out, "Do B") {
				t.Errorf("%s (ticked %v): the missing practice B is not listed:\n%s", name, ticked, out)
			}
			for _, bad := range []string{"Do none", "Do nothing"} {
				if strings.Contains(out, bad) {
					t.Errorf("%s (ticked %v): %q is listed as a practice to adopt:\n%s", name, ticked, bad, out)
				}
			}
		}
		q := s.Pillars[0].Questions[0]
		var missing, selected []string
		for _, c := range q.Missing {
			missing = append(missing, c.ID)
		}
		for _, c := range q.Selected {
			selected = append(selected, c.ID)
		}
		wantMissing := []string{"QA1_b"}
		if len(ticked) > 1 {
			wantMissing = []string{"QA1_a", "QA1_b"}
		}
		if !slices.Equal(missing, wantMissing) || !slices.Equal(selected, ticked) {
			t.Errorf("ticked %v: missing %v, selected %v", ticked, missing, selected)
		}
		if listed, want := strings.Contains(js.String(), `"id": "choice6"`), len(ticked) > 1; listed != want { // only as ticked
			t.Errorf("ticked %v: JSON lists choice6: %v, want %v", ticked, listed, want)
		}
		if n := strings.Count(table.String(), ",choice6,"); n != 1 {
			t.Errorf("CSV has %d rows of choice6, want 1 (every choice)", n)
		}
	}
}

// Two reviews of a table with the same workload name are told apart by
// their files; a name that is the table's alone stays as it is.
func TestConsolidatedNamesTheFilesOfTwins(t *testing.T) {
	all := consolidatedFixture(t)
	all[1].Workload.Name = "Search" // cost.yaml is called Search too
	var text, md bytes.Buffer
	if err := WriteConsolidatedText(&text, all, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummaryMarkdown(&md, all); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "md": md.String()} {
		for _, want := range []string{"Search (search.yaml)", "Search (cost.yaml)"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q:\n%s", name, want, out)
			}
		}
		if strings.Contains(out, "(payments") || strings.Contains(out, ".yaml)") && strings.Count(out, ".yaml)") != 2 {
			t.Errorf("%s: a file named beside a workload name no other review has:\n%s", name, out)
		}
	}
}
