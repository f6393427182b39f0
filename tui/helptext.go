package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/plaintext"
	"github.com/wafr-dev/wafr/questions"
)

// The help pane is drawn by wafr itself, not by a Markdown renderer's
// word wrap: glamour neither breaks Japanese text nor keeps URLs whole, and
// a pane that clips a long line loses its end. goldmark parses the
// description; every block is wrapped here (linebreak.go), so every
// character of the source reaches the pane.

// helpText is a question's help rendered for one width: a section per
// choice, and the description.
type helpText struct {
	choices []string
	desc    string
	widest  int // the width of its widest line
}

// helpWriter renders help text at one width. A URL wider than that gets
// a line of its own up to wide columns (the screen's), for which the pane
// is drawn open (see paneBox).
type helpWriter struct {
	tr    textRenderer
	t     *i18n.Question
	width int
	wide  int
}

// wrap wraps runs to the pane, URLs up to the screen's width.
func (hw helpWriter) wrap(runs []run, first, rest string) []string {
	return hw.tr.wrapWide(runs, hw.width, hw.wide, first, rest)
}

// buildHelp renders everything the help pane shows of a question. With
// title set, the description starts with the question's full title (the
// screen had to cut it).
func buildHelp(q *questions.Question, hw helpWriter, title bool) helpText {
	out := helpText{choices: make([]string, len(q.Choices))}
	for i, c := range q.Choices {
		out.choices[i] = strings.Join(hw.choice(c), "\n")
	}
	var lines []string
	if title {
		lines = append(hw.wrap([]run{{text: cleanLine(q.ID) + "  " + cleanLine(q.Title), style: tsBold}}, "", ""), "")
	}
	lines = append(lines, hw.markdown(sanitize(q.Description))...)
	if r := q.HelpfulResource; r != nil && (r.DisplayText != "" || r.URL != "") {
		lines = append(lines, "", hw.tr.render(line{segs: []seg{{text: "─── " + hw.t.LearnMore, style: tsBold}}}))
		lines = append(lines, hw.resource(*r, "", "")...)
	}
	out.desc = strings.Join(trimBlank(lines), "\n")
	for _, s := range append(out.choices[:len(out.choices):len(out.choices)], out.desc) {
		for _, l := range strings.Split(s, "\n") {
			out.widest = max(out.widest, ansi.StringWidth(l))
		}
	}
	return out
}

// choice is a choice's section: its title, its helpful text and link,
// then its further resources, helpful ones under "Learn more" and
// improvement plans under "To improve".
func (hw helpWriter) choice(c *questions.Choice) []string {
	lines := hw.wrap([]run{{text: cleanLine(c.Title), style: tsBold}}, "", "")
	if r := c.HelpfulResource; r != nil {
		lines = append(lines, hw.resource(*r, "", "")...)
	}
	var learn, improve []questions.Resource
	for _, a := range c.AdditionalResources {
		switch a.Type {
		case "HELPFUL_RESOURCE":
			learn = append(learn, a.Content...)
		case "IMPROVEMENT_PLAN":
			improve = append(improve, a.Content...)
		}
	}
	if len(learn) > 0 {
		lines = append(lines, "", hw.heading(hw.t.LearnMore))
		for _, r := range learn {
			lines = append(lines, hw.resource(r, "• ", "  ")...)
		}
	}
	plan := c.ImprovementPlan
	if plan != nil && plan.DisplayText == "" && plan.URL == "" {
		plan = nil
	}
	if plan != nil || len(improve) > 0 {
		lines = append(lines, "", hw.heading(hw.t.ToImprove))
		if plan != nil {
			lines = append(lines, hw.resource(*plan, "", "")...)
		}
		for _, r := range improve {
			lines = append(lines, hw.resource(r, "• ", "  ")...)
		}
	}
	return lines
}

func (hw helpWriter) heading(s string) string {
	return hw.tr.render(line{segs: []seg{{text: s, style: tsBold}}})
}

// resource is a lens text with its link: paragraphs re-flowed, bullets
// nested as written, the URL whole on a line of its own. first and rest
// prefix its lines (a bullet and its hanging indent, or nothing).
func (hw helpWriter) resource(r questions.Resource, first, rest string) []string {
	var lines []string
	prefix := first
	for _, b := range plaintext.Parse(sanitize(r.DisplayText)) {
		runs := urlRuns(b.Text, 0)
		switch {
		case !b.Bullet:
			lines = append(lines, hw.wrap(runs, prefix, rest)...)
		case prefix == first && first != "" && b.Level == 0:
			// A list that opens an item: the item's own bullet stands for
			// its first entry.
			lines = append(lines, hw.wrap(runs, prefix, rest)...)
		default:
			depth := b
			if first != "" {
				depth.Level++ // nested under the item's bullet
			}
			marker := bulletGlyph(depth)
			indent := rest + strings.Repeat("  ", b.Level)
			lines = append(lines, hw.wrap(runs, indent+marker, indent+strings.Repeat(" ", ansi.StringWidth(marker)))...)
		}
		prefix = rest
	}
	if r.URL != "" {
		u := sanitize(strings.TrimSpace(r.URL))
		lines = append(lines, hw.wrap([]run{{text: u, style: tsLink | tsDim, link: u, url: true}}, prefix, rest)...)
	}
	return lines
}

// bulletGlyph is the marker drawn for a bullet item: the item's own number,
// or a bullet by depth.
func bulletGlyph(b plaintext.Block) string {
	if b.Numbered() {
		return b.Marker + " "
	}
	return [...]string{"• ", "◦ ", "▪ "}[min(b.Level, 2)]
}

// trimBlank drops blank lines at both ends.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// markdown renders a description: goldmark parses it, and every block is
// wrapped to the pane. Links keep their text and get a numbered note
// after their block with the address whole; raw HTML is shown as written.
func (hw helpWriter) markdown(src string) []string {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	data := []byte(src)
	doc := md.Parser().Parse(text.NewReader(data))
	m := &mdWriter{hw: hw, src: data}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if len(m.lines) > 0 {
			m.lines = append(m.lines, "")
		}
		m.block(n, "", "")
		m.footnotes()
	}
	return m.lines
}

// mdWriter walks a parsed description.
type mdWriter struct {
	hw    helpWriter
	src   []byte
	lines []string
	notes []string // the links of the block being written
	seen  int      // links numbered so far
}

func (m *mdWriter) wrap(runs []run, first, rest string) {
	m.lines = append(m.lines, m.hw.wrap(runs, first, rest)...)
}

// block writes one block with the given prefixes of its first and other
// lines.
func (m *mdWriter) block(n ast.Node, first, rest string) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		m.wrap(m.inlines(n, 0, ""), first, rest)
	case *ast.Heading:
		m.wrap(m.inlines(n, tsBold, ""), first, rest)
	case *ast.List:
		m.list(n, first, rest)
	case *ast.Blockquote:
		m.children(n, first+"│ ", rest+"│ ", false)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		m.code(n, first, rest)
	case *ast.ThematicBreak:
		m.lines = append(m.lines, first+m.hw.tr.render(line{segs: []seg{{text: strings.Repeat("─", max(3, min(20, m.hw.width-ansi.StringWidth(first)))), style: tsDim}}}))
	case *ast.HTMLBlock:
		m.raw(n, first, rest)
	case *extast.Table:
		m.table(n, first, rest)
	default:
		m.children(n, first, rest, false)
	}
}

// children writes a node's blocks, the first after prefix first; loose
// puts a blank line between them.
func (m *mdWriter) children(n ast.Node, first, rest string, loose bool) {
	p := first
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if loose && c != n.FirstChild() {
			m.lines = append(m.lines, strings.TrimRight(rest, " "))
		}
		m.block(c, p, rest)
		p = rest
	}
}

func (m *mdWriter) list(l *ast.List, first, rest string) {
	i := l.Start
	p := first
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "• "
		if l.IsOrdered() {
			marker = strconv.Itoa(i) + string(l.Marker) + " "
			i++
		}
		if !l.IsTight && item != l.FirstChild() {
			m.lines = append(m.lines, strings.TrimRight(rest, " "))
		}
		pad := strings.Repeat(" ", ansi.StringWidth(marker))
		if item.FirstChild() == nil {
			m.lines = append(m.lines, p+marker)
		}
		m.children(item, p+marker, rest+pad, !l.IsTight)
		p = rest
	}
}

// code writes a code block line by line, cutting only lines wider than
// the pane. Tabs are expanded first, to stops every tabWidth columns of
// the code: measured as they are, a tab counts as no width, and a line
// cut to the pane's width then ran past its border once drawn.
func (m *mdWriter) code(n ast.Node, first, rest string) {
	p := first
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		sg := lines.At(i)
		l := expandTabs(strings.TrimRight(string(sg.Value(m.src)), "\n"), 0)
		for _, piece := range strings.Split(ansi.Hardwrap(l, max(1, m.hw.width-ansi.StringWidth(p)-2), true), "\n") {
			m.lines = append(m.lines, p+"  "+m.hw.tr.render(line{segs: []seg{{text: piece, style: tsCode}}}))
			p = rest
		}
	}
}

// raw writes an HTML block as the text it is.
func (m *mdWriter) raw(n ast.Node, first, rest string) {
	var runs []run
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		sg := lines.At(i)
		runs = append(runs, urlRuns(strings.TrimRight(string(sg.Value(m.src)), "\n"), 0)...)
		runs = append(runs, run{soft: true})
	}
	m.wrap(runs, first, rest)
}

// footnotes writes the addresses of the links of the block just written.
func (m *mdWriter) footnotes() {
	for i, u := range m.notes {
		mark := "[" + strconv.Itoa(m.seen-len(m.notes)+i+1) + "] "
		first := m.hw.tr.render(line{segs: []seg{{text: mark, style: tsDim}}})
		m.wrap([]run{{text: u, style: tsLink | tsDim, link: u, url: true}}, first, strings.Repeat(" ", len(mark)))
	}
	m.notes = nil
}

// inlines flattens a block's inline content into runs.
func (m *mdWriter) inlines(n ast.Node, style textStyle, link string) []run {
	var out []run
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, m.inline(c, style, link)...)
	}
	return out
}

func (m *mdWriter) inline(n ast.Node, style textStyle, link string) []run {
	switch n := n.(type) {
	case *ast.Text:
		out := m.text(string(n.Segment.Value(m.src)), style, link)
		switch {
		case n.HardLineBreak():
			out = append(out, run{hard: true})
		case n.SoftLineBreak():
			out = append(out, run{soft: true})
		}
		return out
	case *ast.String:
		return m.text(string(n.Value), style, link)
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(m.src))
			}
		}
		return []run{{text: b.String(), style: style | tsCode, link: link}}
	case *ast.Emphasis:
		if n.Level >= 2 {
			return m.inlines(n, style|tsBold, link)
		}
		return m.inlines(n, style|tsItalic, link)
	case *ast.Link:
		return m.link(n, string(n.Destination), style)
	case *ast.Image:
		return m.link(n, string(n.Destination), style)
	case *ast.AutoLink:
		u := string(n.URL(m.src))
		return []run{{text: u, style: style | tsLink, link: u, url: true}}
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			sg := n.Segments.At(i)
			b.Write(sg.Value(m.src))
		}
		return m.text(b.String(), style, link)
	}
	return m.inlines(n, style, link)
}

// text is literal text, with its escapes and entities resolved and the
// URLs in it as atoms of their own.
func (m *mdWriter) text(s string, style textStyle, link string) []run {
	s = string(util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations([]byte(s)))))
	if link != "" {
		return []run{{text: s, style: style, link: link}}
	}
	return urlRuns(s, style)
}

// link is a link's text, and its address as a numbered note after the
// block; a link whose text is its address is shown as the address.
func (m *mdWriter) link(n ast.Node, dest string, style textStyle) []run {
	dest = sanitize(dest)
	runs := m.inlines(n, style|tsLink, dest)
	var label strings.Builder
	for _, r := range runs {
		label.WriteString(r.text)
	}
	if label.String() == dest || label.Len() == 0 {
		return []run{{text: dest, style: style | tsLink, link: dest, url: true}}
	}
	m.notes = append(m.notes, dest)
	m.seen++
	return append(runs, run{text: "[" + strconv.Itoa(m.seen) + "]", style: tsDim, glue: true})
}

// table writes a table as columns when they fit the pane, each cell
// wrapped in its column; in a pane too narrow for its columns, or for a
// URL in one, each row as "header: value" lines.
func (m *mdWriter) table(t *extast.Table, first, rest string) {
	var rows [][][]run
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		style := textStyle(0)
		if _, ok := r.(*extast.TableHeader); ok {
			style = tsBold
		}
		var cells [][]run
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, m.inlines(c, style, ""))
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		return
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	natural := make([]int, cols)
	urls := make([]int, cols) // the widest URL of each column
	for _, r := range rows {
		for i, c := range r {
			as := atoms(c)
			natural[i] = max(natural[i], breakLines(as, 0, 0, 1<<20, 0)[0].width)
			for _, a := range as {
				if a.url {
					urls[i] = max(urls[i], a.width)
				}
			}
		}
	}
	sep := m.hw.tr.render(line{segs: []seg{{text: " │ ", style: tsDim}}})
	widths := fitColumns(natural, m.hw.width-ansi.StringWidth(rest)-3*(cols-1), 6)
	for i, w := range widths {
		if urls[i] > w {
			widths = nil // a column would cut a URL; stacked, it gets a line
			break
		}
	}
	if widths == nil {
		m.stackedTable(rows, first, rest)
		return
	}
	p := first
	for ri, r := range rows {
		cells := make([][]string, cols)
		height := 1
		for i := range cells {
			if i < len(r) {
				cells[i] = m.hw.tr.wrapRuns(r[i], widths[i], "", "")
			}
			height = max(height, len(cells[i]))
		}
		for l := 0; l < height; l++ {
			parts := make([]string, cols)
			for i := range parts {
				if l < len(cells[i]) {
					parts[i] = cells[i][l]
				}
				if i < cols-1 {
					parts[i] = padRight(parts[i], widths[i])
				}
			}
			m.lines = append(m.lines, strings.TrimRight(p+strings.Join(parts, sep), " "))
			p = rest
		}
		if ri == 0 {
			rules := make([]string, cols)
			for i, w := range widths {
				rules[i] = strings.Repeat("─", w)
			}
			m.lines = append(m.lines, rest+m.hw.tr.render(line{segs: []seg{{text: strings.Join(rules, "─┼─"), style: tsDim}}}))
		}
	}
}

// stackedTable writes each row of a table as "header: value" lines.
func (m *mdWriter) stackedTable(rows [][][]run, first, rest string) {
	p := first
	for _, r := range rows[1:] {
		if p == rest {
			m.lines = append(m.lines, strings.TrimRight(rest, " "))
		}
		for i, c := range r {
			var runs []run
			if i < len(rows[0]) {
				runs = append(append(runs, rows[0][i]...), run{text: ":", style: tsBold, glue: true})
			}
			m.wrap(append(runs, c...), p, rest+"  ")
			p = rest
		}
	}
}

// fitColumns shares width between columns: each gets its natural width
// when all fit; otherwise narrow columns keep theirs and the wide ones
// share the rest equally. nil when a column would get less than least.
func fitColumns(natural []int, width, least int) []int {
	n := len(natural)
	if n == 0 || width < n*least {
		return nil
	}
	out := make([]int, n)
	total := 0
	for i, w := range natural {
		out[i] = max(1, w)
		total += out[i]
	}
	if total <= width {
		return out
	}
	open := make([]bool, n)
	left, count := width, n
	for i := range open {
		open[i] = true
	}
	for changed := true; changed && count > 0; {
		changed = false
		share := left / count
		for i := range out {
			if open[i] && natural[i] <= share {
				out[i], open[i] = max(1, natural[i]), false
				left -= out[i]
				count--
				changed = true
			}
		}
	}
	extra := 0
	if count > 0 {
		extra = left % count
	}
	for i := range out {
		if open[i] {
			out[i] = left / count
			if extra > 0 {
				out[i]++
				extra--
			}
		}
	}
	return out
}

// markdownText is a description's text without its Markdown syntax, on
// one line, for searching: line breaks joined as in the pane.
func markdownText(src string) string {
	data := []byte(src)
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(data))
	var b strings.Builder
	lines := func(n ast.Node) {
		for i := 0; i < n.Lines().Len(); i++ {
			sg := n.Lines().At(i)
			b.Write(sg.Value(data))
		}
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteString("\n\n")
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(data))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteString("\n")
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.URL(data))
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				sg := n.Segments.At(i)
				b.Write(sg.Value(data))
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			lines(n)
		}
		return ast.WalkContinue, nil
	})
	out := ""
	for _, l := range strings.Split(b.String(), "\n") {
		out = plaintext.JoinLines(out, l)
	}
	return out
}
