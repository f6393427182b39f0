package review

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wafr-dev/wafr/internal/safeout"
	"github.com/wafr-dev/wafr/questions"
)

// textReview is a review with s in every text field a person or a lens
// can fill: workload, lens reference, notes, answers (their ids too),
// actions and milestones. Fields the loader requires to be non-empty get a
// prefix.
func textReview(s string) *Review {
	nonEmpty := func(prefix string) string { return prefix + s }
	ans := func() Answers {
		return Answers{
			nonEmpty("p"): {
				nonEmpty("q"):   {Selected: []string{s, s + "x"}, Risk: questions.HighRisk, Notes: s, AnsweredBy: s, UpdatedAt: t0},
				nonEmpty("qna"): {NotApplicable: true, Reason: "OTHER", Risk: questions.NotApplicable, Notes: s, AnsweredBy: s, UpdatedAt: t0},
			},
		}
	}
	act := Action{ID: nonEmpty("A"), PillarID: "p" + strings.ReplaceAll(s, "/", ""), QuestionID: nonEmpty("q"), ChoiceID: s,
		Title: s, Owner: s, Due: "2026-12-31", Status: StatusAcceptedRisk, Reason: nonEmpty("r"), Link: s, Notes: s,
		CreatedAt: t0, CreatedBy: s, UpdatedAt: t0, UpdatedBy: s}
	name := s
	if strings.TrimSpace(name) == "" {
		name = "m" + s
	}
	lens := LensRef{ID: nonEmpty("ops"), Version: s, Source: s, Digest: s}
	return &Review{
		Workload:  Workload{Name: s, Environment: Production, Owner: s},
		Lens:      lens,
		UpdatedAt: t0,
		Notes:     s,
		Answers:   ans(),
		Actions:   []Action{act},
		Milestones: []Milestone{
			{Name: name, RecordedAt: t0, Notes: s, Lens: lens, Answers: ans(), Actions: []Action{act}},
			{Name: name + "2", RecordedAt: t0, Lens: lens, Answers: Answers{}},
		},
	}
}

// FuzzRoundTrip: any text in any text field saves and loads back exactly
// (text that is not UTF-8 comes back repaired with U+FFFD, as saving
// repairs it), and the file never holds a raw bidi or C1 control.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "plain", " leading", "trailing ", "two\nlines", "\ncrlf\r\n", "tab\there",
		"\u2028starts with LS\nx", "# not a comment", "- not a list", "key: value", "'quoted'", `"dq"`, "~", "null", "true", "1e3",
		"0x1F", "2026-01-01", "<<", "*alias", "&anchor", "!tag", "%YAML", "---", "...", "\ufeffbom", "\u202eevil\u202c",
		"\u2066iso\u2069\u200e\u200f", "c1 \u0085\u009b\u009d", "del \x7f", "esc \x1b[31m", "nul \x00", "latin1 caf\xe9",
		"日本語のメモ", strings.Repeat("long line ", 40), strings.Repeat("x", 200) + "\n" + strings.Repeat(" y", 100) + " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		data, err := textReview(s).Encode()
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		for b := data; len(b) > 0; {
			r, size := utf8.DecodeRune(b)
			if safeout.MustEscape(r) {
				t.Fatalf("raw U+%04X in the file:\n%s", r, data)
			}
			b = b[size:]
		}
		got, err := Parse("f.yaml", data)
		if err != nil {
			t.Fatalf("saved review does not load: %v\n%s", err, data)
		}
		want := textReview(strings.ToValidUTF8(s, "\uFFFD"))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip changed the review of %q:\n%s\ngot  %+v\nwant %+v", s, data, got, want)
		}
	})
}
