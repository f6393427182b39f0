package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapJapaneseRules(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		// 。 may not start a line: it goes with the character before.
		{"あいうえお。かきくけこ", 10, "あいうえ\nお。かきく\nけこ"},
		// A closing bracket and a prolonged sound mark stay with their
		// word; an opening bracket goes to the next line with its word.
		{"これは「テスト」です", 10, "これは「テ\nスト」です"},
		{"あいうえ「かきくけ", 10, "あいうえ\n「かきくけ"},
		{"ユーザーサーバー", 8, "ユーザー\nサーバー"},
		// Small kana and the comma.
		{"ちょっと、まって", 6, "ちょっ\nと、\nまって"},
		// Latin words break at spaces only; a run of Japanese after a word
		// may break between characters.
		{"SLO を決める", 6, "SLO を\n決める"},
	}
	for _, c := range cases {
		if got := wrap(c.in, c.w); got != c.want {
			t.Errorf("wrap(%q, %d) =\n%s\nwant\n%s", c.in, c.w, got, c.want)
		}
	}
}

// Over real Japanese text at every width: no line starts with a
// character that may not start one or ends with one that may not end one,
// no line is too wide, and every character reaches a line.
func TestWrapKeepsEveryCharacterAndTheRules(t *testing.T) {
	l := loadLens(t, "../testdata/aws/ja-long-description.json")
	texts := []string{l.Pillars[0].Questions[0].Description}
	for _, c := range l.Pillars[0].Questions[0].Choices {
		texts = append(texts, c.Title)
	}
	ja := loadLens(t, "builtin:ops-ja")
	for _, p := range ja.Pillars {
		for _, q := range p.Questions {
			texts = append(texts, q.Title)
			for _, c := range q.Choices {
				if c.HelpfulResource != nil {
					texts = append(texts, c.HelpfulResource.DisplayText)
				}
			}
		}
	}
	for _, text := range texts {
		for w := 12; w <= 80; w++ {
			out := wrap(text, w)
			checkRules(t, out, w)
			if squeeze(out) != squeeze(text) {
				t.Fatalf("width %d lost text:\n%s\nfrom\n%s", w, out, text)
			}
		}
	}
}

func checkRules(t *testing.T, out string, w int) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimLeft(ansi.Strip(line), " ")
		if line == "" {
			continue
		}
		if ansi.StringWidth(line) > w {
			t.Errorf("width %d: line %q is %d wide", w, line, ansi.StringWidth(line))
		}
		first, _ := utf8.DecodeRuneInString(line)
		last, _ := utf8.DecodeLastRuneInString(line)
		if strings.ContainsRune("、。，．）」』】〕〉》ーぁぃぅぇぉっゃゅょァィゥェォッャュョ・：；？！", first) {
			t.Errorf("width %d: line starts with %q: %q", w, first, line)
		}
		if strings.ContainsRune("（「『【〔〈《", last) {
			t.Errorf("width %d: line ends with %q: %q", w, last, line)
		}
	}
}

// squeeze drops white space: what must survive wrapping.
func squeeze(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), "") }

// A URL is never split where it fits the screen: wider than the pane's
// line, it gets a line of its own up to the screen's width, with its
// prefix when that fits too. Only a URL wider than the screen is cut, after
// its own punctuation, and its pieces are one hyperlink.
func TestWrapKeepsURLsWhole(t *testing.T) {
	u := "https://docs.aws.amazon.com/wellarchitected/latest/framework/ops-01.html"
	out := wrap("See the framework at "+u+", which explains it.", 80)
	if !lineHolds(out, u) {
		t.Errorf("URL split although it fits:\n%s", out)
	}
	// Japanese right after a URL ends it; the rest wraps around it.
	out = wrap("詳しくは"+u+"を参照してください。", 76)
	if !lineHolds(out, u) {
		t.Errorf("URL split in Japanese text:\n%s", out)
	}

	tr := textRenderer{styles: NewStyles(testRenderer(false)), hyperlinks: true}
	link := func(u string) run { return run{text: u, style: tsLink, link: u, url: true} }
	plain := func(lines []string) string { return ansi.Strip(strings.Join(lines, "\n")) }
	// The pane's 57 columns of text at 140 wide (wider than the pane,
	// within the screen), and an 80-character URL in an 80x24 pane.
	ecs := "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html"
	cw := "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-InternetMonitor.html"
	for _, c := range []struct {
		runs        []run
		w, wide     int
		first, rest string
		want        string
	}{
		{[]run{{text: "Read"}, {soft: true}, link(cw), {text: ", then go on."}}, 57, 140, "", "",
			"Read\n" + cw + ",\nthen go on."},
		{[]run{link(ecs)}, 76, 80, "", "", ecs},
		// A note's number stays in front when it fits, else on its own.
		{[]run{link(cw)}, 57, 140, "[1] ", "    ", "[1] " + cw},
		{[]run{link(ecs)}, 76, 80, "[1] ", "    ", "[1]\n" + ecs},
		// A hanging indent stays when it fits, else it goes.
		{[]run{link(cw)}, 57, 140, "• ", "  ", "• " + cw},
		{[]run{{text: "Monitor"}, {soft: true}, link(ecs)}, 76, 80, "• ", "  ", "• Monitor\n" + ecs},
		// An opening bracket goes along, and a closing one stays; the
		// text after it goes back to the pane's width.
		{[]run{{text: "詳しくは（"}, link(cw), {text: "）を参照。"}}, 57, 140, "", "",
			"詳しくは\n（" + cw + "）\nを参照。"},
		// Not when the brackets would not fit the screen with it: the URL
		// stays whole.
		{[]run{{text: "see ("}, link(ecs), {text: ")"}}, 76, 80, "", "", "see\n(\n" + ecs + "\n)"},
	} {
		got := plain(tr.wrapWide(c.runs, c.w, c.wide, c.first, c.rest))
		if got != c.want {
			t.Errorf("wrap at %d in %d:\n%s\nwant\n%s", c.w, c.wide, got, c.want)
		}
	}

	// Wider than the screen: cut after its own slashes, dots or hyphens
	// at the pane's width, every piece a hyperlink to the whole address.
	long := "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region"
	lines := tr.wrapWide([]run{link(long)}, 57, 100, "", "")
	target, _ := hyperlinkTarget(long)
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > 57 || !strings.Contains(l, ";"+target+"\x1b\\") {
			t.Errorf("piece %q: %d wide, or not a hyperlink to the whole address", ansi.Strip(l), w)
		}
	}
	if got := strings.ReplaceAll(plain(lines), "\n", ""); got != long || len(lines) != 3 || !strings.HasSuffix(ansi.Strip(lines[0]), "/") {
		t.Errorf("long URL cut badly:\n%s", plain(lines))
	}
	// Plain wrapping (dialogs) keeps to its width: a longer URL is cut.
	out = wrap(cw, 76)
	if l := strings.Split(out, "\n"); strings.Join(l, "") != cw || len(l) != 2 || !strings.HasSuffix(l[0], "CloudWatch-") {
		t.Errorf("long URL cut badly:\n%s", out)
	}
}

func lineHolds(out, s string) bool {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// Only wafr writes OSC 8, around an http(s) address it has checked: text
// from a lens cannot open, close or smuggle an escape through it.
func TestHyperlinksAreSafe(t *testing.T) {
	tr := textRenderer{styles: NewStyles(testRenderer(false)), hyperlinks: true}
	for _, link := range []string{
		"https://example.com/a\x1b]52;c;eA==\x07", "https://example.com/\x1b\\x", "javascript:alert(1)", "file:///etc/passwd",
		"https://exa mple.com", "https://例え.jp/パス", "https://example.com/a;b?c=d&e", "ftp://x",
	} {
		out := tr.render(line{segs: []seg{{text: "text", link: link}}})
		if n := strings.Count(out, "\x1b"); n != 0 && n != 4 {
			t.Errorf("%q: %d escapes in %q", link, n, out)
		}
		if strings.Contains(out, "\x07") || strings.Contains(out, "\x1b]52") {
			t.Errorf("%q: unsafe output %q", link, out)
		}
		target, ok := hyperlinkTarget(link)
		if ok != (strings.HasPrefix(link, "https://") && !strings.ContainsAny(link, " ")) && link != "https://exa mple.com" {
			t.Errorf("%q: hyperlink %v", link, ok)
		}
		for _, c := range []byte(target) {
			if c <= 0x20 || c >= 0x7f {
				t.Errorf("%q: target %q holds byte %#x", link, target, c)
			}
		}
		if ansi.Strip(out) != "text" {
			t.Errorf("%q: visible text %q", link, ansi.Strip(out))
		}
	}
	off := textRenderer{styles: tr.styles}
	if out := off.render(line{segs: []seg{{text: "text", link: "https://example.com"}}}); out != "text" {
		t.Errorf("hyperlinks off: %q", out)
	}
}
