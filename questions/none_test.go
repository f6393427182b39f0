package questions

import (
	"strings"
	"testing"
)

func TestLooksLikeNone(t *testing.T) {
	cases := []struct {
		title string
		want  bool
	}{
		// English: case, punctuation, "of the above", "apply".
		{"None", true},
		{"none", true},
		{"NONE.", true},
		{"(None)", true},
		{"None of these", true},
		{"None of these.", true},
		{"None of the above", true},
		{"None of above", true},
		{"None of the above apply to us.", true},
		{"None of the above apply to us", true},
		{"None of these apply", true},
		{"None of the practices above are in place", true},
		{"none of the options listed", true},
		{"No, none of these.", true},
		{"We do none of these", true},
		{"  None  of   these  ", true},
		{"None of the above!", true},
		{"None - of the above", true},
		// Japanese.
		{"該当なし", true},
		{"該当なし。", true},
		{"なし", true},
		{"特になし", true},
		{"いずれもない", true},
		{"いずれも該当しない", true},
		{"いずれにも該当しない", true},
		{"いずれも該当しません。", true},
		{"上記のいずれにも該当しない", true},
		{"上記のいずれでもない", true},
		{"どれも当てはまらない", true},
		{"いずれも実施していない", true},
		{"該当するものはない", true},
		{"該当するものがない", true},
		{"該当するものはありません", true},
		{"当てはまるものはない", true},
		{"該当する項目なし", true},

		// Practices, and things that are not "None of these".
		{"", false},
		{"Practice A", false},
		{"None of our data leaves the region", false},
		{"None of the services are exposed to the internet", false},
		{"No single point of failure", false},
		{"Nonessential services are shut down at night", false},
		{"Not applicable", false},
		{"N/A", false},
		{"Nobody has root access", false},
		{"None of the above, but we plan to", false},
		{"Zero trust networking", false},
		{"障害時の手順書がある", false},
		{"該当するものを選択してください", false},
		{"なしで済ませる方法を検討している", false},
	}
	for _, c := range cases {
		if got := looksLikeNone(c.title); got != c.want {
			t.Errorf("looksLikeNone(%q) = %v, want %v", c.title, got, c.want)
		}
	}
}

// Lint names a "None" choice whose id lacks "_no", in the forms real lenses
// use.
func TestNoneChoiceWarning(t *testing.T) {
	for _, title := range []string{"None of above", "None of the above apply to us.", "いずれも該当しない"} {
		doc := strings.Replace(lensYAML(goodQuestion), "{id: QA1_no, title: None of these}", "{id: QA1_other, title: '"+title+"'}", 1)
		_, problems := Parse("t.yaml", []byte(doc), Options{})
		want := wantProblem{Warning, 14, 13, "pil/QA1/QA1_other", `choice "QA1_other" reads as "None of these" but its id does not end in "_no"`}
		if !hasProblem(problems, want) {
			t.Errorf("%q: want %+v among:\n%s", title, want, problemList(problems))
		}
	}
}

// Checking a practice's title costs no allocation: a lens has many.
func TestLooksLikeNoneIsCheapForPractices(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { looksLikeNone("Service levels are written down as SLIs and SLOs") }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
