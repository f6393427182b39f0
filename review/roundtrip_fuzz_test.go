package review

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wafr-dev/wafr/internal/safeout"
	"github.com/wafr-dev/wafr/questions"
)

// textReview is a review with s in every text field a person or a lens
// can fill: workload, lens reference, notes, answers (their ids, votes and
// all), actions, parked items and milestones. Fields the loader requires
// to be non-empty get a prefix. Each field's text goes through fix: the
// identity, or the repair saving makes (which joins a run of invalid bytes
// into one U+FFFD, so it must be applied to each whole field).
func textReview(s string, fix func(string) string) *Review {
	f := func(prefix string) string { return fix(prefix + s) }
	ans := func() Answers {
		return Answers{
			f("p"): {
				f("q"): {Selected: []string{f("c"), f("x")}, Risk: questions.HighRisk, Notes: f(""), AnsweredBy: f(""), UpdatedAt: t0,
					TimeSpent: 6*time.Minute + 30*time.Second, Votes: []Vote{{By: f(""), Selected: []string{f("v"), f("y")}}, {By: f("b"), Selected: nil}}},
				f("qna"): {NotApplicable: true, Reason: "OTHER", Risk: questions.NotApplicable, Notes: f(""), AnsweredBy: f(""), UpdatedAt: t0},
			},
		}
	}
	pillar := fix("p" + strings.ReplaceAll(s, "/", "")) // PILLAR/QUESTION is cut at the first "/"
	act := Action{ID: f("A"), PillarID: pillar, QuestionID: f("q"), ChoiceID: f(""),
		Title: f(""), Owner: f(""), Due: "2026-12-31", Status: StatusAcceptedRisk, Reason: f("r"), Link: f(""), Notes: f(""),
		CreatedAt: t0, CreatedBy: f(""), UpdatedAt: t0, UpdatedBy: f("")}
	name := s
	if strings.TrimSpace(fix(name)) == "" {
		name = "m" + s
	}
	name = fix(name)
	lens := LensRef{ID: f("ops"), Version: f(""), Source: f(""), Digest: f("")}
	return &Review{
		Workload:  Workload{Name: f(""), Environment: Production, Owner: f("")},
		Lens:      lens,
		UpdatedAt: t0,
		Notes:     f(""),
		Answers:   ans(),
		Actions:   []Action{act},
		Parked:    []Parked{{PillarID: pillar, QuestionID: f("q"), Text: f(""), By: f(""), At: t0}, {PillarID: "p", QuestionID: "q", At: t0}},
		Milestones: []Milestone{
			{Name: name, RecordedAt: t0, Notes: f(""), Lens: lens, Answers: ans(), Actions: []Action{act}},
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
		data, err := textReview(s, func(x string) string { return x }).Encode()
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
		want := textReview(s, func(x string) string { return strings.ToValidUTF8(x, "\uFFFD") })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip changed the review of %q:\n%s\ngot  %+v\nwant %+v", s, data, got, want)
		}
	})
}
