package i18n

import (
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

// The diff names every risk level, in both languages, and English names
// them as the diff always has: a question's risk as the answer model
// spells it, the counts' levels as its table did.
func TestDiffLevels(t *testing.T) {
	for _, l := range Langs() {
		d := New(l).Diff
		for _, r := range questions.Levels {
			if d.Levels[r] == "" || d.Risks[r] == "" {
				t.Errorf("%s: Diff has no name for %s", l, r)
			}
		}
	}
	en := New(English).Diff
	for _, r := range questions.Levels {
		if en.Risks[r] != r.String() {
			t.Errorf("English Diff.Risks[%s] = %q", r, en.Risks[r])
		}
	}
	if en.Levels[questions.NotApplicable] != "Not applicable" || en.Levels[questions.Unanswered] != "Unanswered" || en.Levels[questions.HighRisk] != "HIGH" {
		t.Errorf("English Diff.Levels = %v", en.Levels)
	}
}
