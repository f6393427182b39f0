package reports

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/i18n/i18ntest"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// japaneseDiffs are diffs of builtin:ops-ja reviews that, between them,
// show every kind of change, every change of an action, the notes on the
// lenses and a diff with nothing changed, each written as text and as
// Markdown in lang.
func japaneseDiffs(t *testing.T, lang string) map[string]string {
	t.Helper()
	l, err := questions.Load("builtin:ops-ja")
	if err != nil {
		t.Fatal(err)
	}
	newReview := func() *review.Review {
		return review.New(l, review.Workload{Name: "決済 API", Environment: review.Production, Owner: "決済チーム"})
	}
	set := func(r *review.Review, q string, fn func(*review.Answer)) {
		r.Update("operationalExcellence", q, "鈴木", t0, fn)
	}
	status := func(r *review.Review, id, s string) {
		c := review.ActionChange{Status: &s}
		if s == review.StatusAcceptedRisk {
			reason := "費用に見合わない"
			c.Reason = &reason
		}
		if _, err := r.UpdateAction(id, c, "鈴木", t0); err != nil {
			t.Fatal(err)
		}
	}

	// Regressed, improved, became not applicable (with a reason),
	// applicable again, no longer answered, newly answered; and actions
	// closable, completed, risk accepted, reopened, progressed, removed,
	// opened.
	before, after := newReview(), newReview()
	for _, r := range []*review.Review{before, after} {
		set(r, "OPS1", func(a *review.Answer) { a.Selected = []string{"OPS1_users", "OPS1_slo", "OPS1_downtime"} })
		set(r, "OPS2", func(a *review.Answer) { a.Selected = []string{"OPS2_telemetry", "OPS2_pipeline"} })
		set(r, "OPS4", func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OTHER" })
		set(r, "OPS5", func(a *review.Answer) { a.Selected = []string{"OPS5_no"} })
		for _, choice := range []string{"OPS2_small", "OPS2_config", "OPS2_data", "OPS2_overload", "OPS2_boundaries", "OPS1_budget"} {
			if _, err := r.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: "OPS2", ChoiceID: choice, Title: "対応する " + choice}, "鈴木", t0); err != nil {
				t.Fatal(err)
			}
		}
	}
	status(before, "A2", review.StatusInProgress)
	status(before, "A4", review.StatusDone)
	set(after, "OPS1", func(a *review.Answer) { a.Selected, a.Notes = []string{"OPS1_users"}, "SLO は見直し中" })
	set(after, "OPS2", func(a *review.Answer) {
		a.Selected = []string{"OPS2_telemetry", "OPS2_pipeline", "OPS2_small", "OPS2_config", "OPS2_overload"}
	})
	set(after, "OPS3", func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OUT_OF_SCOPE" })
	set(after, "OPS4", func(a *review.Answer) {
		a.NotApplicable, a.Reason = false, ""
		a.Selected = []string{"OPS4_symptoms", "OPS4_actionable", "OPS4_slo_alerts", "OPS4_ops_metrics", "OPS4_review", "OPS4_coverage"} // NONE
	})
	set(after, "OPS5", func(a *review.Answer) { a.Selected = nil })
	set(after, "OPS6", func(a *review.Answer) { a.Selected = []string{"OPS6_no"} })
	status(after, "A2", review.StatusDone)
	status(after, "A3", review.StatusAcceptedRisk)
	status(after, "A5", review.StatusInProgress)
	if _, err := after.AddAction(review.Action{PillarID: "operationalExcellence", QuestionID: "OPS1", ChoiceID: "OPS1_slo", Title: "SLO を戻す"}, "鈴木", t0); err != nil {
		t.Fatal(err)
	}
	after.Actions = slices.DeleteFunc(after.Actions, func(a review.Action) bool { return a.ID == "A6" })
	diffs := map[string]*review.DiffResult{
		"kinds": review.Diff(review.Side{Label: "前回.yaml", Review: before, Lens: l}, review.Side{Label: "今回.yaml", Review: after, Lens: l}),
	}

	// Choices changed at the same risk (one no longer in the lens), notes
	// changed, unchanged (with --all).
	before, after = newReview(), newReview()
	for _, r := range []*review.Review{before, after} {
		set(r, "OPS1", func(a *review.Answer) { a.Selected = []string{"OPS1_users"} })
		set(r, "OPS2", func(a *review.Answer) { a.Selected = []string{"OPS2_no"}; a.Notes = "前回のメモ" })
		set(r, "OPS3", func(a *review.Answer) { a.Selected = []string{"OPS3_no"} })
	}
	set(after, "OPS1", func(a *review.Answer) { a.Selected = []string{"OPS1_slo", "OPS1_gone"} })
	set(after, "OPS2", func(a *review.Answer) { a.Notes = "今回のメモ" })
	diffs["same risk"] = review.Diff(review.Side{Label: "前回.yaml", Review: before, Lens: l}, review.Side{Label: "今回.yaml", Review: after, Lens: l})

	// Another version of the lens, which added one question and removed
	// another.
	without := func(version, digest, q string) *questions.Lens {
		c := *l
		c.Version, c.Digest = version, digest
		c.Pillars = slices.Clone(l.Pillars)
		p := *c.Pillars[0]
		p.Questions = slices.DeleteFunc(slices.Clone(p.Questions), func(x *questions.Question) bool { return x.ID == q })
		c.Pillars[0] = &p
		return &c
	}
	diffs["lens changed"] = review.Diff(review.Side{Label: "前回.yaml", Review: before, Lens: without("0.9.0", "sha256:old", "OPS6")},
		review.Side{Label: "今回.yaml", Review: after, Lens: without("2.0.0", "sha256:new", "OPS5")})
	// The same lens id and version with other content, one side unscored.
	diffs["lens content"] = review.Diff(review.Side{Label: "前回.yaml", Review: before, LensGone: "has changed since (not the recorded content)"},
		review.Side{Label: "今回.yaml", Review: after, Lens: without("1.0.0", "sha256:new", "")})
	// Sides whose lens is gone, for each reason wafr gives.
	for name, why := range map[string]string{"not found": "is not found", "not loading": "does not load (x.yaml:3:1)", "missing": ""} {
		diffs["lens "+name] = review.Diff(review.Side{Label: "前回.yaml", Review: before, LensGone: why}, review.Side{Label: "今回.yaml", Review: after, LensGone: why})
	}
	// Nothing changed.
	diffs["no change"] = review.Diff(review.Side{Label: "前回.yaml", Review: before, Lens: l}, review.Side{Label: "前回.yaml", Review: before, Lens: l})

	out := map[string]string{}
	for name, d := range diffs {
		opts := DiffOptions{All: name == "same risk", File: "今回.yaml", Language: lang}
		var text, md bytes.Buffer
		if err := WriteDiffText(&text, d, opts); err != nil {
			t.Fatal(err)
		}
		if err := WriteDiffMarkdown(&md, d, opts); err != nil {
			t.Fatal(err)
		}
		out[name+" text"], out[name+" md"] = text.String(), md.String()
	}
	return out
}

// A Japanese diff speaks Japanese (issue 16): its headings, the table,
// every group, the action changes and the lens notes, with no English word
// of wafr's own left.
func TestJapaneseDiff(t *testing.T) {
	out := japaneseDiffs(t, "ja")
	for name, wants := range map[string][]string{
		"kinds text": {"高リスク 1 -> 2 · 中リスク 2 -> 0 · リスクなし 0 -> 2 · 適用外 1 -> 1 · 未回答 2 -> 1\n",
			"\n悪化 (1)\n", "  中リスク -> 高リスク\n", "\n改善 (1)\n", "\n新たに回答 (1)\n", "\n未回答に戻った (1)\n", "\n適用外になった (1)\n", "\n適用外から戻った (1)\n",
			"      理由: 対象外\n", "      メモ: SLO は見直し中\n", "\nアクション (7)\n",
			": 完了にできます: OPS2_small がチェック済みになりました(wafr action set '今回.yaml' A1 --status done)\n",
			": 完了(対応中 -> 完了)\n", ": リスク受容(未着手 -> リスク受容)\n", ": 再オープン(完了 -> 未着手)、完了にできます: OPS2_overload", ": 状態を変更(未着手 -> 対応中)\n", ": 削除\n", ": 追加\n"},
		"kinds md": {"## レビューの変更点: 決済 API\n", "前回.yaml (決済 API, ops-ja 1.0.0) から 今回.yaml (決済 API, ops-ja 1.0.0) への変更です。\n",
			"| リスク | 変更前 | 変更後 |\n|---|---:|---:|\n| 高リスク | 1 | 2 |\n", "| 未回答 | 2 | 1 |\n", "\n### 悪化 (1)\n", ": 中リスク → 高リスク\n",
			"  - チェックを外した: `OPS1_slo` ", "  - チェックを付けた: `OPS2_small` ", "  - メモ: SLO は見直し中\n", "\n### アクション (7)\n"},
		"same risk text": {"\n選択肢のみ変更 (1)\n", "      ! OPS1_gone  チェック済みですが、レンズにもうありません\n", "\nメモのみ変更 (1)\n", "      メモ: 今回のメモ\n", "\n変更なし (4)\n"},
		"same risk md":   {"\n### 選択肢のみ変更 (1)\n", "  - `OPS1_gone` はチェック済みですが、レンズにもうありません\n", "\n### メモのみ変更 (1)\n", "\n### 変更なし (4)\n"},
		"lens changed text": {"2 つの間でレンズが ops-ja 0.9.0 から ops-ja 2.0.0 に変わっています。レンズで追加・削除された質問は、それぞれその旨を示して一覧にしています。\n",
			"\nレンズに追加された質問 (1)\n", "\nレンズから削除された質問 (1)\n"},
		"lens changed md": {"\n> 2 つの間でレンズが ops-ja 0.9.0 から ops-ja 2.0.0 に変わっています。", "\n### レンズに追加された質問 (1)\n"},
		"lens content text": {"2 つの間でレンズ ops-ja 1.0.0 の内容が変わっています。\n",
			"前回.yaml: 回答時のレンズが記録後に変更されています(記録された内容ではありません)。ファイルに記録されたリスクを使っているため、未回答の質問は数えられません(?)。\n"},
		"lens not found text":   {"今回.yaml: 回答時のレンズが見つかりません。", "未回答 ? -> ?\n"},
		"lens not loading text": {"今回.yaml: 回答時のレンズを読み込めません(x.yaml:3:1)。"},
		"lens missing md":       {"\n> 今回.yaml: 回答時のレンズがありません(見つからないか、記録された内容ではありません)。", "| 未回答 | ? | ? |\n"},
		"no change text":        {"\n変更された質問はありません。\n"},
		"no change md":          {"\n変更された質問はありません。\n"},
	} {
		for _, want := range wants {
			if !strings.Contains(out[name], want) {
				t.Errorf("%s lacks %q:\n%s", name, want, out[name])
			}
		}
	}
	checkNoEnglish(t, out)
}

// --lang en on a Japanese review: wafr's words in English, the lens's in
// Japanese, as before the catalogue had them.
func TestJapaneseDiffInEnglish(t *testing.T) {
	out := japaneseDiffs(t, "en")
	for name, wants := range map[string][]string{
		"kinds text": {"HIGH 1 -> 2 · MEDIUM 2 -> 0 · NONE 0 -> 2 · Not applicable 1 -> 1 · Unanswered 2 -> 1\n", "\nRegressed (1)\n", "MEDIUM -> HIGH\n",
			"\nApplicable again (1)\n", "      reason: out of scope\n", "      notes: SLO は見直し中\n", "\nActions (7)\n",
			": can be closed: OPS2_small is ticked now (wafr action set '今回.yaml' A1 --status done)\n", ": completed (in-progress -> done)\n",
			": reopened (done -> open); can be closed: OPS2_overload"},
		"kinds md":          {"## Review changes: 決済 API\n", "From 前回.yaml (決済 API, ops-ja 1.0.0) to 今回.yaml (決済 API, ops-ja 1.0.0).\n", "| Risk | Before | After |\n", "  - unticked `OPS1_slo` "},
		"same risk text":    {"\nChoices changed (1)\n", "      ! OPS1_gone  ticked, but no longer in the lens\n", "\nUnchanged (4)\n"},
		"lens changed text": {"The lens changed between the two, from ops-ja 0.9.0 to ops-ja 2.0.0: questions it added or removed are listed as such.\n"},
		"lens content text": {"The lens ops-ja 1.0.0 changed between the two (other content).\n", "前回.yaml: the lens it was answered with has changed since (not the recorded content): "},
		"lens missing text": {"the lens it was answered with is missing (not found, or not the recorded content): the risks recorded in the file are used, and its unanswered questions cannot be counted (?).\n"},
		"no change md":      {"\nNo question changed.\n"},
	} {
		for _, want := range wants {
			if !strings.Contains(out[name], want) {
				t.Errorf("%s lacks %q:\n%s", name, want, out[name])
			}
		}
	}
	for name, v := range out {
		if regexp.MustCompile(`高リスク|中リスク|悪化|改善 \(|未回答に|レビューの変更点|変更前|完了にできます|再オープン`).MatchString(v) {
			t.Errorf("%s has Japanese of wafr's own:\n%s", name, v)
		}
	}
}

// The English catalogue names each group as the change's own name,
// capitalised, as the diff always did (so a change added to review.Changes
// without a title still reads well).
func TestDiffGroupTitles(t *testing.T) {
	en, ja := i18n.New(i18n.English).Diff, i18n.New(i18n.Japanese).Diff
	for _, c := range review.Changes {
		name := c.String()
		if got, want := groupTitle(&en, c), strings.ToUpper(name[:1])+name[1:]; got != want {
			t.Errorf("%s: English title %q, want %q", name, got, want)
		}
		if _, ok := ja.Changes[name]; !ok {
			t.Errorf("%s: no Japanese title", name)
		}
	}
}

// checkNoEnglish reports, in the outputs given, every English string of
// the catalogue's diff words and the names it shares (risk levels,
// reasons, statuses) that the Japanese one does not keep, and every ASCII
// word that is neither the lens's (builtin:ops-ja), nor the test's data,
// nor one the Japanese catalogue keeps inside a Japanese sentence (a
// command): the check the TUI's screens have.
func checkNoEnglish(t *testing.T, outputs map[string]string) {
	t.Helper()
	lensFile, err := os.ReadFile("../questions/lenses/ops-ja.yaml")
	if err != nil {
		t.Fatal(err)
	}
	check := i18ntest.Check{Parts: []string{"Diff", "Risk", "Reasons", "Statuses"},
		Allowed: []string{string(lensFile), "API yaml OPS1_gone"}} // the test's workload, file names and a choice no lens has
	for _, problem := range check.English(outputs) {
		t.Error(problem)
	}
}
