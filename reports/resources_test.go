package reports

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/yuin/goldmark"
	"golang.org/x/net/html"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

func s3Fixture(t *testing.T) *Scored {
	t.Helper()
	l, err := questions.Load("../testdata/aws/s3-style-resources.json")
	if err != nil {
		t.Fatal(err)
	}
	r := review.New(l, review.Workload{Name: "Media store"})
	r.Update("dataProtection", "S3DP1", "alice", t0, func(a *review.Answer) { a.Selected = []string{"S3DP1_no"} })
	return Score(Input{File: "review.yaml", Review: r, Lens: l, Today: t0})
}

// A practice's additional resources reach the plan under the right
// heading, with their text, links and nested bullets (issue 16); its
// helpful resource's text is its link's.
func TestPlanShowsAdditionalResources(t *testing.T) {
	s := s3Fixture(t)
	var b bytes.Buffer
	if err := WritePlan(&b, s, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	plan := b.String()
	for _, want := range []string{
		"- **Block Public Access is on for the account and for every bucket**: Turn on Block Public Access",
		"  - To improve:\n    - Roll it out safely:\n      - find the buckets that are public today with IAM Access Analyzer\n",
		"      - <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html#access-analyzer-s3>\n",
		"    - [Enforce it for new accounts with a service control policy.](https://docs.aws.amazon.com/organizations/",
		"  - Learn more:\n    - [S3 Block Public Access overrides policies and ACLs that would make a bucket or its objects public.](https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)\n    - What Block Public Access covers:\n      - bucket policies that grant public access\n      - access control lists (ACLs)\n        - on the bucket\n",
		"    - [Monitoring public access with Amazon CloudWatch Internet Monitor](https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-InternetMonitor.html)\n",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("plan lacks %q", want)
		}
	}
	// To improve comes before Learn more, and neither is under the
	// other heading.
	if i, j := strings.Index(plan, "To improve:"), strings.Index(plan, "Learn more:"); i < 0 || j < i {
		t.Errorf("headings out of order: %d %d", i, j)
	}
	// It is valid Markdown: the nested bullets render as nested lists.
	var html bytes.Buffer
	if err := goldmark.Convert(b.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), "<li>access control lists (ACLs)\n<ul>\n<li>on the bucket</li>") {
		t.Errorf("nested bullets do not render as a nested list:\n%s", html.String())
	}
	golden.RequireEqual(t, b.Bytes())
}

// The JSON report carries the resources, the choice's helpful resource
// and its link (new fields of wafr.report/v1).
func TestJSONHasResources(t *testing.T) {
	s := s3Fixture(t)
	var b bytes.Buffer
	if err := WriteReportJSON(&b, s); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Pillars []struct {
			Questions []struct {
				Missing []Choice `json:"missing"`
			} `json:"questions"`
		} `json:"pillars"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	c := out.Pillars[0].Questions[0].Missing[0]
	if c.ID != "S3DP1_block" || c.HelpfulResource == nil || c.HelpfulResource.URL != "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html" {
		t.Fatalf("helpful resource: %+v", c)
	}
	if len(c.AdditionalResources) != 2 || c.AdditionalResources[0].Type != "HELPFUL_RESOURCE" || c.AdditionalResources[1].Type != "IMPROVEMENT_PLAN" ||
		!strings.Contains(c.AdditionalResources[0].Content[0].DisplayText, "\n  - on the bucket") {
		t.Errorf("additional resources: %+v", c.AdditionalResources)
	}
	for _, key := range []string{`"helpfulResource": {`, `"additionalResources": [`, `"displayText": `, `"type": "IMPROVEMENT_PLAN"`} {
		if !strings.Contains(b.String(), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

// Only web links become Markdown links.
func TestMarkdownLinksAreWebOnly(t *testing.T) {
	for addr, want := range map[string]string{
		"https://example.com/a(b)": "[x](https://example.com/a%28b%29)",
		"javascript:alert(1)":      "x `javascript:alert(1)`",
		"":                         "x",
	} {
		if got := mdLink("x", addr); got != want {
			t.Errorf("mdLink(x, %q) = %q, want %q", addr, got, want)
		}
	}
}

// resourceLine is one line of a plan's further resources, in document
// order: a heading (Heading set) or an item at its depth with its own
// text (nested lists left out) and the addresses it links to.
type resourceLine struct {
	Heading string
	Depth   int
	Text    string
	Hrefs   []string
}

// ownText is the text of a list item without the lists nested in it.
func ownText(li *html.Node) string { return squash(textSkipping(li, isList)) }

func isList(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.Data == "ul" || n.Data == "ol")
}

// ownHrefs are the addresses a list item links to, nested lists left out,
// unescaped (goldmark and html/template escape addresses differently).
func ownHrefs(li *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			h := attrOr(n, "href")
			if u, err := url.PathUnescape(h); err == nil {
				h = u
			}
			out = append(out, h)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !isList(c) {
				walk(c)
			}
		}
	}
	walk(li)
	return out
}

// listLines lists the items of ul and of the lists nested in it.
func listLines(ul *html.Node, depth int, out []resourceLine) []resourceLine {
	for li := ul.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.Data != "li" {
			continue
		}
		out = append(out, resourceLine{Depth: depth, Text: ownText(li), Hrefs: ownHrefs(li)})
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "ul" {
				out = listLines(c, depth+1, out)
			}
		}
	}
	return out
}

// markdownResources reads the further resources of a Markdown plan, as
// GitHub shows it: the items under each "To improve:" and "Learn more:".
func markdownResources(t *testing.T, plan []byte, c *i18n.Catalog) []resourceLine {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.Convert(plan, &out); err != nil {
		t.Fatal(err)
	}
	var lines []resourceLine
	for _, li := range all(parseHTML(t, out.Bytes()), tag("li")) {
		head := strings.TrimSuffix(ownText(li), ":")
		if head != c.Plan.ToImprove && head != c.Plan.LearnMore || li.Parent.Parent.Data != "li" {
			continue
		}
		lines = append(lines, resourceLine{Heading: head})
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "ul" {
				lines = listLines(c, 0, lines)
			}
		}
	}
	return lines
}

// htmlResourceLines reads the further resources of an HTML report.
func htmlResourceLines(doc *html.Node) []resourceLine {
	var lines []resourceLine
	for _, div := range all(doc, func(n *html.Node) bool { return hasClass(n, "resources") }) {
		for c := div.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode:
			case c.Data == "h5":
				lines = append(lines, resourceLine{Heading: squash(textOf(c))})
			case c.Data == "ul":
				lines = listLines(c, 0, lines)
			}
		}
	}
	return lines
}

// resourceLenses are the lenses whose resources are compared: the
// fixtures and, when the folder is there, the real AWS lenses.
func resourceLenses(t *testing.T) []string {
	t.Helper()
	srcs := []string{"builtin:ops", "builtin:ops-ja", "../testdata/aws/s3-style-resources.json", "../testdata/aws/ja-long-description.json",
		"../testdata/aws/spreadsheet-export.json"}
	real, _ := filepath.Glob(filepath.Join("..", "..", "shared", "aws-lenses", "*.json"))
	if len(real) == 0 {
		t.Log("../../shared/aws-lenses is absent: the real AWS lenses are not compared")
	}
	return append(srcs, real...)
}

// noneReview answers every question of l with its "None of these", or
// with its first choice where it has none, so that (by most risk rules)
// the question is in the plan and its practices are missing.
func noneReview(l *questions.Lens) *review.Review {
	r := review.New(l, review.Workload{Name: "All missing"})
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			var sel []string
			for _, c := range q.Choices {
				if c.IsNone() {
					sel = []string{c.ID}
				}
			}
			if sel == nil && len(q.Choices) > 0 {
				sel = []string{q.Choices[0].ID}
			}
			r.Update(p.ID, q.ID, "alice", t0, func(a *review.Answer) { a.Selected = sel })
		}
	}
	return r
}

// Every further resource of the Markdown plan is in the HTML report,
// under the same heading, in the same order and nesting, with the same
// text and the same links: over the fixtures and the real AWS lenses.
func TestHTMLPlanResourceParity(t *testing.T) {
	for _, src := range resourceLenses(t) {
		t.Run(filepath.Base(src), func(t *testing.T) {
			l, err := questions.Load(src)
			if err != nil {
				t.Fatal(err)
			}
			s := Score(Input{File: "review.yaml", Review: noneReview(l), Lens: l, Today: t0})
			var plan bytes.Buffer
			if err := WritePlan(&plan, s, PlanOptions{}); err != nil {
				t.Fatal(err)
			}
			md := markdownResources(t, plan.Bytes(), i18n.For(l.Language))
			page := renderHTML(t, s, HTMLOptions{Language: l.Language})
			got := htmlResourceLines(parseHTML(t, page))
			for i := range max(len(md), len(got)) {
				var m, h resourceLine
				if i < len(md) {
					m = md[i]
				}
				if i < len(got) {
					h = got[i]
				}
				// A link that is not a web link shows as code in Markdown and
				// says so in the page.
				if m.Heading != h.Heading || m.Depth != h.Depth || !strings.HasPrefix(h.Text, m.Text) || !slices.Equal(m.Hrefs, h.Hrefs) {
					t.Fatalf("resource line %d: Markdown %+v, HTML %+v", i, m, h)
				}
			}
			t.Logf("%d resource lines", len(md))
			if strings.Contains(src, "resources") || strings.Contains(src, "ja-long") {
				if len(md) == 0 {
					t.Fatal("no resources compared")
				}
			}
		})
	}
}

// The page shows a practice's resources as the Markdown plan does: the
// headings in order, the text, the links and the nested bullets; a
// Japanese lens gets the Japanese headings.
func TestHTMLShowsResources(t *testing.T) {
	doc := parseHTML(t, renderHTML(t, s3Fixture(t), HTMLOptions{}))
	first := all(doc, func(n *html.Node) bool { return hasClass(n, "next") })[0].FirstChild
	for first.Type != html.ElementNode {
		first = first.NextSibling
	}
	var heads []string
	for _, h := range all(first, tag("h5")) {
		heads = append(heads, textOf(h))
	}
	if !slices.Equal(heads, []string{"To improve", "Learn more"}) {
		t.Errorf("headings %q", heads)
	}
	var monitor, helpful bool
	for _, a := range all(doc, tag("a")) {
		if textOf(a) == "Monitoring public access with Amazon CloudWatch Internet Monitor" &&
			attrOr(a, "href") == "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-InternetMonitor.html" {
			monitor = true
		}
		if textOf(a) == "S3 Block Public Access overrides policies and ACLs that would make a bucket or its objects public." &&
			attrOr(a, "href") == "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html" {
			helpful = true // the helpful resource's text is its link's
		}
	}
	if !monitor || !helpful {
		t.Errorf("links: Internet Monitor %v, helpful resource %v", monitor, helpful)
	}
	acls := 0
	for _, li := range all(doc, tag("li")) {
		if ownText(li) == "access control lists (ACLs)" {
			acls++
			kids := all(li, tag("li"))[1:] // all lists li itself first
			if len(kids) != 2 || ownText(kids[0]) != "on the bucket" || ownText(kids[1]) != "on each object" {
				t.Errorf("the bullets under %q are not nested", ownText(li))
			}
		}
	}
	if acls != 1 {
		t.Errorf("%d items for the ACLs", acls)
	}

	l, err := questions.Load("../testdata/aws/ja-long-description.json")
	if err != nil {
		t.Fatal(err)
	}
	s := Score(Input{File: "review.yaml", Review: noneReview(l), Lens: l, Today: t0})
	page := parseHTML(t, renderHTML(t, s, HTMLOptions{Language: l.Language}))
	heads = nil
	for _, h := range all(page, tag("h5")) {
		heads = append(heads, textOf(h))
	}
	ja := i18n.For("ja").Plan
	if !slices.Contains(heads, ja.ToImprove) || !slices.Contains(heads, ja.LearnMore) || slices.Contains(heads, "Learn more") {
		t.Errorf("Japanese headings %q", heads)
	}
	var roles bool
	for _, li := range all(page, tag("li")) {
		if ownText(li) == "役割の例:" {
			kids := all(li, tag("li"))[1:]
			roles = len(kids) == 4 && ownText(kids[0]) == "インシデントコマンダー（指揮・判断）" && len(all(kids[3], tag("a"))) == 1
		}
	}
	if !roles {
		t.Error("the ・ bullets are not a list under their paragraph")
	}
}

// Hostile resources stay inert in the Markdown plan too: their text is
// shown as written, escaped, and only web addresses become links.
func TestPlanResourcesAreInert(t *testing.T) {
	s, _ := hostileFixture(t)
	var b bytes.Buffer
	if err := WritePlan(&b, s, PlanOptions{}); err != nil {
		t.Fatal(err)
	}
	_, links, codes, raw := renderedMarkdown(b.Bytes())
	if raw {
		t.Errorf("raw HTML in the plan:\n%s", b.String())
	}
	for _, l := range links {
		if !strings.HasPrefix(l, "https://") {
			t.Errorf("a link to %q", l)
		}
	}
	for _, want := range []string{"javascript:window.__pwned=17", " JavaScript:window.__pwned=21", "data:text/html,<script>window.__pwned=22</script>"} {
		if !slices.Contains(codes, want) {
			t.Errorf("%q is not shown as code: %q", want, codes)
		}
	}
	var out bytes.Buffer
	if err := goldmark.Convert(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	page := squash(textOf(parseHTML(t, out.Bytes())))
	for _, want := range []string{"<script>window.__pwned=16</script>help javascript:window.__pwned=17", "</ul></li><img src=x onerror=window.__pwned=18>steps:",
		"<script>window.__pwned=19</script>", "[x](javascript:window.__pwned=20)"} {
		if !strings.Contains(page, want) {
			t.Errorf("the plan does not show %q", want)
		}
	}
}
