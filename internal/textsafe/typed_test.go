package textsafe

import "testing"

func TestTyped(t *testing.T) {
	cases := map[string]string{
		"plain 日本 \uFFFD kept":                 "plain 日本 \uFFFD kept",
		"rlo \u202eevil\u202c":                 "rlo evil",
		"isolate \u2066x\u2069\u200f":          "isolate x",
		"esc \x1b[31m c1 \u009b":               "esc [31m c1 ",
		"ls\u2028ps\u2029nel\u0085cr\r\nlf\rx": "ls\nps\nnel\ncr\nlf\nx",
		"bad \xff byte":                        "bad  byte",
		"tab\tstays\n":                         "tab\tstays\n",
		"zero\u200bwidth stays":                "zero\u200bwidth stays",
	}
	for in, want := range cases {
		if got := Typed(in); got != want {
			t.Errorf("Typed(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInvisibleInNames(t *testing.T) {
	family := "👨\u200d👩\u200d👧"
	for _, c := range []struct{ in, name, shown string }{
		{"x\u200b", "x", `x\u200b`},
		{"\ufeffrelease\u2060 1", "release 1", `\ufeffrelease\u2060 1`},
		{"a\u200cb a\u200db", "ab ab", `a\u200cb a\u200db`},
		{"soft\u00adhyphen", "softhyphen", `soft\u00adhyphen`},
		{family, family, family},
		{"👍\u200d", "👍", `👍\u200d`},
		{"\u200d👍", "👍", `\u200d👍`},
		{"می\u200cخواهم", "می\u200cخواهم", "می\u200cخواهم"},
		{"  \u202eowner\u2028two\t ", "owner two", "  \u202eowner\u2028two\t "},
		{"plain", "plain", "plain"},
	} {
		if got := Name(c.in); got != c.name {
			t.Errorf("Name(%q) = %q, want %q", c.in, got, c.name)
		}
		if got := ShowInvisible(c.in); got != c.shown {
			t.Errorf("ShowInvisible(%q) = %q, want %q", c.in, got, c.shown)
		}
	}
	// While typing, a joiner at the end waits for what it joins.
	if got, _ := StripInvisibleAt("👨\u200d", 2); got != "👨\u200d" {
		t.Errorf("a joiner being typed was dropped: %q", got)
	}
	if got, _ := StripInvisibleAt("x\u200d", 2); got != "x" {
		t.Errorf("a joiner after ASCII stayed: %q", got)
	}
}
