package reports

import (
	"fmt"
	"strings"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/plaintext"
	"github.com/wafr-dev/wafr/review"
)

// The types of a choice's additional resources.
const (
	helpfulType     = "HELPFUL_RESOURCE"
	improvementType = "IMPROVEMENT_PLAN"
)

// writeResources writes, under a practice of the plan, its further
// resources: the additional improvement plans under "To improve", then
// its helpful resource's link and the additional helpful resources under
// "Learn more". Each keeps its text (paragraphs re-flowed, bullets nested)
// and its link.
func writeResources(b *strings.Builder, c Choice, t *i18n.Plan) {
	var improve, learn []Resource
	for _, g := range c.AdditionalResources {
		switch g.Type {
		case improvementType:
			improve = append(improve, g.Content...)
		case helpfulType:
			learn = append(learn, g.Content...)
		}
	}
	if r := c.HelpfulResource; r != nil && r.URL != "" {
		learn = append([]Resource{{URL: r.URL}}, learn...)
	}
	for _, sec := range []struct {
		title string
		items []Resource
	}{{t.ToImprove, improve}, {t.LearnMore, learn}} {
		if len(sec.items) == 0 {
			continue
		}
		fmt.Fprintf(b, "  - %s:\n", sec.title)
		for _, r := range sec.items {
			writeResource(b, r, "    ")
		}
	}
}

// writeResource writes one resource as a list item at indent: a one-line
// text becomes the link's text; longer text keeps its paragraphs and
// bullets, with the link last.
func writeResource(b *strings.Builder, r Resource, indent string) {
	blocks := plaintext.Parse(r.DisplayText)
	if len(blocks) == 0 {
		if r.URL != "" {
			fmt.Fprintf(b, "%s- %s\n", indent, mdLink("", r.URL))
		}
		return
	}
	if len(blocks) == 1 && !blocks[0].Bullet {
		fmt.Fprintf(b, "%s- %s\n", indent, mdLink(blocks[0].Text, r.URL))
		return
	}
	inner := indent
	if !blocks[0].Bullet {
		// The first paragraph is the item; the rest nests under it.
		fmt.Fprintf(b, "%s- %s\n", indent, inline(blocks[0].Text))
		blocks, inner = blocks[1:], indent+"  "
	}
	for _, bl := range blocks {
		text := inline(bl.Text)
		if bl.Numbered() {
			text = escapeOrdered(bl.Marker) + " " + text
		}
		fmt.Fprintf(b, "%s%s- %s\n", inner, strings.Repeat("  ", bl.Level), text)
	}
	if r.URL != "" {
		fmt.Fprintf(b, "%s- %s\n", inner, mdLink("", r.URL))
	}
}

// mdLink is a Markdown link to an http(s) address: [text](url), or the
// address itself as an autolink when there is no text. Any other address
// (javascript:, file:) is shown as code, never as a link.
func mdLink(text, addr string) string {
	switch {
	case addr == "":
		return inline(text)
	case !review.IsWebLink(addr):
		return strings.TrimSpace(inline(text) + " " + codeSpan(addr))
	case text == "":
		return "<" + escapeURL(addr) + ">"
	}
	return link(inline(text), addr)
}
