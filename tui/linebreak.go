package tui

import (
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"github.com/wafr-dev/wafr/internal/plaintext"
)

// Line breaking for every text wafr wraps: lens help, titles, dialogs.
//
// Text is cut into atoms, the pieces a line may never split: a word of
// Latin letters, one Japanese (or other wide) character, a URL. Between
// two atoms a line may break at a space, or, between wide characters,
// with no space at all. Japanese line-breaking rules (kinsoku) glue atoms
// together: a closing bracket, a full stop, a comma, a prolonged sound mark
// or a small kana never starts a line, and an opening bracket never ends
// one, so they travel with their neighbour. A URL too wide for a line of
// the pane gets a line of its own as wide as the screen (the pane is then
// drawn open, without sides). Only an atom wider than that is cut at the edge of
// the line: a word anywhere, a URL after one of its own slashes, dots or
// hyphens. Every character of the source reaches a line.

// noStart and noEnd are the characters that may not start or end a line
// (plaintext's kinsoku tables).
const (
	noStart = plaintext.NoLineStart
	noEnd   = plaintext.NoLineEnd
)

// textStyle is how a piece of help text looks: flags combined freely.
// Styles holds a rendered style for every combination.
type textStyle uint8

const (
	tsBold textStyle = 1 << iota
	tsItalic
	tsCode
	tsLink
	tsDim
	tsStyles = 1 << iota // the number of combinations
)

// run is text in one style; a link run also carries its target. A URL
// run is a URL shown as itself: one atom, never broken where it fits.
type run struct {
	text  string
	style textStyle
	link  string
	url   bool
	// soft is a line break of the source inside a paragraph: a space,
	// or nothing between two wide characters. hard is a forced break.
	soft, hard bool
	// glue keeps the run on the line of the text before it (a note's
	// number after its link).
	glue bool
}

// seg is a piece of an atom or a line in one style.
type seg struct {
	text  string
	style textStyle
	link  string
}

// gap is what lies before an atom.
type gap uint8

const (
	gapNone  gap = iota // the line may break here; nothing is drawn between
	gapSpace            // the line may break here; one space when it does not
	gapGlue             // the line may not break here
	gapBreak            // the line must break here
)

type atom struct {
	segs   []seg
	width  int
	gap    gap
	spaces int // the spaces of a gapSpace, drawn when the line goes on
	url    bool
}

func (a *atom) add(text string, w int, style textStyle, link string) {
	if n := len(a.segs); n > 0 && a.segs[n-1].style == style && a.segs[n-1].link == link {
		a.segs[n-1].text += text
	} else {
		a.segs = append(a.segs, seg{text: text, style: style, link: link})
	}
	a.width += w
}

func (a *atom) first() rune { r, _ := utf8.DecodeRuneInString(a.segs[0].text); return r }
func (a *atom) last() rune {
	r, _ := utf8.DecodeLastRuneInString(a.segs[len(a.segs)-1].text)
	return r
}

// atoms cuts runs into atoms and decides the gap before each.
func atoms(runs []run) []atom {
	var out []atom
	var cur *atom // the Latin word being built, if any
	pending := gapNone
	spaces := 0
	soft := false
	lastWide := false
	glue := false
	start := func(wide bool) *atom {
		g := pending
		if soft {
			g = gapSpace
			if wide && lastWide {
				g = gapNone
			}
		}
		if glue && g == gapNone {
			g = gapGlue
		}
		glue = false
		if len(out) == 0 {
			g = gapNone
		}
		out = append(out, atom{gap: g, spaces: max(1, spaces)})
		pending, soft, spaces = gapNone, false, 0
		return &out[len(out)-1]
	}
	for _, r := range runs {
		glue = r.glue
		switch {
		case r.hard:
			pending, soft, cur = gapBreak, false, nil
			continue
		case r.soft:
			if pending != gapBreak {
				soft = true
			}
			cur = nil
			continue
		case r.url:
			a := start(false)
			a.add(r.text, ansi.StringWidth(r.text), r.style, r.link)
			a.url = true
			cur, lastWide = nil, false
			continue
		}
		state := -1
		for rest := r.text; rest != ""; {
			var g string
			g, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			if g == " " || g == "\t" || g == "\n" || g == "\u3000" {
				if pending != gapBreak {
					pending = gapSpace
					spaces++
				}
				soft, cur = false, nil
				continue
			}
			w := ansi.StringWidth(g)
			wide := w > 1 || plaintext.Wide(firstRune(g))
			if wide || cur == nil || pending != gapNone || soft {
				cur = start(wide)
			}
			cur.add(g, w, r.style, r.link)
			lastWide = wide
			if wide {
				cur = nil
			}
		}
	}
	for i := 1; i < len(out); i++ {
		if out[i].gap == gapNone && (strings.ContainsRune(noStart, out[i].first()) || strings.ContainsRune(noEnd, out[i-1].last())) {
			out[i].gap = gapGlue
		}
	}
	return out
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// line is a line being filled. An over line holds a URL too wide for
// the line's width: it may be as wide as the screen, and has no prefix
// unless the prefix fits too.
type line struct {
	segs  []seg
	width int
	over  bool
}

func (l *line) add(a atom) {
	for _, s := range a.segs {
		if n := len(l.segs); n > 0 && l.segs[n-1].style == s.style && l.segs[n-1].link == s.link {
			l.segs[n-1].text += s.text
		} else {
			l.segs = append(l.segs, s)
		}
	}
	l.width += a.width
}

// carry moves characters from the end of the line to the front of a,
// until a no longer starts with a character that may not start a line and
// the line does not end with one that may not end it. The line keeps at
// least one character.
func (l *line) carry(a atom) atom {
	for {
		n := len(l.segs)
		if n == 0 {
			return a
		}
		last := &l.segs[n-1]
		g := lastGrapheme(last.text)
		if len(l.segs) == 1 && len(g) == len(last.text) {
			return a // the line would be empty
		}
		w := ansi.StringWidth(g)
		last.text = last.text[:len(last.text)-len(g)]
		l.width -= w
		if last.text == "" {
			l.segs = l.segs[:n-1]
		}
		a.segs = append([]seg{{text: g, style: last.style, link: last.link}}, a.segs...)
		a.width += w
		end, _ := utf8.DecodeLastRuneInString(l.segs[len(l.segs)-1].text)
		if !strings.ContainsRune(noStart, firstRune(g)) && !strings.ContainsRune(noEnd, end) {
			return a
		}
	}
}

// atomBefore is a with the whole line in front of it.
func (l *line) atomBefore(a atom) atom {
	a.segs = append(append([]seg(nil), l.segs...), a.segs...)
	a.width += l.width
	return a
}

// lastGrapheme is the last grapheme cluster of s.
func lastGrapheme(s string) string {
	last, state := "", -1
	for rest := s; rest != ""; {
		last, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
	}
	return last
}

func (l *line) space(n int, style textStyle, link string) {
	l.add(atom{segs: []seg{{text: strings.Repeat(" ", n), style: style, link: link}}, width: n})
}

// breakLines fills lines of width w with the atoms: greedily, breaking
// only where a gap allows, and moving a glued group whole to the next
// line. first and rest are the widths of the line prefixes. A URL wider
// than its line but at most wide columns (the screen's width) goes on an
// over line of its own, and what is glued after it stays there if that
// fits; a URL wider than the screen is cut at the edge of the line like a
// word, so its pieces line up in the pane.
func breakLines(as []atom, first, rest, w, wide int) []line {
	f := &filler{w: w, first: first, rest: rest, wide: wide}
	for i := 0; i < len(as); {
		// The group: atom i and every atom glued after it.
		j := i + 1
		width := as[i].width
		for j < len(as) && as[j].gap == gapGlue {
			width += as[j].width
			j++
		}
		sp := 0
		if as[i].gap == gapSpace && f.cur.width > 0 {
			sp = as[i].spaces
		}
		switch {
		case as[i].gap == gapBreak:
			f.flush()
		case f.cur.width > 0 && (f.cur.over || f.cur.width+sp+width > f.room()):
			f.flush()
			sp = 0
		}
		if sp > 0 {
			last := f.cur.segs[len(f.cur.segs)-1]
			next := as[i].segs[0]
			link := ""
			if last.link == next.link {
				link = last.link // a space inside a link's text stays in the link
			}
			f.cur.space(sp, last.style&next.style&^tsCode, link)
		}
		for k := i; k < j; k++ {
			f.place(as[k], k > i)
		}
		i = j
	}
	if f.cur.width > 0 || len(f.lines) == 0 {
		f.flush()
	}
	return f.lines
}

// filler holds the lines breakLines has filled and the one it fills.
type filler struct {
	lines                []line
	cur                  line
	w, first, rest, wide int
}

// roomOf is the room of line n after its prefix.
func (f *filler) roomOf(n int) int {
	if n == 0 {
		return max(1, f.w-f.first)
	}
	return max(1, f.w-f.rest)
}

func (f *filler) room() int { return f.roomOf(len(f.lines)) }
func (f *filler) flush()    { f.lines = append(f.lines, f.cur); f.cur = line{} }

// place adds an atom of a group; glued: after another atom of it.
func (f *filler) place(a atom, glued bool) {
	if f.cur.over {
		// Glued after a URL on a line of its own: it stays there when
		// the line still fits the screen.
		if f.cur.width+a.width <= f.wide {
			f.cur.add(a)
			return
		}
		f.flush()
	}
	next := len(f.lines) // the line a URL would start
	if f.cur.width > 0 {
		next++
	}
	if a.url && a.width > f.roomOf(next) && a.width <= f.wide {
		f.placeURL(a, glued)
		return
	}
	for f.cur.width+a.width > f.room() {
		if glued && f.cur.width > 0 && a.width <= f.room() {
			// A glued atom after a cut one: take characters of the line
			// along, so the next line does not start with it.
			a = f.cur.carry(a)
			f.flush()
			continue
		}
		if f.cur.width > 0 && a.width <= f.room() {
			f.flush()
			continue
		}
		// Wider than a whole line: cut it at the edge.
		head, tail := cut(a, f.room()-f.cur.width)
		f.cur.add(head)
		f.flush()
		a = tail
	}
	f.cur.add(a)
}

// placeURL puts a URL too wide for a line, but not for the screen, on a
// line of its own. An opening bracket glued before it goes along, even
// when it is all the line holds.
func (f *filler) placeURL(a atom, glued bool) {
	if f.cur.width > 0 {
		if glued {
			l := line{segs: append([]seg(nil), f.cur.segs...), width: f.cur.width}
			if c := l.carry(a); c.width > a.width && c.width <= f.wide {
				a, f.cur = c, l
			} else if f.cur.width+a.width <= f.wide {
				a, f.cur = f.cur.atomBefore(a), line{}
			}
		}
		if f.cur.width > 0 {
			f.flush()
		}
	}
	f.cur.add(a)
	f.cur.over = f.cur.width > f.room()
}

// cut splits an atom so that its head is at most w wide (and never
// empty). A URL is cut after its last slash, dot, hyphen, ?, & or = that
// fits, so the pieces read as parts of one address.
func cut(a atom, w int) (head, tail atom) {
	w = max(1, w)
	var gs []struct {
		text  string
		width int
		style textStyle
		link  string
	}
	for _, s := range a.segs {
		state := -1
		for rest := s.text; rest != ""; {
			var g string
			g, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			gs = append(gs, struct {
				text  string
				width int
				style textStyle
				link  string
			}{g, ansi.StringWidth(g), s.style, s.link})
		}
	}
	n, used := 0, 0
	for n < len(gs) && used+gs[n].width <= w {
		used += gs[n].width
		n++
	}
	n = max(1, n)
	if a.url {
		for k := n; k > n/2; k-- {
			if strings.Contains("/.-?&=_#", gs[k-1].text) {
				n = k
				break
			}
		}
	}
	head, tail = atom{gap: a.gap, url: a.url}, atom{gap: gapNone, url: a.url}
	for i, g := range gs {
		if i < n {
			head.add(g.text, g.width, g.style, g.link)
		} else {
			tail.add(g.text, g.width, g.style, g.link)
		}
	}
	return head, tail
}

// textRenderer turns lines of segments into terminal text: each segment in
// its style, links as OSC 8 hyperlinks when the terminal shows them.
type textRenderer struct {
	styles     *Styles
	hyperlinks bool
}

// render draws a line. A hyperlink is opened and closed within the line,
// so a line cut or dropped never leaves a link open; pieces of one URL on
// several lines (only a URL wider than the screen is cut) share its
// target and an id, which terminals treat as one link.
func (t textRenderer) render(l line) string {
	var b strings.Builder
	for _, s := range l.segs {
		text := s.text
		if st := t.styles.text[s.style]; st != nil {
			text = st.Render(text)
		}
		if target, ok := hyperlinkTarget(s.link); ok && t.hyperlinks {
			b.WriteString(osc8(target) + text + "\x1b]8;;\x1b\\")
			continue
		}
		b.WriteString(text)
	}
	return b.String()
}

// osc8 opens a hyperlink to target, which hyperlinkTarget made safe.
func osc8(target string) string {
	h := fnv.New32a()
	h.Write([]byte(target))
	return "\x1b]8;id=wafr" + strconv.FormatUint(uint64(h.Sum32()), 36) + ";" + target + "\x1b\\"
}

// hyperlinkTarget is the address an OSC 8 hyperlink may carry: only an
// absolute http or https URL, from text already cleaned of control
// characters, with every byte outside printable ASCII percent-encoded. So
// lens text can never smuggle an escape sequence, a BEL or a string
// terminator into the one escape wafr writes around it.
func hyperlinkTarget(link string) (string, bool) {
	if link == "" {
		return "", false
	}
	u, err := url.Parse(sanitize(link))
	if err != nil || u.Host == "" || !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https") {
		return "", false
	}
	s := u.String()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// urlRuns splits text into plain runs and the URLs inside it, so a URL
// written in a sentence is one atom and a link.
func urlRuns(text string, style textStyle) []run {
	var out []run
	for text != "" {
		i := indexURL(text)
		if i < 0 {
			out = append(out, run{text: text, style: style})
			break
		}
		if i > 0 {
			out = append(out, run{text: text[:i], style: style})
		}
		n := urlEnd(text[i:])
		u := text[i : i+n]
		out = append(out, run{text: u, style: style | tsLink, link: u, url: true})
		text = text[i+n:]
	}
	return out
}

// indexURL finds the start of an http(s) URL that begins a word.
func indexURL(s string) int {
	for off := 0; ; {
		i := strings.Index(strings.ToLower(s[off:]), "http")
		if i < 0 {
			return -1
		}
		i += off
		rest := strings.ToLower(s[i:])
		if strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") {
			if i == 0 || !isWordByte(s[i-1]) {
				return i
			}
		}
		off = i + 4
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// urlEnd is the length of the URL at the start of s: up to white space or
// a wide character, without the punctuation that ends a sentence around it
// (a closing bracket stays when the URL opened one).
func urlEnd(s string) int {
	n := len(s)
	for i, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '<' || r == '>' || r == '"' || plaintext.Wide(r) {
			n = i
			break
		}
	}
	for n > 0 {
		c := s[n-1]
		switch {
		case strings.IndexByte(".,;:!?'", c) >= 0:
			n--
			continue
		case c == ')' && strings.Count(s[:n], "(") < strings.Count(s[:n], ")"):
			n--
			continue
		}
		break
	}
	return n
}

// wrapRuns wraps styled runs to width w: the first line after prefix
// first, the others after rest (prefixes as drawn, measured here).
func (t textRenderer) wrapRuns(runs []run, w int, first, rest string) []string {
	return t.wrapWide(runs, w, 0, first, rest)
}

// wrapWide is wrapRuns where a URL wider than w may take a line of its own
// up to wide columns. Such a line keeps its prefix when both fit in wide;
// otherwise a prefix of spaces is dropped and another (a note's number)
// goes on a line before it.
func (t textRenderer) wrapWide(runs []run, w, wide int, first, rest string) []string {
	fw, rw := ansi.StringWidth(first), ansi.StringWidth(rest)
	lines := breakLines(atoms(runs), fw, rw, w, wide)
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		p, pw := rest, rw
		if i == 0 {
			p, pw = first, fw
		}
		if l.over && pw+l.width > wide {
			if strings.TrimSpace(ansi.Strip(p)) != "" {
				out = append(out, strings.TrimRight(p, " "))
			}
			p = ""
		}
		out = append(out, strings.TrimRight(p+t.render(l), " "))
	}
	return out
}

// wrap word-wraps plain text to w display columns, with Japanese
// line-breaking rules and URLs kept whole where they fit. Each line of s
// is a paragraph; its leading spaces indent all of its lines.
func wrap(s string, w int) string {
	if w < 1 {
		return s
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		text := strings.TrimLeft(para, " ")
		indent := para[:len(para)-len(text)]
		if text == "" {
			out = append(out, "")
			continue
		}
		if len(indent) >= w {
			indent = ""
		}
		lines := breakLines(atoms(urlRuns(text, 0)), len(indent), len(indent), w, 0)
		for _, l := range lines {
			var b strings.Builder
			for _, s := range l.segs {
				b.WriteString(s.text)
			}
			out = append(out, strings.TrimRight(indent+b.String(), " "))
		}
	}
	return strings.Join(out, "\n")
}
