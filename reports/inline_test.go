package reports

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/internal/textsafe"
)

// inlineReference is inline as it was first written, in passes: the
// one-pass inline must give the same bytes for every input.
func inlineReference(s string) string {
	s = strings.Join(strings.Fields(textsafe.Clean(s)), " ")
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		} else if i == 0 && strings.ContainsRune("-+=", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := orderedMarker.ReplaceAllString(b.String(), `$1\$2$3`)
	return characterReference.ReplaceAllString(out, `\&$1`)
}

// orderedMarker is CommonMark's ordered list marker at the start of a line.
var orderedMarker = regexp.MustCompile(`^([0-9]{1,9})([.)])( |\t|$)`)

// characterReference is what CommonMark could read as a character
// reference, after its "&".
var characterReference = regexp.MustCompile(`&((#[xX]?)?[A-Za-z0-9]+;)`)

// An "&" is escaped only where it would start a character reference:
// CommonMark reads the text as written, and a URL in a note stays whole.
func TestInlineAmpersand(t *testing.T) {
	for in, want := range map[string]string{
		"R&D":                  "R&D",
		"a & b":                "a & b",
		"?version=42&anchor=7": "?version=42&anchor=7",
		"&amp; &#38; &#x26;":   `\&amp; &\#38; &\#x26;`, // "#" is escaped anyway
		"&copy":                "&copy",
		"&&amp;;":              `&\&amp;;`,
		`\&amp;`:               `\\\&amp;`,
		"&am_p;":               `&am\_p;`,
		"&#;":                  `&\#;`,
	} {
		if got := inline(in); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
}

var inlineSeeds = []string{
	"", " ", "plain text", "  leading and trailing  ", "two  spaces", "tab\there", "line\nbreak\r\n",
	"- list", "+ plus", "= setext", " - after space", "1. ordered", "# heading", "a | b", "`code`", "*em* _em_",
	"[link](x)", "<b>", "a & b", "&amp; &#38; &#x26a; &x", "a&b;c", "&\x00amp;", "~strike~", "!image", "back\\slash", "\x1b[31mred\x1b[0m", "nul\x00byte",
	"bidi \u202e override", "c1 \u0085 next line", "nbsp\u00a0here", "ideographic\u3000space", "\u2028sep\u2029",
	"invalid \xff\xfe utf-8", "real \ufffd replacement", "日本語のテキスト", "émoji 😀 ok", "\v\f vertical", "-",
	"=-+", "\u00a0- after nbsp", "\x7f del",
	"2) paren", "3.", "123456789. nine", "1234567890. ten", "1.5 hours", "\x001. after nul", " 4.\tpadded", "5.&amp;",
}

// FuzzInline: inline is inlineReference, on the seeds (every go test)
// and on what the fuzzer finds.
func FuzzInline(f *testing.F) {
	for _, s := range inlineSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := inline(s), inlineReference(s); got != want {
			t.Errorf("inline(%q) = %q, want %q", s, got, want)
		}
	})
}

// plain and textWidth take shortcuts for printable ASCII: they must give
// what the long way gives.
func FuzzPlainAndWidth(f *testing.F) {
	for _, s := range inlineSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plain(s), strings.Join(strings.Fields(textsafe.Clean(s)), " "); got != want {
			t.Errorf("plain(%q) = %q, want %q", s, got, want)
		}
		if got, want := textWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
	})
}

// plainByte's bit masks accept exactly printable ASCII but the space, "&"
// and mdSpecial; isMDSpecial's accept exactly mdSpecial.
func TestPlainByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c > ' ' && c < 0x7f && c != '&' && !strings.ContainsRune(mdSpecial, rune(c))
		if got := plainByte(byte(c)); got != want {
			t.Errorf("plainByte(%q) = %v, want %v", rune(c), got, want)
		}
		if got, want := isMDSpecial(byte(c)), c < 0x80 && strings.ContainsRune(mdSpecial, rune(c)); got != want {
			t.Errorf("isMDSpecial(%q) = %v, want %v", rune(c), got, want)
		}
	}
}

// inlinePlain is true exactly for a plain line (isPlainLine) with no "&",
// no mdSpecial and no list marker (bullet or ordered) or underline at the start: every string
// of up to two bytes, and each byte between words.
func TestInlinePlainDefinition(t *testing.T) {
	want := func(s string) bool {
		return isPlainLine(s) && !strings.ContainsAny(s, "&"+mdSpecial) && !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "+") && !strings.HasPrefix(s, "=") && !orderedMarker.MatchString(s)
	}
	var cases []string
	for a := 0; a < 256; a++ {
		cases = append(cases, string([]byte{byte(a)}), "ab"+string([]byte{byte(a)})+"cd")
		for b := 0; b < 256; b += 7 {
			cases = append(cases, string([]byte{byte(a), byte(b)}))
		}
	}
	cases = append(cases, "", "a  b", "a b", " a", "a ", "-a", "a-b", "a=b", "1. a", "1.", "12) b", "1.5", "1234567890. a")
	for _, s := range cases {
		if got := inlinePlain(s); got != want(s) {
			t.Errorf("inlinePlain(%q) = %v, want %v", s, got, want(s))
		}
	}
}
