package reports

import (
	"fmt"
	"strings"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
)

// htmlLabels are every fixed string of the HTML pages, in one language.
// The message catalogue of the display issue can replace htmlLabelsFor
// without touching the templates. Strings with verbs are fmt formats; the
// indexed verbs (%[1]d) let a language reorder the arguments.
type htmlLabels struct {
	Lang string // the BCP 47 tag of these labels

	// Report page.
	PlanTitle     string // %s: workload
	Contents      string
	Summary       string
	Pillars       string
	Trend         string
	HighRisk      string
	MediumRisk    string
	OtherActions  string
	NotApplicable string
	Unanswered    string
	NoRisk        string

	Lens, Environment, Owner, Milestone, Date, Reviewers, AnsweredFact, ActionsFact string

	AnsweredOf     string // %[1]d answered, %[2]d total
	ActionsSummary string // open, overdue, done, accepted
	AnsweredLine   string // %[1]d answered, %[2]d total, %[3]s level counts
	Riskiest       string // %s: a list of pillars with their counts
	NoRiskiest     string
	PillarWith     string // %[1]s pillar, %[2]s its counts
	LevelCount     string // %[1]d count, %[2]s level name
	ListSep        string
	ListLast       string

	Legend, BarCol, Total, RiskCol, QuestionsCol, PillarCol, QuestionCol, ReasonCol, NotesCol string

	RiskIs, PillarIs, AnsweredBy                              string // AnsweredBy: %s a person
	InPlace, FollowsNone, WhatNext, Reference, Notes, Actions string
	NotALink                                                  string // %s: a URL that is not http(s)
	ActionOwner, ActionDue, ActionReason                      string // %s
	Overdue, Ticket                                           string

	TrendCaption, TrendDate, TrendMilestone, Current, NotScored string
	TrendTable                                                  string
	Footer                                                      string // %[1]s file, %[2]s lens

	// Portfolio page.
	PortfolioTitle   string // %d reviews
	PortfolioLine    string // %[1]d reviews, %[2]s counts, %[3]d open actions, %[4]d overdue
	Workload         string
	Workloads        string
	Due              string
	Updated          string
	OpenActions      string
	OverdueActions   string
	HeatMap          string
	HeatMapCaption   string
	NotInLens        string
	TrendPerWorkload string
	NoMilestones     string
	OverdueList      string
	NoOverdue        string
	Reviews          string // %d reviews

	levels   map[questions.Risk]string // column and legend names
	words    map[questions.Risk]string // the same in a sentence
	statuses map[string]string
	reasons  map[string]string
}

// htmlLabelsFor picks the labels for a lens language: Japanese for "ja"
// (and "ja-JP"...), English otherwise.
func htmlLabelsFor(lang string) htmlLabels {
	if base, _, _ := strings.Cut(strings.ToLower(lang), "-"); base == "ja" {
		return japaneseLabels()
	}
	return englishLabels()
}

func englishLabels() htmlLabels {
	return htmlLabels{
		Lang:      "en",
		PlanTitle: "Improvement plan: %s", Contents: "Contents",
		Summary: "Executive summary", Pillars: "Risk by pillar", Trend: "Risk trend",
		HighRisk: "HIGH risk", MediumRisk: "MEDIUM risk", OtherActions: "Other actions",
		NotApplicable: "Not applicable", Unanswered: "Unanswered", NoRisk: "No risk",

		Lens: "Lens", Environment: "Environment", Owner: "Owner", Milestone: "Milestone", Date: "Date",
		Reviewers: "Reviewers", AnsweredFact: "Answered", ActionsFact: "Actions",

		AnsweredOf:     "%[1]d of %[2]d questions",
		ActionsSummary: "%d open (%d overdue), %d done, %d accepted as risk",
		AnsweredLine:   "%[1]d of %[2]d questions answered: %[3]s.",
		Riskiest:       "Riskiest pillars: %s.",
		NoRiskiest:     "No pillar has a HIGH or MEDIUM risk.",
		PillarWith:     "%[1]s (%[2]s)",
		LevelCount:     "%[1]d %[2]s",
		ListSep:        ", ", ListLast: " and ",

		Legend: "Legend", BarCol: "Share of questions", Total: "Total", RiskCol: "Risk", QuestionsCol: "Questions", PillarCol: "Pillar",
		QuestionCol: "Question", ReasonCol: "Reason", NotesCol: "Notes",

		RiskIs: "Risk", PillarIs: "Pillar", AnsweredBy: "Answered by %s",
		InPlace: "Already in place", FollowsNone: "The team follows none of these practices yet.",
		WhatNext: "What to do next", Reference: "reference", Notes: "Notes", Actions: "Actions",
		NotALink:    "%s (not a web link)",
		ActionOwner: "owner %s", ActionDue: "due %s", ActionReason: "reason: %s",
		Overdue: "overdue", Ticket: "ticket",

		TrendCaption: "HIGH and MEDIUM questions at each milestone", TrendDate: "Date",
		TrendMilestone: "Milestone", Current: "current",
		NotScored:  "* its lens could not be loaded; the risks recorded in the file are counted",
		TrendTable: "The trend as a table",
		Footer:     "Written by wafr from %[1]s with the lens %[2]s.",

		PortfolioTitle: "Portfolio: %d reviews",
		PortfolioLine:  "%[1]d reviews: %[2]s; %[3]d open actions, %[4]d overdue.",
		Workload:       "Workload", Workloads: "Workloads", Due: "Due", Updated: "Updated", OpenActions: "Open actions", OverdueActions: "Overdue",
		HeatMap: "Heat map: pillars by workload", HeatMapCaption: "HIGH and MEDIUM questions per pillar; the shade is the worst risk in the cell",
		NotInLens:        "not in this lens",
		TrendPerWorkload: "Trend per workload", NoMilestones: "no milestones yet",
		OverdueList: "Overdue actions", NoOverdue: "No action is overdue.",
		Reviews: "%d reviews",

		levels: map[questions.Risk]string{
			questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
			questions.NotApplicable: "N/A", questions.Unanswered: "Unanswered",
		},
		words: map[questions.Risk]string{
			questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
			questions.NotApplicable: "not applicable", questions.Unanswered: "unanswered",
		},
		statuses: map[string]string{},
		reasons: map[string]string{
			"OUT_OF_SCOPE": "out of scope", "BUSINESS_PRIORITIES": "business priorities",
			"ARCHITECTURE_CONSTRAINTS": "architecture constraints", "OTHER": "other", "NONE": "none",
		},
	}
}

func japaneseLabels() htmlLabels {
	return htmlLabels{
		Lang:      "ja",
		PlanTitle: "改善計画: %s", Contents: "目次",
		Summary: "概要", Pillars: "柱ごとのリスク", Trend: "リスクの推移",
		HighRisk: "高リスク", MediumRisk: "中リスク", OtherActions: "その他のアクション",
		NotApplicable: "該当なし", Unanswered: "未回答", NoRisk: "リスクなし",

		Lens: "レンズ", Environment: "環境", Owner: "オーナー", Milestone: "マイルストーン", Date: "日付",
		Reviewers: "レビュー参加者", AnsweredFact: "回答", ActionsFact: "アクション",

		AnsweredOf:     "全 %[2]d 問中 %[1]d 問",
		ActionsSummary: "未完了 %d 件(うち期限切れ %d 件)、完了 %d 件、リスク受容 %d 件",
		AnsweredLine:   "全 %[2]d 問中 %[1]d 問に回答済み: %[3]s。",
		Riskiest:       "リスクの高い柱: %s。",
		NoRiskiest:     "高リスク・中リスクの質問がある柱はありません。",
		PillarWith:     "%[1]s(%[2]s)",
		LevelCount:     "%[2]s %[1]d 問",
		ListSep:        "、", ListLast: "、",

		Legend: "凡例", BarCol: "質問の割合", Total: "合計", RiskCol: "リスク", QuestionsCol: "質問数", PillarCol: "柱",
		QuestionCol: "質問", ReasonCol: "理由", NotesCol: "メモ",

		RiskIs: "リスク", PillarIs: "柱", AnsweredBy: "回答者: %s",
		InPlace: "実施済みのプラクティス", FollowsNone: "これらのプラクティスはまだどれも実施していません。",
		WhatNext: "次にやること", Reference: "参考資料", Notes: "メモ", Actions: "アクション",
		NotALink:    "%s(Web のリンクではありません)",
		ActionOwner: "担当 %s", ActionDue: "期限 %s", ActionReason: "理由: %s",
		Overdue: "期限切れ", Ticket: "チケット",

		TrendCaption: "マイルストーンごとの高リスク・中リスクの質問数", TrendDate: "日付",
		TrendMilestone: "マイルストーン", Current: "現在",
		NotScored:  "* レンズを読み込めなかったため、ファイルに記録されたリスクを数えています",
		TrendTable: "推移の表",
		Footer:     "wafr が %[1]s からレンズ %[2]s で作成しました。",

		PortfolioTitle: "ポートフォリオ: レビュー %d 件",
		PortfolioLine:  "レビュー %[1]d 件: %[2]s。未完了のアクション %[3]d 件(うち期限切れ %[4]d 件)。",
		Workload:       "ワークロード", Workloads: "ワークロード一覧", Due: "期限", Updated: "更新日", OpenActions: "未完了のアクション", OverdueActions: "期限切れ",
		HeatMap: "ヒートマップ: ワークロード別・柱別のリスク", HeatMapCaption: "柱ごとの高リスク・中リスクの質問数。色と記号はそのセルで最も高いリスクを表します",
		NotInLens:        "このレンズにはありません",
		TrendPerWorkload: "ワークロードごとの推移", NoMilestones: "マイルストーンはまだありません",
		OverdueList: "期限切れのアクション", NoOverdue: "期限切れのアクションはありません。",
		Reviews: "%d 件",

		levels: map[questions.Risk]string{
			questions.HighRisk: "高リスク", questions.MediumRisk: "中リスク", questions.NoRisk: "リスクなし",
			questions.NotApplicable: "該当なし", questions.Unanswered: "未回答",
		},
		words: map[questions.Risk]string{
			questions.HighRisk: "高リスク", questions.MediumRisk: "中リスク", questions.NoRisk: "リスクなし",
			questions.NotApplicable: "該当なし", questions.Unanswered: "未回答",
		},
		statuses: map[string]string{
			review.StatusOpen: "未着手", review.StatusInProgress: "対応中",
			review.StatusDone: "完了", review.StatusAcceptedRisk: "リスク受容",
		},
		reasons: map[string]string{
			"OUT_OF_SCOPE": "対象外", "BUSINESS_PRIORITIES": "事業上の優先順位",
			"ARCHITECTURE_CONSTRAINTS": "アーキテクチャ上の制約", "OTHER": "その他", "NONE": "なし",
		},
	}
}

// level names a risk level.
func (l htmlLabels) level(r questions.Risk) string { return l.levels[r] }

// status names an action status; an unknown one is shown as written.
func (l htmlLabels) status(s string) string {
	if n, ok := l.statuses[s]; ok {
		return n
	}
	return plain(s)
}

// reason names why a question does not apply.
func (l htmlLabels) reason(r string) string {
	if n, ok := l.reasons[r]; ok {
		return n
	}
	if r == "" {
		return "-"
	}
	return reasonText(plain(r))
}

// list joins items: "a, b and c".
func (l htmlLabels) list(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], l.ListSep) + l.ListLast + items[len(items)-1]
}

// counts lists the non-zero levels of c: "2 HIGH, 1 MEDIUM"; all of them
// when all is set.
func (l htmlLabels) counts(c scoring.Counts, all bool) string {
	var parts []string
	for _, r := range questions.Levels {
		if n := c.Of(r); n > 0 || all {
			parts = append(parts, fmt.Sprintf(l.LevelCount, n, l.words[r]))
		}
	}
	return strings.Join(parts, l.ListSep)
}
