package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// japaneseFixture is a review of builtin:ops-ja with every risk level, an
// action and a not-applicable question.
func japaneseFixture(t *testing.T) *Scored {
	t.Helper()
	l, err := questions.Load("builtin:ops-ja")
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "決済 API", Environment: review.Production, Owner: "決済チーム"})
	set := func(q string, fn func(*review.Answer)) { r.Update("operationalExcellence", q, "鈴木", t0, fn) }
	set("OPS1", func(a *review.Answer) {
		a.Selected = []string{"OPS1_users", "OPS1_slo"}
		a.Notes = "SLO は決済のみ"
	})
	set("OPS2", func(a *review.Answer) { a.Selected = []string{"OPS2_no"} })
	set("OPS3", func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OUT_OF_SCOPE" })
	if _, err := r.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: "OPS2", ChoiceID: "OPS2_telemetry", Title: "テレメトリーを整える", Owner: "佐藤", Due: "2026-11-01"}, "鈴木", t0); err != nil {
		t.Fatal(err)
	}
	return Score(Input{File: "review.yaml", Review: r, Lens: l, Today: t0})
}

// wafr's own words in the plan and the summary follow the lens's language
// (issue 16): Japanese headings for a Japanese review, and no English
// heading left.
func TestJapaneseReviewGetsJapaneseHeadings(t *testing.T) {
	s := japaneseFixture(t)
	if s.Language != "ja" {
		t.Fatalf("language %q", s.Language)
	}
	var plan, summary, md bytes.Buffer
	if err := WritePlan(&plan, s, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummaryText(&summary, s, TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummaryMarkdown(&md, []*Scored{s}); err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, line := range strings.Split(plan.String(), "\n") {
		if strings.HasPrefix(line, "#") {
			headings = append(headings, line)
		}
	}
	if got := strings.Join(headings[:3], "|"); got != "# 改善計画: 決済 API|## 高リスク|### OPS1 運用の優先順位を何に基づいて決めていますか?" {
		t.Errorf("plan headings %q", got)
	}
	for _, want := range []string{"| レンズ |", "| 環境 | 本番 |", "| リスク | 質問数 |", "title リスク別の質問数", "実施済みのプラクティス:", "次にやること:",
		"## 適用外", "| 質問 | 柱 | 理由 | メモ |", "| 対象外 |", "## 未回答", "(担当 佐藤、期限 2026-11-01 (**期限切れ**)、未着手)"} {
		if !strings.Contains(plan.String(), want) {
			t.Errorf("plan lacks %q", want)
		}
	}
	english := regexp.MustCompile(`(?i)\b(improvement plan|high risk|medium risk|what to do next|already in place|not applicable|unanswered|reviewers|environment|answered|owner|due|overdue|notes|actions|reference|pillar|total|legend)\b`)
	for name, out := range map[string]string{"plan": plan.String(), "summary": summary.String(), "summary md": md.String()} {
		out = regexp.MustCompile(`https?://\S+`).ReplaceAllString(out, "") // lens links
		if m := english.FindAllString(out, -1); len(m) > 0 {
			t.Errorf("%s has English words %q:\n%s", name, m, out)
		}
	}
	for _, want := range []string{"全 6 問中 3 問に回答", "柱", "合計", "高リスク", "未完了 1 件(うち期限切れ 1 件)"} {
		if !strings.Contains(summary.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, summary.String())
		}
	}
	golden.RequireEqual(t, append(plan.Bytes(), summary.Bytes()...))
}

// The caller decides: an English lens reported in Japanese (--lang ja),
// and a Japanese one in English.
func TestReportLanguageCanBeChosen(t *testing.T) {
	s := scoredFixture(t)
	s.Language = "ja"
	var b bytes.Buffer
	WritePlan(&b, s, PlanOptions{})
	if !strings.Contains(b.String(), "# 改善計画:") {
		t.Errorf("--lang ja ignored:\n%s", b.String())
	}
	j := japaneseFixture(t)
	j.Language = "en"
	b.Reset()
	WritePlan(&b, j, PlanOptions{})
	if !strings.Contains(b.String(), "# Improvement plan:") || !strings.Contains(b.String(), "## HIGH risk") {
		t.Errorf("--lang en ignored:\n%s", b.String())
	}
}

// The HTML pages name the environment in the page's language, as the
// Markdown plan does ("本番", not "production").
func TestHTMLEnvironmentWords(t *testing.T) {
	s := japaneseFixture(t)
	for _, c := range []struct{ lang, fact, row string }{
		{"ja", `<th scope="row">環境</th><td>本番</td>`, `<span class="env">(本番)</span>`},
		{"en", `<th scope="row">Environment</th><td>production</td>`, `<span class="env">(production)</span>`},
	} {
		page := string(renderHTML(t, s, HTMLOptions{Language: c.lang}))
		if !strings.Contains(page, c.fact) {
			t.Errorf("%s report lacks %s", c.lang, c.fact)
		}
		var b bytes.Buffer
		if err := WritePortfolioHTML(&b, []PortfolioItem{{Scored: s}}, PortfolioOptions{Language: c.lang}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.row) {
			t.Errorf("%s portfolio lacks %s", c.lang, c.row)
		}
	}
}
