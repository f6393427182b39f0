package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/wafr-dev/wafr/internal/plaintext"
	"github.com/wafr-dev/wafr/questions"
)

// lensesToRead are the built-in lenses, our fixtures and, when the folder
// is there, the real AWS lenses (skipped, and said so, without it).
func lensesToRead(t *testing.T) []string {
	srcs := []string{"builtin:ops", "builtin:ops-ja", "builtin:users", "builtin:users-ja",
		"../testdata/aws/s3-style-resources.json", "../testdata/aws/ja-long-description.json", "testdata/ja.yaml"}
	real, _ := filepath.Glob(filepath.Join("..", "..", "shared", "aws-lenses", "*.json"))
	if len(real) == 0 {
		t.Log("../../shared/aws-lenses is absent: the real AWS lenses are not read")
	}
	return append(srcs, real...)
}

// panePages scrolls the help pane of the highlighted choice from top to
// end and returns every line of it as the screen showed it, in order, raw
// (with styles and hyperlinks).
func panePages(t *testing.T, p *program) []string {
	t.Helper()
	var content []string
	for pages := 0; ; pages++ {
		rows, ok := paneRows(p.View(), p.v.question)
		if !ok {
			t.Fatalf("no pane on screen:\n%s", p.View())
		}
		top := p.v.question.pane.top
		for i, l := range rows {
			for len(content) <= top+i {
				content = append(content, "")
			}
			content[top+i] = l
		}
		if p.v.question.pane.atBottom() {
			break
		}
		if pages > 500 {
			t.Fatal("the pane never reaches its end")
		}
		press(p, "pgdown")
	}
	return content
}

// paneRows is the text of the help pane's lines on a frame, raw, in
// either layout: the border and padding off. A line wider than the pane's
// text (a URL on a line of its own) is read from the columns the pane
// gives it, over its padding and border and, in the wide layout, over the
// choices.
func paneRows(frame string, q questionScreen) ([]string, bool) {
	pw, _ := q.paneSize()
	left := q.w - pw // the pane's first column
	lines := strings.Split(frame, "\n")
	start := -1
	for i, l := range lines {
		if paneTop(ansi.Strip(l), left) {
			start = i
			break
		}
	}
	if start < 0 || start+1+q.pane.height > len(lines) {
		return nil, false
	}
	vis := q.pane.visible()
	rows := make([]string, q.pane.height)
	for i := range rows {
		from, to := left+2, left+pw-2
		if i < len(vis) {
			if w := ansi.StringWidth(vis[i]); w > pw-paneFrameW {
				from = left + min(2, pw-w)
				to = from + w
			}
		}
		rows[i] = strings.TrimRight(ansi.Cut(lines[start+1+i], from, to), " ")
	}
	return rows, true
}

// paneTop reports whether a plain line of the screen is the help pane's
// top border, the pane starting at column left: a corner, or the rule of
// an open pane (the rules inside the pane start further right); heavy
// while the pane has the keys.
func paneTop(l string, left int) bool {
	c := ansi.Cut(l, left, left+2)
	return strings.HasPrefix(c, "╭") || strings.HasPrefix(c, "┏") || c == "──" || c == "━━"
}

// paneBorders are the help pane's top and bottom borders on screen, in
// either frame, plain.
func paneBorders(t *testing.T, p *program) (top, bottom string) {
	t.Helper()
	pw, _ := p.v.question.paneSize()
	lines := screenLines(p)
	for i, l := range lines {
		if paneTop(l, p.v.question.w-pw) && i+1+p.v.question.pane.height < len(lines) {
			return l, lines[i+1+p.v.question.pane.height]
		}
	}
	t.Fatalf("no pane on screen:\n%s", plainView(p))
	return "", ""
}

var (
	wordRe = regexp.MustCompile(`[\p{L}\p{N}]+`)
	urlRe  = regexp.MustCompile(`https?://[^\s<>"()\p{Han}\p{Hiragana}\p{Katakana}（）「」、。]+`)
	linkRe = regexp.MustCompile(`\]\((https?://[^)\s]+)\)`)
)

// inOrder checks that the words of src appear in text in order, and
// reports the first missing. A word of Latin letters must be whole (split
// across lines it would read as two); Japanese breaks anywhere, so its
// words are looked for with the line breaks taken out.
func inOrder(text, src string) string {
	spaced := " " + strings.Join(strings.Fields(text), " ") + " "
	flat := strings.Join(strings.Fields(text), "")
	atSpaced, atFlat := 0, 0
	for _, w := range wordRe.FindAllString(src, -1) {
		hay, at := flat, &atFlat
		if isASCII(w) {
			hay, at = spaced, &atSpaced
		}
		i := strings.Index(hay[*at:], w)
		if i < 0 {
			return w
		}
		*at += i + len(w)
	}
	return ""
}

// The check itself: a word split across lines is missing; Japanese
// broken anywhere is not.
func TestInOrder(t *testing.T) {
	for _, c := range []struct{ text, src, missing string }{
		{"keep the contai\nner small", "keep the container small", "container"},
		{"keep the\ncontainer small", "keep the container small", ""},
		{"small container", "container small", "small"},
		{"手順書を確\n認する", "手順書を確認する", ""},
	} {
		if got := inOrder(c.text, c.src); got != c.missing {
			t.Errorf("inOrder(%q, %q) = %q, want %q", c.text, c.src, got, c.missing)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// A review meeting reads the help aloud: at 80x24 and 140x40, scrolled to
// its end, the help pane of every choice of every question of every lens
// shows every word of the description, every choice title, every
// displayText and every URL, and each URL no wider than the terminal on one
// line of the screen (issue 16).
func TestEveryWordOfTheHelpReachesThePane(t *testing.T) {
	for _, src := range lensesToRead(t) {
		for _, size := range [][2]int{{80, 24}, {140, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", filepath.Base(src), size[0], size[1]), func(t *testing.T) {
				l := loadLens(t, src)
				p := newTestProgram(t, l, nil, size[0], size[1])
				p.v = NewViewer(p.s.Snapshot(), ViewerOptions{Renderer: testRenderer(false), Hyperlinks: true, Now: func() time.Time { return testNow }})
				p.v.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				for i, it := range p.s.Snapshot().Items {
					p.v.openQuestion(i)
					renderHelp(p.v)
					checkQuestionHelp(t, p, it.Question)
				}
			})
		}
	}
}

func checkQuestionHelp(t *testing.T, p *program, q *questions.Question) {
	t.Helper()
	for ci, c := range q.Choices {
		p.v.question.cursor = ci
		p.v.question.pane.gotoTop()
		p.v.question = p.v.question.refreshPane()
		p.v.refresh()
		pane := panePages(t, p)
		plain := ansi.Strip(strings.Join(pane, "\n"))
		where := q.ID + "/" + c.ID
		var texts []string
		texts = append(texts, c.Title)
		for _, r := range choiceResources(c) {
			texts = append(texts, r.DisplayText)
		}
		if ci == 0 { // the description is the same under every choice
			desc := linkRe.ReplaceAllString(q.Description, "]") // link targets are notes after the block
			texts = append(texts, urlRe.ReplaceAllString(desc, " "))
			if r := q.HelpfulResource; r != nil {
				texts = append(texts, r.DisplayText)
			}
		}
		for _, text := range texts {
			if missing := inOrder(plain, sanitize(text)); missing != "" {
				t.Errorf("%s: %q never shows in the pane:\n%s", where, missing, plain)
				return
			}
		}
		for _, u := range paneURLs(q, c, ci == 0) {
			checkURL(t, where, pane, u, p.v.question.w)
		}
		for _, l := range pane {
			if w := ansi.StringWidth(l); w > p.v.question.w {
				t.Errorf("%s: a line is %d wide: %q", where, w, ansi.Strip(l))
			}
		}
	}
}

// paneURLs is every address the pane of choice c shows.
func paneURLs(q *questions.Question, c *questions.Choice, desc bool) []string {
	var out []string
	for _, r := range choiceResources(c) {
		out = append(out, urlRe.FindAllString(r.DisplayText, -1)...)
		if r.URL != "" {
			out = append(out, strings.TrimSpace(r.URL))
		}
	}
	if desc {
		out = append(out, urlRe.FindAllString(q.Description, -1)...)
		if r := q.HelpfulResource; r != nil && r.URL != "" {
			out = append(out, strings.TrimSpace(r.URL))
		}
	}
	for i, u := range out {
		out[i] = strings.TrimRight(sanitize(u), ".,;:!?")
	}
	return out
}

// checkURL: a URL no wider than the screen is on one line of it; only a
// longer one runs over lines, cut after its own punctuation, and then
// every piece is a hyperlink to the whole address.
func checkURL(t *testing.T, where string, pane []string, u string, screen int) {
	t.Helper()
	plain := make([]string, len(pane))
	for i, l := range pane {
		plain[i] = strings.TrimSpace(ansi.Strip(l))
	}
	for _, l := range plain {
		if strings.Contains(l, u) {
			return
		}
	}
	if ansi.StringWidth(u) <= screen {
		t.Errorf("%s: %s fits the %d-column screen but is broken:\n%s", where, u, screen, strings.Join(plain, "\n"))
		return
	}
	joined := strings.Join(plain, "")
	if !strings.Contains(joined, u) {
		t.Errorf("%s: %s does not show:\n%s", where, u, strings.Join(plain, "\n"))
		return
	}
	if target, ok := hyperlinkTarget(u); ok && !strings.Contains(linkedText(pane, target), u) {
		t.Errorf("%s: the pieces of %s are not one hyperlink:\n%q", where, u, pane)
	}
}

// linkedText is the visible text of lines that lies inside OSC 8
// hyperlinks to target, joined.
func linkedText(lines []string, target string) string {
	var b strings.Builder
	for _, l := range lines {
		for {
			i := strings.Index(l, "\x1b]8;")
			if i < 0 {
				break
			}
			l = l[i+len("\x1b]8;"):]
			end := strings.Index(l, "\x1b\\")
			if end < 0 {
				break
			}
			params := l[:end]
			l = l[end+2:]
			if _, uri, _ := strings.Cut(params, ";"); uri != target {
				continue
			}
			text := l
			if j := strings.Index(l, "\x1b]8;"); j >= 0 {
				text = l[:j]
			}
			b.WriteString(ansi.Strip(text))
		}
	}
	return b.String()
}

// Every help text a lens gives is laid out by wafr: glamour is gone from
// the TUI, so its wrapping can never cut Japanese text again.
func TestHelpIsNotWrappedByGlamour(t *testing.T) {
	for _, f := range mustGlob(t, "*.go") {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		if strings.Contains(string(src), `"github.com/charmbracelet/glamour"`) {
			t.Errorf("%s imports glamour", f)
		}
	}
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil || len(m) == 0 {
		t.Fatalf("glob %s: %v", pattern, err)
	}
	return m
}

// The bullets of plain lens text keep their nesting in the pane.
func TestResourceBulletsKeepTheirIndentation(t *testing.T) {
	p := newTestProgram(t, loadLens(t, "../testdata/aws/s3-style-resources.json"), nil, 80, 24)
	pane := strings.Join(panePages(t, p), "\n")
	for _, want := range []string{
		"Learn more\n• What Block Public Access covers:\n  ◦ bucket policies that grant public access\n  ◦ access control lists (ACLs)\n    ▪ on the bucket\n",
		"To improve\nTurn on Block Public Access at the account level",
		"• Roll it out safely:\n  ◦ find the buckets that are public today with IAM Access Analyzer\n",
	} {
		if !strings.Contains(ansi.Strip(pane), want) {
			t.Errorf("pane lacks %q:\n%s", want, ansi.Strip(pane))
		}
	}
	// Helpful resources are never under "To improve".
	plainPane := ansi.Strip(pane)
	if i, j := strings.Index(plainPane, "Learn more"), strings.Index(plainPane, "To improve"); i < 0 || j < i ||
		strings.Contains(plainPane[j:], "Monitoring public access") {
		t.Errorf("resources under the wrong heading:\n%s", plainPane)
	}
	if b := plaintext.Parse("- a\n  - b"); b[1].Level != 1 {
		t.Fatal("plaintext nesting")
	}
}
