package questions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixtures in testdata/aws reproduce, in files of our own, each quirk of
// real AWS custom lenses listed in ../shared/aws-lenses/README.md.
func TestAWSFixtures(t *testing.T) {
	cases := []struct {
		file     string
		warnings []string // substrings, each must appear in some warning
		check    func(t *testing.T, l *Lens)
	}{
		{"no-default-precedence.json", []string{`NET/NET3: no "default" rule`}, func(t *testing.T, l *Lens) {
			q := l.Pillar("NET").Question("NET1")
			if q.RiskRules[0].Condition != "NET1_2 && !NET1_1 || NET1_3" {
				t.Errorf("condition changed: %q", q.RiskRules[0].Condition)
			}
		}},
		{"url-case-dead-rule.json", []string{`field "Url" read as "url"`, `rule 2 ("(rto_defined) && (!rto_defined)" -> MEDIUM_RISK) can never fire`}, func(t *testing.T, l *Lens) {
			c := l.Pillars[0].Questions[0].Choices[0]
			if c.HelpfulResource == nil || c.HelpfulResource.URL != "https://example.com/dr" {
				t.Errorf("Url not read: %+v", c.HelpfulResource)
			}
		}},
		{"reused-ids-nested.json", []string{`optimize/finops_co_q4: rule 3 ("default"`,
			`optimize/finops_co_q4: question id "finops_co_q4" is also used in pillar "inform"`}, func(t *testing.T, l *Lens) {
			if _, _, err := l.Find("finops_co_q4"); err == nil || !strings.Contains(err.Error(), "inform/finops_co_q4, optimize/finops_co_q4") {
				t.Errorf("ambiguous id: %v", err)
			}
			p, q, err := l.Find("optimize/finops_co_q4")
			if err != nil || p.ID != "optimize" || q.Title != "Are commitments used?" {
				t.Errorf("Find by pillar: %v %v %v", p, q, err)
			}
		}},
		{"long-titles-none-suffix.json", []string{
			"AWS limit: a choice title is at most 128 characters (it has 139)",
			`choice "build_none" reads as "None of these"`,
			`choice "monitor_none" reads as "None of these"`,
		}, nil},
		{"spreadsheet-export.json", []string{
			"description is NaN",
			"helpfulResource.url is NaN",
			"ops/ops_q1: the question has no description",
			`ops/ops_q2: no "default" rule`,
		}, func(t *testing.T, l *Lens) {
			c := l.Pillars[0].Questions[0].Choices[0]
			if got := c.AdditionalResources[0].Content[0].DisplayText; got != "Line one\nLine two\nLine three" {
				t.Errorf("multi-line text = %q", got)
			}
			if got := l.Pillars[0].Questions[0].RiskRules[1].Condition; got != " ops_q1_runbooks " {
				t.Errorf("condition = %q (kept as written)", got)
			}
		}},
		{"minified-escapes.json", nil, func(t *testing.T, l *Lens) {
			if !strings.Contains(l.Description, "https://example.com and emoji 🚀") {
				t.Errorf("escapes not decoded: %q", l.Description)
			}
			q := l.Pillars[0].Questions[0]
			if q.Title != "Question 😀?" || q.HelpfulResource.URL != "https://example.com/docs" || l.Pillars[0].Name != "Pillar é" {
				t.Errorf("decoded %q %q %q", q.Title, q.HelpfulResource.URL, l.Pillars[0].Name)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "aws", c.file)
			l, problems := Check(path, Options{Lint: true})
			if HasErrors(problems) || l == nil {
				t.Fatalf("does not load:\n%s", problemList(problems))
			}
			for _, w := range c.warnings {
				found := false
				for _, p := range problems {
					found = found || (p.Severity == Warning && strings.Contains(p.String(), w))
				}
				if !found {
					t.Errorf("no warning %q among:\n%s", w, problemList(problems))
				}
			}
			if len(c.warnings) == 0 && len(problems) > 0 {
				t.Errorf("unexpected problems:\n%s", problemList(problems))
			}
			// _-prefixed fields are ignored silently.
			for _, p := range problems {
				if strings.Contains(p.Msg, `field "_`) {
					t.Errorf("warned about an _ field: %s", p)
				}
			}
			if c.check != nil {
				c.check(t, l)
			}
		})
	}
}

// Positions in messages are right in minified (one-line) JSON too.
func TestMinifiedJSONPositions(t *testing.T) {
	cases := []struct{ file, want string }{
		{"minified-broken.json", "minified-broken.json:1:315: error: lens: trailing comma before '}'"},
		{"minified-bad-condition.json", `minified-bad-condition.json:1:255: error: pil/pq1: condition "pq1_a && pq1_zz": column 10: no choice "pq1_zz"`},
	}
	for _, c := range cases {
		path := filepath.Join("..", "testdata", "aws", c.file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, problems := Check(path, Options{})
		if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), filepath.Join("..", "testdata", "aws", c.want)) {
			t.Fatalf("got:\n%s", problemList(problems))
		}
		// The column points at the culprit in the file itself.
		col := problems[0].Column
		rest := string([]rune(string(data))[col-1:])
		if !strings.HasPrefix(rest, "}") && !strings.HasPrefix(rest, "pq1_zz") {
			t.Errorf("column %d points at %q", col, rest[:10])
		}
	}
}

// The four real lenses in ../shared/aws-lenses load, with their quirks as
// warnings. The folder is not part of the project; skip when it is absent.
func TestRealAWSLenses(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "aws-lenses")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skip("no ../shared/aws-lenses folder here")
	}
	want := map[string][]string{
		"Amazon_ECS_Lens":     {`NET/NET3: no "default" rule`},
		"ORR-Whitepaper":      {`field "Url" read as "url"`, `"(rto_defined) && (!rto_defined)" -> MEDIUM_RISK) can never fire`},
		"FinOpsCustomLens":    {`question id "finops_co_q4" is also used in pillar`},
		"mindforge-lens.json": {"AWS limit: a choice title is at most 128", `reads as "None of these"`},
	}
	for _, f := range files {
		l, problems := Check(f, Options{Lint: true})
		if l == nil {
			t.Errorf("%s does not load:\n%s", f, problemList(problems))
			continue
		}
		for key, subs := range want {
			if !strings.Contains(f, key) {
				continue
			}
			for _, s := range subs {
				found := false
				for _, p := range problems {
					found = found || strings.Contains(p.String(), s)
				}
				if !found {
					t.Errorf("%s: no warning %q", f, s)
				}
			}
		}
		if strings.Contains(f, "FinOps") {
			if _, _, err := l.Find("finops_co_q4"); err == nil {
				t.Errorf("FinOps: finops_co_q4 should be ambiguous")
			}
		}
	}
}
