package review

import "testing"

// A due date being given must be 1970 or later (0000-01-01 is a typo or a
// placeholder); a file that holds an older one still loads as written.
func TestDueYears(t *testing.T) {
	for _, s := range []string{"0000-01-01", "1969-12-31"} {
		if _, err := ParseDue(s); err == nil {
			t.Errorf("ParseDue(%q) accepted", s)
		}
	}
	for _, s := range []string{"1970-01-01", "2026-12-31", "9999-12-31", ""} {
		if got, err := ParseDue(s); err != nil || got != s {
			t.Errorf("ParseDue(%q) = %q, %v", s, got, err)
		}
	}
	r, err := Parse("r.yaml", []byte("wafr: 1\nlens: {id: ops}\nactions:\n  - {id: A1, question: p/q, status: open, due: 0001-01-01}\n"))
	if err != nil || r.Actions[0].Due != "0001-01-01" {
		t.Errorf("an old due date in a file: %v", err)
	}
}
