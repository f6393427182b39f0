package reports

import (
	"fmt"
	"strings"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/scoring"
)

// htmlLabels are every fixed string of the HTML pages, in one language,
// from the message catalogue (internal/i18n), with the names of levels,
// statuses and reasons the pages use.
type htmlLabels struct {
	i18n.HTML
	Lang string // the BCP 47 tag of these labels
	// LearnMore and ToImprove head a practice's further resources, as
	// in the Markdown plan (the plan's catalogue labels).
	LearnMore, ToImprove string
	// The results of a live review, in the Markdown plan's words: how
	// the silent vote went, a ballot that ticked nothing, and the
	// headings of the contested questions and of the time spent.
	Contested, Agreed, Nothing, ContestedHead, TimeHead, TimeCol string

	levels   map[questions.Risk]string // column and legend names
	words    map[questions.Risk]string // the same in a sentence
	statuses map[string]string
	reasons  map[string]string
	// environment names a workload's environment, as the Markdown does.
	environment func(string) string
}

// htmlLabelsFor picks the labels for a language tag: Japanese for "ja"
// (and "ja-JP"...), English otherwise.
func htmlLabelsFor(lang string) htmlLabels {
	c := i18n.For(lang)
	p := &c.Plan
	return htmlLabels{HTML: c.HTML, Lang: string(c.Lang), LearnMore: p.LearnMore, ToImprove: p.ToImprove,
		Contested: p.Contested, Agreed: p.Agreed, Nothing: p.Nothing, ContestedHead: p.ContestedHead, TimeHead: p.TimeHead, TimeCol: p.TimeCol,
		levels: c.HTML.Levels, words: c.Risk.Word, statuses: c.Statuses, reasons: c.Reasons, environment: c.Environment}
}

func englishLabels() htmlLabels  { return htmlLabelsFor("en") }
func japaneseLabels() htmlLabels { return htmlLabelsFor("ja") }

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
