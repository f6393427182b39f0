package review

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode"

	"github.com/wafr-dev/wafr/questions"
)

// Only http(s) links are accepted, on every path that sets one (item 17).
func TestActionLinksMustBeWebLinks(t *testing.T) {
	r := New(opsLens(t), Workload{Name: "w"})
	base := Action{PillarID: "operationalExcellence", QuestionID: "OPS1", Title: "t"}
	for _, bad := range []string{"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
		"//evil.example/x", "tickets/OPS-1", "https://", "https:///path", "https://ex ample.com", "https://example.com/\u202e", "https://x.example/\n# h", "mailto:a@b.example"} {
		a := base
		a.Link = bad
		if _, err := r.AddAction(a, "me", t0); !errors.Is(err, ErrLink) {
			t.Errorf("AddAction with link %q: %v", bad, err)
		}
		if _, err := r.AddActionsForHigh(opsLens(t), Action{Link: bad}, "me", t0); !errors.Is(err, ErrLink) {
			t.Errorf("AddActionsForHigh with link %q: %v", bad, err)
		}
	}
	if len(r.Actions) != 0 {
		t.Fatalf("actions added: %+v", r.Actions)
	}
	for _, good := range []string{"", "https://tickets.example/OPS-1", "HTTP://jira/OPS-1?x=(1)", "https://例え.jp/チケット"} {
		a := base
		a.Link = good
		if _, err := r.AddAction(a, "me", t0); err != nil {
			t.Errorf("AddAction with link %q: %v", good, err)
		}
	}
	bad, good := "javascript:alert(1)", "https://tickets.example/2"
	if _, err := r.UpdateAction("A1", ActionChange{Link: &bad}, "me", t0); !errors.Is(err, ErrLink) || r.Action("A1").Link != "" {
		t.Errorf("UpdateAction with a javascript: link: %v", err)
	}
	if a, err := r.UpdateAction("A1", ActionChange{Link: &good}, "me", t0); err != nil || a.Link != good {
		t.Errorf("UpdateAction with an https link: %v", err)
	}
	if err := ValidLink(bad); err == nil || !strings.Contains(err.Error(), "http or https") {
		t.Errorf("message: %v", err)
	}
}

// Action ids never wrap round or repeat, however large (item 6).
func TestNextActionIDNeverRepeats(t *testing.T) {
	for _, c := range []struct {
		ids  []string
		want string
	}{
		{nil, "A1"},
		{[]string{"A1", "A2"}, "A3"},
		{[]string{"A9223372036854775807"}, "A9223372036854775808"},
		{[]string{"A18446744073709551615"}, "A18446744073709551616"},
		{[]string{"A99999999999999999999999999999"}, "A100000000000000000000000000000"},
		{[]string{"A007", "A3"}, "A8"},
		{[]string{"a7"}, "A8"},
		{[]string{"A-5", "A+9", "A1x", "B12"}, "A1"},
		{[]string{"A+9", "A1"}, "A2"},
		{[]string{"B1", "a1"}, "A2"},
	} {
		r := &Review{Lens: LensRef{ID: "ops"}, Answers: Answers{}}
		for _, id := range c.ids {
			r.Actions = append(r.Actions, Action{ID: id, PillarID: "p", QuestionID: "q", Status: StatusOpen})
		}
		a, err := r.AddAction(Action{PillarID: "p", QuestionID: "q"}, "me", t0)
		if err != nil || a.ID != c.want {
			t.Errorf("after %q: next id %v, %v; want %s", c.ids, a, err, c.want)
			continue
		}
		seen := map[string]bool{}
		for _, x := range r.Actions {
			if seen[strings.ToUpper(x.ID)] {
				t.Errorf("after %q: id %s used twice", c.ids, x.ID)
			}
			seen[strings.ToUpper(x.ID)] = true
		}
		if _, err := Parse("r.yaml", mustEncode(t, r)); err != nil {
			t.Errorf("after %q: %v", c.ids, err)
		}
	}
}

func mustEncode(t *testing.T, r *Review) []byte {
	t.Helper()
	data, err := r.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The quick path of IsWebLink says yes only where url.Parse does: over
// links of every shape, and over every byte in every position of one.
func TestPlainWebLinkAgreesWithURLParse(t *testing.T) {
	slow := func(s string) bool {
		for _, r := range s {
			if r <= ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
				return false
			}
		}
		u, err := url.Parse(s)
		return err == nil && u.Host != "" && u.Opaque == "" && (strings.EqualFold(u.Scheme, "https") || strings.EqualFold(u.Scheme, "http"))
	}
	links := []string{
		"https://docs.aws.amazon.com/wellarchitected/latest/framework/ops.html",
		"HTTP://Example.COM", "https://a", "https://a/", "https://a?x=1#y", "https://a.b-c.d:443/p",
		"https://user@host/", "https://host/path;p=1?q=(a)&r='b'*+,", "https:///nohost", "https://", "http:/x",
		"https://a/%41", "https://a/%zz", "https://[::1]/", "https://a b", "https://a/\x00", "javascript://a/",
		"https://a#frag#frag", "https://a/~x_y.z", "https://-/", "https://./", "ftp://a/", "https:x",
	}
	for _, s := range links {
		if plainWebLink(s) && !slow(s) {
			t.Errorf("%q: the quick path says yes, url.Parse no", s)
		}
		if IsWebLink(s) != slow(s) {
			t.Errorf("IsWebLink(%q) = %v, url.Parse says %v", s, IsWebLink(s), slow(s))
		}
	}
	base := []byte("https://host.example/p?q=1#f")
	for i := range base {
		for c := 0; c < 256; c++ {
			b := append([]byte(nil), base...)
			b[i] = byte(c)
			if s := string(b); plainWebLink(s) && !slow(s) {
				t.Fatalf("%q: the quick path says yes, url.Parse no", s)
			}
		}
	}
}

// The reason an accepted risk gives goes when the action is reopened or
// done, unless the same change gives one; it stays while still accepted.
func TestReopenedActionDropsTheAcceptedReason(t *testing.T) {
	r := New(opsLens(t), Workload{Name: "w"})
	if _, err := r.AddAction(Action{PillarID: "operationalExcellence", QuestionID: "OPS1", Title: "t"}, "me", t0); err != nil {
		t.Fatal(err)
	}
	str := func(s string) *string { return &s }
	if _, err := r.UpdateAction("A1", ActionChange{Status: str(StatusAcceptedRisk), Reason: str("no budget this year")}, "me", t0); err != nil {
		t.Fatal(err)
	}
	if a, _ := r.UpdateAction("A1", ActionChange{Owner: str("bob")}, "me", t0); a.Reason != "no budget this year" {
		t.Errorf("an edit that keeps the risk accepted dropped its reason: %q", a.Reason)
	}
	if a, _ := r.UpdateAction("A1", ActionChange{Status: str(StatusOpen)}, "me", t0); a.Reason != "" {
		t.Errorf("the reopened action keeps the accepted risk's reason %q", a.Reason)
	}
	r.UpdateAction("A1", ActionChange{Status: str(StatusAcceptedRisk), Reason: str("again")}, "me", t0)
	if a, _ := r.UpdateAction("A1", ActionChange{Status: str(StatusDone), Reason: str("kept on purpose")}, "me", t0); a.Reason != "kept on purpose" {
		t.Errorf("a reason given with the change was dropped: %q", a.Reason)
	}
}

// A choice that reads as "None of the above" without being marked so by
// the lens (a real third-party lens does this) is no practice to adopt:
// --all-high makes no action of it, and it is not offered either.
func TestNoneLikeChoicesAreNotAdopted(t *testing.T) {
	doc := `schemaVersion: "2021-11-01"
id: nl
name: L
pillars:
  - id: p
    name: P
    questions:
      - id: Q1
        title: Q one
        choices:
          - {id: c1, title: Write runbooks}
          - {id: c6, title: None of the above apply to us.}
          - {id: q1_none, title: Something else}
        riskRules: [{condition: c1, risk: NO_RISK}, {condition: default, risk: HIGH_RISK}]
`
	l, problems := questions.Parse("nl.yaml", []byte(doc), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	r := New(l, Workload{Name: "w"})
	r.Update("p", "Q1", "me", t0, func(a *Answer) { a.Selected = []string{"c6"} })
	added, err := r.AddActionsForHigh(l, Action{}, "me", t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 1 || added[0].ChoiceID != "c1" {
		t.Errorf("actions added: %+v, want one, for c1", added)
	}
	if got := r.adoptable(l.Pillars[0], l.Pillars[0].Questions[0]); got != "pick a practice not yet ticked: c1" {
		t.Errorf("practices offered: %q, want c1 alone", got)
	}
}
