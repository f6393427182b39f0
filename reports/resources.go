package reports

import (
	"bytes"
	"strings"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/plaintext"
)

// The types of a choice's additional resources.
const (
	helpfulType     = "HELPFUL_RESOURCE"
	improvementType = "IMPROVEMENT_PLAN"
)

// resourceSection is one heading of a practice's further resources and
// its items, as both the Markdown and the HTML plan show them.
type resourceSection struct {
	Title string
	Items []resourceItem
}

// resourceItem is one item of a resource list, in the lens's own text
// (not yet escaped for any format): its text on one line, a link when URL
// is set (Text is the link's text; with no text the link shows the
// address), a numbered bullet's Marker ("1.") to show before the text,
// and the items nested under it.
type resourceItem struct {
	Marker string
	Text   string
	URL    string
	Items  []resourceItem
}

// resourceSections groups a practice's further resources under their
// headings: the additional improvement plans under toImprove, then its
// helpful resource (its text as the link's text) and the additional
// helpful resources under learnMore. A heading with nothing under it is
// left out. A helpful resource without a link is not listed: it is the
// practice's explanation, not a resource to follow.
func resourceSections(c Choice, toImprove, learnMore string) []resourceSection {
	var improve, learn []resourceItem
	if r := c.HelpfulResource; r != nil && r.URL != "" {
		learn = resourceItems(*r)
	}
	for _, g := range c.AdditionalResources {
		for _, r := range g.Content {
			switch g.Type {
			case improvementType:
				improve = append(improve, resourceItems(r)...)
			case helpfulType:
				learn = append(learn, resourceItems(r)...)
			}
		}
	}
	var out []resourceSection
	for _, sec := range []resourceSection{{toImprove, improve}, {learnMore, learn}} {
		if len(sec.Items) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// resourceItems is one resource as list items: a one-line text becomes
// the link's text; longer text keeps its paragraphs and bullets, nested
// under its first paragraph when it starts with one, with the link last.
func resourceItems(r Resource) []resourceItem {
	blocks := plaintext.Parse(r.DisplayText)
	switch {
	case len(blocks) == 0 && r.URL == "":
		return nil
	case len(blocks) == 0:
		return []resourceItem{{URL: r.URL}}
	case len(blocks) == 1 && !blocks[0].Bullet:
		return []resourceItem{{Text: blocks[0].Text, URL: r.URL}}
	}
	var head *resourceItem
	if !blocks[0].Bullet {
		// The first paragraph is the item; the rest nests under it.
		head, blocks = &resourceItem{Text: blocks[0].Text}, blocks[1:]
	}
	items, _ := nestBlocks(blocks, 0)
	if r.URL != "" {
		items = append(items, resourceItem{URL: r.URL})
	}
	if head != nil {
		head.Items = items
		return []resourceItem{*head}
	}
	return items
}

// nestBlocks turns blocks into items from level on, a deeper block
// nested under the item before it, until a block shallower than level;
// it returns the items and how many blocks they took. A block deeper
// than the next level nests one level down (there is no item between).
func nestBlocks(blocks []plaintext.Block, level int) ([]resourceItem, int) {
	var items []resourceItem
	i := 0
	for i < len(blocks) {
		bl := blocks[i]
		switch {
		case bl.Level < level:
			return items, i
		case bl.Level > level && len(items) > 0:
			kids, n := nestBlocks(blocks[i:], level+1)
			last := &items[len(items)-1]
			last.Items = append(last.Items, kids...)
			i += n
			continue
		}
		it := resourceItem{Text: bl.Text}
		if bl.Numbered() {
			it.Marker = bl.Marker
		}
		items = append(items, it)
		i++
	}
	return items, i
}

// writeResources writes, under a practice of the plan, its further
// resources (resourceSections) as nested lists.
func writeResources(b *bytes.Buffer, c Choice, t *i18n.Plan) {
	for _, sec := range resourceSections(c, t.ToImprove, t.LearnMore) {
		b.WriteString("  - " + sec.Title + ":\n")
		writeResourceItems(b, sec.Items, "    ")
	}
}

// writeResourceItems writes items as list items at indent, the nested
// ones under them.
func writeResourceItems(b *bytes.Buffer, items []resourceItem, indent string) {
	for _, it := range items {
		b.WriteString(indent)
		b.WriteString("- ")
		if it.Marker != "" {
			b.WriteString(escapeOrdered(it.Marker))
			b.WriteByte(' ')
		}
		b.WriteString(mdLink(it.Text, it.URL))
		b.WriteByte('\n')
		writeResourceItems(b, it.Items, indent+"  ")
	}
}

// mdLink is a Markdown link to an http(s) address: [text](url), or the
// address itself as an autolink when there is no text. Any other address
// (javascript:, file:) is shown as code, never as a link.
func mdLink(text, addr string) string {
	if addr == "" {
		return inline(text)
	}
	u, ok := webAddress(addr)
	switch {
	case !ok:
		return strings.TrimSpace(inline(text) + " " + codeSpan(addr))
	case text == "":
		return "<" + escapeURL(u) + ">"
	}
	return link(inline(text), u)
}
