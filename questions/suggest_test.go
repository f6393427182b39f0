package questions

import (
	"strings"
	"testing"
)

func suggestLens() *Lens {
	return &Lens{Pillars: []*Pillar{
		{ID: "inform", Questions: []*Question{{ID: "OPS1"}, {ID: "shared"}}},
		{ID: "optimize", Questions: []*Question{{ID: "shared"}, {ID: "Cost2"}}},
	}}
}

func TestQuestionRefs(t *testing.T) {
	if got := strings.Join(suggestLens().QuestionRefs(), " "); got != "OPS1 inform/shared optimize/shared Cost2" {
		t.Errorf("QuestionRefs = %s", got)
	}
}

func TestSuggestQuestion(t *testing.T) {
	l := suggestLens()
	for ref, want := range map[string]string{
		"ops1":            "OPS1",
		"cost2":           "Cost2",
		"INFORM/SHARED":   "inform/shared",
		"Optimize/cost2":  "optimize/Cost2",
		"SHARED":          "", // in two pillars: no single guess
		"OPS9":            "",
		"nowhere/ops1":    "",
		"inform/optimize": "",
	} {
		if got := l.SuggestQuestion(ref); got != want {
			t.Errorf("SuggestQuestion(%q) = %q, want %q", ref, got, want)
		}
	}
}
