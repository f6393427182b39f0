package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// diffFixture: the report fixture as a milestone, then a later state with
// one question of each kind of change.
func diffFixture(t testing.TB) *review.DiffResult {
	before, l := fixture(t)
	after, _ := fixture(t)
	set := func(q string, fn func(*review.Answer)) { after.Update("operationalExcellence", q, "carol", t0, fn) }
	set("OPS1", func(a *review.Answer) { a.Selected = []string{"OPS1_users"}; a.Notes = "Regressed: SLOs | dropped" }) // MEDIUM -> HIGH
	set("OPS2", func(a *review.Answer) { a.Selected = []string{"OPS2_telemetry", "OPS2_pipeline"} })                   // HIGH -> MEDIUM
	set("OPS3", func(a *review.Answer) { a.NotApplicable, a.Reason = false, ""; a.Selected = []string{"OPS3_no"} })    // N/A -> HIGH
	set("OPS6", func(a *review.Answer) { a.NotApplicable, a.Reason = true, "BUSINESS_PRIORITIES" })                    // unanswered -> N/A
	done := review.StatusDone
	after.UpdateAction("A5", review.ActionChange{Status: &done}, "dan", t0) // completed
	after.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: "OPS1", ChoiceID: "OPS1_slo", Title: "Restore SLOs"}, "carol", t0)
	return review.Diff(review.Side{Label: "review.yaml@2026 Q3", Review: before, Lens: l}, review.Side{Label: "review.yaml", Review: after, Lens: l})
}

func TestGoldenDiff(t *testing.T) {
	d := diffFixture(t)
	if d.Regressions() != 2 { // OPS1 MEDIUM -> HIGH, and OPS3 back from N/A at HIGH
		t.Fatalf("regressions %d", d.Regressions())
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"diff.txt":      func(b *bytes.Buffer) error { return WriteDiffText(b, d, DiffOptions{}) },
		"diff_all.txt":  func(b *bytes.Buffer) error { return WriteDiffText(b, d, DiffOptions{All: true}) },
		"diff.md":       func(b *bytes.Buffer) error { return WriteDiffMarkdown(b, d, DiffOptions{}) },
		"diff.json":     func(b *bytes.Buffer) error { return WriteDiffJSON(b, d, DiffOptions{}) },
		"history.txt":   func(b *bytes.Buffer) error { return WriteHistoryText(b, "Payments", historyFixture(), TextOptions{}) },
		"history.md":    func(b *bytes.Buffer) error { return WriteHistoryMarkdown(b, "Payments", historyFixture(), "") },
		"history.json":  func(b *bytes.Buffer) error { return WriteHistoryJSON(b, "Payments", historyFixture()) },
		"questions.txt": func(b *bytes.Buffer) error { return WriteQuestionLines(b, scoredFixture(t)) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

func historyFixture() []HistoryRow {
	row := func(name, date string, h, m, n, na, un int, scored bool) HistoryRow {
		c := scoring.Counts{High: h, Medium: m, None: n, NotApplicable: na, Unanswered: un}
		return HistoryRow{Name: name, Date: date, Answered: c.Answered(), Total: c.Total(), Counts: c, Scored: scored}
	}
	rows := []HistoryRow{
		row("2026 Q1", "2026-02-01T10:00:00Z", 5, 1, 0, 0, 0, true),
		row("2026 Q2", "2026-05-01T10:00:00Z", 3, 2, 1, 0, 0, false),
		row("2026 Q3", "2026-08-01T10:00:00Z", 3, 2, 1, 0, 0, true),
		row("current", "2026-11-25T10:00:00Z", 1, 2, 2, 1, 0, true),
	}
	rows[2].Actions = ActionCounts{Open: 3}
	rows[3].Actions = ActionCounts{Open: 1, Done: 1, AcceptedRisk: 1}
	rows[3].Current = true
	return rows
}

func TestSparkline(t *testing.T) {
	if got := sparkline([]int{0, 4, 8, 2}); got != "▁▄█▂" {
		t.Errorf("sparkline = %q", got)
	}
	if got := sparkline([]int{0, 0}); got != "▁▁" {
		t.Errorf("all zero = %q", got)
	}
}

// Diffing two fully answered 200-question reviews. Target: under 1 ms.
func BenchmarkDiff200Questions(b *testing.B) {
	r1, l := scored200(b)
	r2, _ := scored200(b)
	for _, p := range l.Pillars {
		for i, q := range p.Questions {
			if i%4 == 0 {
				r2.Update(p.ID, q.ID, "x", t0, func(a *review.Answer) { a.Selected = []string{q.Choices[0].ID, q.Choices[1].ID} })
			}
		}
	}
	for b.Loop() {
		review.Diff(review.Side{Review: r1, Lens: l}, review.Side{Review: r2, Lens: l})
	}
}

// A side whose lens is missing cannot count its unanswered questions: the
// diff says so rather than "Unanswered 0 -> N" (issue 14 item 20).
func TestDiffWithALensMissing(t *testing.T) {
	r, l := fixture(t)
	for _, c := range []struct {
		old, new review.Side
		want     string
	}{
		{review.Side{Label: "old.yaml", Review: r}, review.Side{Label: "new.yaml", Review: r, Lens: l}, "Unanswered ? -> 1"},
		{review.Side{Label: "old.yaml", Review: r, Lens: l}, review.Side{Label: "new.yaml", Review: r}, "Unanswered 1 -> ?"},
	} {
		d := review.Diff(c.old, c.new)
		var text, md bytes.Buffer
		WriteDiffText(&text, d, DiffOptions{})
		WriteDiffMarkdown(&md, d, DiffOptions{})
		missing := "the lens it was answered with is missing"
		if !strings.Contains(text.String(), c.want) || !strings.Contains(text.String(), missing) || strings.Contains(text.String(), "Unanswered 0") {
			t.Errorf("text:\n%s", text.String())
		}
		if !strings.Contains(md.String(), "| Unanswered | ") || !strings.Contains(md.String(), "| ? |") || !strings.Contains(md.String(), missing) {
			t.Errorf("markdown:\n%s", md.String())
		}
		// The JSON agrees: the side the text counts "?" has null.
		var js bytes.Buffer
		WriteDiffJSON(&js, d, DiffOptions{})
		type side struct{ Counts map[string]any }
		var out struct{ Old, New side }
		if err := json.Unmarshal(js.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		for _, s := range []struct {
			counts map[string]any
			scored bool
		}{{out.Old.Counts, c.old.Lens != nil}, {out.New.Counts, c.new.Lens != nil}} {
			if u, ok := s.counts["unanswered"]; !ok || (u == nil) == s.scored || s.counts["high"] == nil {
				t.Errorf("JSON side scored %v: counts %v\n%s", s.scored, s.counts, js.String())
			}
		}
	}
}

// A history row scored without its lens cannot count its questions: the
// JSON has null where the text has "?" ("2/?"), numbers elsewhere.
func TestHistoryJSONUnknownCounts(t *testing.T) {
	r, l := fixture(t)
	rows := []HistoryRow{historyRow(review.Side{Review: r}, "m", t0, false, t0), historyRow(review.Side{Review: r, Lens: l}, "current", t0, true, t0)}
	var text, js bytes.Buffer
	WriteHistoryText(&text, "w", rows, TextOptions{})
	if !strings.Contains(text.String(), fmt.Sprintf(" %d/? ", rows[0].Answered)) {
		t.Errorf("text:\n%s", text.String())
	}
	WriteHistoryJSON(&js, "w", rows)
	var out struct {
		Rows []struct {
			Answered *int
			Total    *int
			Counts   struct{ High, Unanswered *int }
		}
	}
	if err := json.Unmarshal(js.Bytes(), &out); err != nil || len(out.Rows) != 2 {
		t.Fatalf("%v:\n%s", err, js.String())
	}
	if m := out.Rows[0]; m.Total != nil || m.Counts.Unanswered != nil || m.Answered == nil || *m.Answered != rows[0].Answered || m.Counts.High == nil {
		t.Errorf("row scored without its lens:\n%s", js.String())
	}
	if c := out.Rows[1]; c.Total == nil || *c.Total != 6 || c.Counts.Unanswered == nil || *c.Counts.Unanswered != 1 {
		t.Errorf("row scored with its lens:\n%s", js.String())
	}
}

// The note that the lens changed, and the two headers, name each lens
// alike (by id, else name, else file) and leave out a missing version:
// no "( - -> -)".
func TestDiffNamesTheLensesAlike(t *testing.T) {
	_, l := fixture(t)
	bare := *l
	bare.ID, bare.Version, bare.Source, bare.Digest = "", "", "lenses/日本語.json", "sha256:new"
	recorded := func(id, version, source, digest string) *review.Review {
		r := review.New(l, review.Workload{Name: "w"})
		r.Lens = review.LensRef{ID: id, Version: version, Source: source, Digest: digest}
		return r
	}
	v2 := *l
	v2.Version, v2.Digest = "2.0.0", "sha256:v2"
	for _, c := range []struct {
		name     string
		old, new review.Side
		want     []string
	}{
		{"edited in place, no id or version",
			review.Side{Label: "r.yaml@m", Review: recorded("", "", "日本語.json", "sha256:old")}, review.Side{Label: "r.yaml", Review: recorded("", "", "日本語.json", "sha256:old"), Lens: &bare},
			[]string{"r.yaml@m (w, 日本語.json)\n", "-> r.yaml (w, 日本語.json)\n", "The lens 日本語.json changed between the two (other content).\n"}},
		{"a new version, both scored",
			review.Side{Label: "old.yaml", Review: recorded("ops", "1.0.0", "builtin:ops", l.Digest), Lens: l}, review.Side{Label: "new.yaml", Review: recorded("ops", "2.0.0", "ops.yaml", "sha256:v2"), Lens: &v2},
			[]string{"old.yaml (w, ops 1.0.0)\n", "-> new.yaml (w, ops 2.0.0)\n", "The lens changed between the two, from ops 1.0.0 to ops 2.0.0: questions it added or removed are listed as such.\n"}},
		{"a version only one side has",
			review.Side{Label: "old.yaml", Review: recorded("ops", "", "ops.yaml", "sha256:old")}, review.Side{Label: "new.yaml", Review: recorded("ops", "1.0.0", "builtin:ops", l.Digest), Lens: l},
			[]string{"old.yaml (w, ops)\n", "-> new.yaml (w, ops 1.0.0)\n", "The lens changed between the two, from ops to ops 1.0.0.\n"}},
	} {
		var text bytes.Buffer
		if err := WriteDiffText(&text, review.Diff(c.old, c.new), DiffOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, want := range c.want {
			if !strings.Contains(text.String(), want) {
				t.Errorf("%s: no %q in\n%s", c.name, want, text.String())
			}
		}
		if strings.Contains(text.String(), " - ") || strings.Contains(text.String(), "( ") {
			t.Errorf("%s: an empty placeholder in\n%s", c.name, text.String())
		}
	}
}

// On a terminal the trend line fits the width however many milestones
// there are: each trend shows the latest, after a "…".
func TestHistoryTrendFitsTheTerminal(t *testing.T) {
	var rows []HistoryRow
	for i := range 500 {
		c := scoring.Counts{High: i % 7, Medium: i % 3}
		rows = append(rows, HistoryRow{Name: fmt.Sprintf("m%d", i), Date: "2026-01-01T00:00:00Z", Answered: c.Answered(), Total: c.Total(), Counts: c, Scored: true})
	}
	var b bytes.Buffer
	if err := WriteHistoryText(&b, "W", rows, TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	var trend string
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "trend") {
			trend = line
		}
	}
	if w := utf8.RuneCountInString(trend); w == 0 || w > 80 || strings.Count(trend, "…") != 2 {
		t.Errorf("trend of %d columns: %q", w, trend)
	}
	var highs []int
	for _, r := range rows {
		highs = append(highs, r.Counts.High)
	}
	full := []rune(sparkline(highs))
	if end := string(full[len(full)-10:]) + "   MEDIUM"; !strings.Contains(trend, end) {
		t.Errorf("the HIGH trend does not end with the latest milestones (%q): %q", end, trend)
	}
	b.Reset()
	WriteHistoryText(&b, "W", rows, TextOptions{}) // a pipe: all of it
	if strings.Contains(b.String(), "…") {
		t.Error("a pipe got a cut trend")
	}
}
