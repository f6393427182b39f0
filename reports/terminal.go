package reports

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/wafr-dev/wafr/internal/plaintext"
)

// TerminalOptions say how Markdown is drawn on a terminal.
type TerminalOptions struct {
	Color bool
	Dark  bool // the terminal's background, decided by the caller
	Width int  // 0: 80
}

// WriteMarkdownTerminal draws Markdown for reading in a terminal, the way
// glow does, with glamour: headings, lists, tables and emphasis styled.
// The style is chosen from the options, never by asking the terminal.
//
// glamour is not left to wrap lines: it breaks words at dots and hyphens,
// which cuts URLs, and only at spaces, which lets Japanese run past the
// edge. It draws each paragraph on one line, and wrapTerminal breaks the
// lines: at spaces and between Japanese characters, by the Japanese rules,
// never inside a word or a URL, each list item and quote carrying on under
// its text. A table keeps the width its cells need (PlanOptions.Terminal
// writes only narrow ones).
func WriteMarkdownTerminal(w io.Writer, md []byte, o TerminalOptions) error {
	style, profile := "notty", termenv.Ascii
	if o.Color {
		style, profile = "light", termenv.ANSI256
		if o.Dark {
			style = "dark"
		}
	}
	width := o.Width
	if width <= 0 {
		width = 80
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithColorProfile(profile), glamour.WithWordWrap(0))
	if err != nil {
		return err
	}
	out, err := r.RenderBytes(glamourEscapes(md))
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, wrapTerminal(string(out), width-terminalMargin, width))
	return err
}

// terminalMargin is the right margin of a drawn plan, as wide as the left
// one glamour draws.
const terminalMargin = 2

// glamourUnescapes are the backslash escapes glamour removes from text;
// it shows any other escape with its backslash.
const glamourUnescapes = "\\`*_{}[]<>()#+-.!|"

// glamourEscapes rewrites Markdown text so that glamour shows it as
// CommonMark reads it. glamour draws text from the source as written,
// removing only some backslash escapes (glamourUnescapes) and then
// decoding character references the way a browser does, even without
// their ";", and even in code. So in text, an escape it would show
// ("\&", "\~", "\=") becomes the character's numeric reference, which it
// decodes, and an "&" that is not a reference becomes "&#38;", so that
// "&copy 2026" is not drawn as "© 2026"; in code, every "&" becomes
// "&#38;".
func glamourEscapes(md []byte) []byte {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser().Parse(text.NewReader(md))
	var out bytes.Buffer
	done := 0 // md is copied up to here
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || t.Segment.Start < done {
			return ast.WalkContinue, nil
		}
		out.Write(md[done:t.Segment.Start])
		seg := md[t.Segment.Start:t.Segment.Stop]
		_, code := t.Parent().(*ast.CodeSpan)
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			switch {
			case code:
				if c == '&' {
					out.WriteString("&#38;")
				} else {
					out.WriteByte(c)
				}
			case c == '\\' && i+1 < len(seg) && isASCIIPunct(seg[i+1]):
				if strings.IndexByte(glamourUnescapes, seg[i+1]) >= 0 {
					out.Write(seg[i : i+2])
				} else {
					out.WriteString("&#" + strconv.Itoa(int(seg[i+1])) + ";")
				}
				i++
			case c == '&' && !referenceAhead(string(seg[i+1:])):
				out.WriteString("&#38;")
			default:
				out.WriteByte(c)
			}
		}
		done = t.Segment.Stop
		return ast.WalkContinue, nil
	})
	out.Write(md[done:])
	return out.Bytes()
}

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// escapes in CommonMark.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// Japanese line breaking (kinsoku): noStart may not start a line, noEnd may
// not end one. "*" and "_" are both, as emphasis marks glamour leaves in
// the text without colour: they hold on to the word they mark. Nor does a
// line start with the "·" between facts.
const (
	noStart = "·*_" + plaintext.NoLineStart
	noEnd   = "*_" + plaintext.NoLineEnd
)

// termCell is a piece of a drawn line: an escape sequence (no width) or a
// grapheme cluster.
type termCell struct {
	s     string
	width int
	esc   bool
}

// wrapTerminal breaks each line of text drawn by glamour that is wider
// than width columns (escape sequences take none). A line breaks after
// its spaces, which it drops, or between two characters where one is
// wide (Japanese), unless the second may not start a line or (between
// characters) the first may not end one; never inside a URL, nor
// elsewhere, so a word or a URL too wide for a
// line gets a line of its own and is never cut. The lines after the
// first start as wide as its list marker, heading marks and indent,
// repeating its quote bars; the style the line had where it broke
// carries on after them. A word (a URL) too wide for its line after an
// indent of spaces starts at the left edge instead, when that lets it fit
// the screen's width.
func wrapTerminal(s string, width, screen int) string {
	if width < 1 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = wrapTerminalLine(l, width, screen)
		}
	}
	return strings.Join(lines, "\n")
}

func wrapTerminalLine(l string, width, screen int) string {
	var cells []termCell
	var state byte
	for rest := l; rest != ""; {
		seq, w, n, st := ansi.DecodeSequence(rest, state, nil)
		state = st
		cells = append(cells, termCell{s: seq, width: w, esc: w == 0 && strings.HasPrefix(seq, "\x1b")})
		rest = rest[n:]
	}
	// The graphemes, by index into cells.
	var gs []int
	for i, c := range cells {
		if !c.esc {
			gs = append(gs, i)
		}
	}
	p := prefixLen(cells, gs)
	if p == len(gs) {
		return l
	}
	color := strings.Contains(l, "\x1b")
	var cont strings.Builder // the prefix of the lines after the first
	prefixWidth, bars := 0, false
	for _, c := range cells[:gs[p]] {
		switch {
		case c.esc:
			cont.WriteString(c.s)
		case c.s == "│" || c.s == "|":
			cont.WriteString(c.s)
			bars = true
		default:
			cont.WriteString(strings.Repeat(" ", c.width))
		}
		prefixWidth += c.width
	}
	room := max(1, width-prefixWidth)
	url := urlRuns(cells, gs, p)

	// Where a line may break: before grapheme k of gs.
	breakable := func(k int) bool {
		a, b := cells[gs[k-1]].s, cells[gs[k]].s
		switch {
		case b == " ", url[k] != 0 && url[k] == url[k-1]:
			return false
		}
		ra, rb := lastRune(a), firstRune(b)
		if a == " " {
			return !strings.ContainsRune(noStart, rb)
		}
		wide := cells[gs[k-1]].width > 1 || cells[gs[k]].width > 1 || plaintext.Wide(ra) || plaintext.Wide(rb)
		return wide && !strings.ContainsRune(noStart, rb) && !strings.ContainsRune(noEnd, ra)
	}
	// The breaks: grapheme indexes where a new line starts, and whether
	// that line starts at the left edge.
	var breaks []int
	outdent := map[int]bool{}
	used := 0 // the width of the line so far, without its trailing spaces
	pending := 0
	for k := p; k < len(gs); {
		// The unit from k to the next place a line may break.
		j, w := k, 0
		for j < len(gs) && (j == k || !breakable(j)) {
			w += cells[gs[j]].width
			j++
		}
		sp := 0 // its trailing spaces
		for m := j - 1; m >= k && cells[gs[m]].s == " "; m-- {
			sp += cells[gs[m]].width
		}
		if used > 0 && used+pending+w-sp > room {
			breaks = append(breaks, k)
			used, pending = 0, 0
			outdent[k] = !bars && w-sp > room && w-sp <= screen
		}
		used += pending + w - sp
		pending = sp
		k = j
	}
	if len(breaks) == 0 {
		return l
	}
	// The spaces a line ends with before a break are dropped.
	drop := map[int]bool{}
	for _, k := range breaks {
		for m := k - 1; m >= p && cells[gs[m]].s == " "; m-- {
			drop[m] = true
		}
	}

	var b strings.Builder
	var sgr []string // the style in force: SGR sequences since the last reset
	next := 0        // the next break
	g := 0           // graphemes seen
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if c.esc {
			b.WriteString(c.s)
			if strings.HasPrefix(c.s, "\x1b[") && strings.HasSuffix(c.s, "m") {
				if c.s == "\x1b[0m" || c.s == "\x1b[m" {
					sgr = sgr[:0]
				} else {
					sgr = append(sgr, c.s)
				}
			}
			continue
		}
		if next < len(breaks) && g == breaks[next] {
			if color {
				b.WriteString("\x1b[0m")
			}
			if outdent[g] {
				b.WriteString("\n")
			} else {
				b.WriteString("\n" + cont.String())
			}
			if color {
				b.WriteString("\x1b[0m" + strings.Join(sgr, ""))
			}
			next++
		}
		if !drop[g] {
			b.WriteString(c.s)
		}
		g++
	}
	return b.String()
}

// urlRuns numbers the URLs of a line from 1, by grapheme (gs indexes
// cells) from p on: each http(s) address that starts a word, up to a
// space, a quote or angle bracket, or Japanese prose (hiragana or Japanese
// punctuation: a path in kanji or katakana stays in), without the
// punctuation that ends a sentence after it.
func urlRuns(cells []termCell, gs []int, p int) []int {
	runs := make([]int, len(gs))
	at := func(k int) string { return cells[gs[k]].s }
	n := 0
	for k := p; k < len(gs); k++ {
		if k > p && isWordGrapheme(at(k-1)) || !hasURLScheme(cells, gs, k) {
			continue
		}
		j := k
		for j < len(gs) && !endsURL(at(j)) {
			j++
		}
		for j > k {
			c := at(j - 1)
			if strings.Contains(".,;:!?'", c) || c == ")" && opens(cells, gs, k, j) <= 0 {
				j--
				continue
			}
			break
		}
		n++
		for m := k; m < j; m++ {
			runs[m] = n
		}
		k = j
	}
	return runs
}

// hasURLScheme reports whether graphemes from k read "http://" or
// "https://".
func hasURLScheme(cells []termCell, gs []int, k int) bool {
	var b strings.Builder
	for m := k; m < len(gs) && m < k+8; m++ {
		b.WriteString(cells[gs[m]].s)
	}
	s := strings.ToLower(b.String())
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// opens is how many more "(" than ")" graphemes k to j hold.
func opens(cells []termCell, gs []int, k, j int) int {
	n := 0
	for m := k; m < j; m++ {
		switch cells[gs[m]].s {
		case "(":
			n++
		case ")":
			n--
		}
	}
	return n
}

func isWordGrapheme(g string) bool {
	return len(g) == 1 && (g[0] >= 'a' && g[0] <= 'z' || g[0] >= 'A' && g[0] <= 'Z' || g[0] >= '0' && g[0] <= '9')
}

// endsURL reports whether a grapheme ends a URL written in text.
func endsURL(g string) bool {
	r := firstRune(g)
	return r == ' ' || r == '<' || r == '>' || r == '"' || unicode.Is(unicode.Hiragana, r) ||
		r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff0f || r >= 0xff1a && r <= 0xff20 || r >= 0xff3b && r <= 0xff40 || r >= 0xff5b && r <= 0xff65
}

// prefixLen is how many graphemes of a line make its prefix: its indent,
// then any quote bars, list markers (bullets, numbers, task boxes) and
// heading marks, each with the space after it.
func prefixLen(cells []termCell, gs []int) int {
	at := func(k int) string {
		if k < len(gs) {
			return cells[gs[k]].s
		}
		return ""
	}
	k := 0
	for {
		for at(k) == " " {
			k++
		}
		start := k
		switch s := at(k); {
		case s == "│" || s == "|" || s == "•" || s == "-" || s == "*" || s == "+":
			k++
		case s == "[" && (at(k+1) == " " || at(k+1) == "x" || at(k+1) == "✓") && at(k+2) == "]":
			k += 3
		case s == "#":
			for at(k) == "#" {
				k++
			}
		case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
			for len(at(k)) == 1 && at(k)[0] >= '0' && at(k)[0] <= '9' {
				k++
			}
			if at(k) != "." && at(k) != ")" {
				return start
			}
			k++
		}
		if k == start || at(k) != " " {
			return start
		}
	}
}

func lastRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
