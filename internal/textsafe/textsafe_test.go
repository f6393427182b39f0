package textsafe

import "testing"

func TestClean(t *testing.T) {
	cases := map[string]string{
		"plain text":                       "plain text",
		"日本語\nline\ttab":                   "日本語\nline\ttab",
		"\x1b[31mred\x1b[0m":               "\uFFFD[31mred\uFFFD[0m",
		"osc \x1b]8;;http://x\x07link":     "osc \uFFFD]8;;http://x\uFFFDlink",
		"c1 \u009b31m":                     "c1 \uFFFD31m",
		"bidi \u202eevil\u202c":            "bidi \uFFFDevil\uFFFD",
		"bad \xff utf8":                    "bad \uFFFD utf8",
		"del\x7f":                          "del\uFFFD",
		"isolate \u2066x\u2069 mark\u200f": "isolate \uFFFDx\uFFFD mark\uFFFD",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every kind of line break becomes a newline, CR LF one of them, before
// the rest is made safe.
func TestCleanLineBreaks(t *testing.T) {
	cases := map[string]string{
		"plain text":                 "plain text",
		"hi \u2028ls":                "hi \nls",
		"para\u2029next":             "para\nnext",
		"nel\u0085next":              "nel\nnext",
		"crlf\r\nlf\rcr":             "crlf\nlf\ncr",
		"bidi \u202e\u2028\x1b[31m":  "bidi \uFFFD\n\uFFFD[31m",
		"日本\u2028語\tタブ":              "日本\n語\tタブ",
		"\u2028\u2029\u0085\r\n\r\n": "\n\n\n\n\n",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Rune, for one line of text, gives a newline for each line-break rune
// (its caller makes it a space) and U+FFFD for an unsafe one.
func TestRune(t *testing.T) {
	for in, want := range map[rune]rune{
		'a': 'a', '\n': '\n', '\t': '\t', '\r': '\n', 0x85: '\n', 0x2028: '\n', 0x2029: '\n',
		0x1b: 0xfffd, 0x9b: 0xfffd, 0x202e: 0xfffd, 0x7f: 0xfffd, 'あ': 'あ',
	} {
		if got := Rune(in); got != want {
			t.Errorf("Rune(%U) = %U, want %U", in, got, want)
		}
	}
}
