package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/yuin/goldmark"

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
