package questions

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The built-in lenses are content we ship: they must be clean even by the
// AWS tool's rules, and every question must be answerable well and badly.
func TestBuiltinLenses(t *testing.T) {
	names := Builtins()
	if len(names) == 0 || names[0] != "ops" && !contains(names, "ops") {
		t.Fatalf("builtins = %v", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			l, problems := Check(BuiltinPrefix+name, Options{AWS: true})
			if len(problems) > 0 || l == nil {
				t.Fatalf("problems:\n%s", problemList(problems))
			}
			if l.ID == "" || l.Version == "" || l.Language == "" || l.Description == "" {
				t.Errorf("id %q version %q language %q", l.ID, l.Version, l.Language)
			}
			for _, p := range l.Pillars {
				for _, q := range p.Questions {
					checkBuiltinQuestion(t, q)
				}
			}
		})
	}
}

func checkBuiltinQuestion(t *testing.T, q *Question) {
	t.Helper()
	nones, practices := 0, 0
	for _, c := range q.Choices {
		if c.IsNone() {
			nones++
			continue
		}
		practices++
		if c.ImprovementPlan == nil || len(strings.TrimSpace(c.ImprovementPlan.DisplayText)) < 40 {
			t.Errorf("%s/%s: no real improvement plan", q.ID, c.ID)
		}
		if c.HelpfulResource == nil || c.HelpfulResource.DisplayText == "" {
			t.Errorf("%s/%s: no helpful text", q.ID, c.ID)
		}
	}
	if nones != 1 || q.Choices[len(q.Choices)-1].IsNone() == false {
		t.Errorf("%s: want one None of these, last", q.ID)
	}
	if practices < 4 || practices > 8 {
		t.Errorf("%s: %d practices", q.ID, practices)
	}
	if n := len(q.RiskRules); n < 2 || n > 3 {
		t.Errorf("%s: %d rules", q.ID, n)
	}
	a := q.Analyze()
	if !a.Checked || !a.Reachable[NoRisk] || !a.Reachable[HighRisk] || a.Unmatched {
		t.Errorf("%s: rules reach %v (unmatched %v)", q.ID, a.Reachable, a.Unmatched)
	}
	for i, fires := range a.Fires {
		if !fires {
			t.Errorf("%s: rule %d never fires", q.ID, i+1)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestOpsLensCoversTheSeed(t *testing.T) {
	l, err := Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	if l.QuestionCount() != 6 || l.Pillars[0].Questions[0].ID != "OPS1" || l.Pillars[0].Questions[5].ID != "OPS6" {
		t.Fatalf("want OPS1-OPS6")
	}
	var all strings.Builder
	all.WriteString(l.Description)
	for _, q := range l.Pillars[0].Questions {
		all.WriteString(q.Title + q.Description)
		for _, c := range q.Choices {
			all.WriteString(c.Title)
			if c.HelpfulResource != nil {
				all.WriteString(c.HelpfulResource.DisplayText)
			}
			if c.ImprovementPlan != nil {
				all.WriteString(c.ImprovementPlan.DisplayText)
			}
		}
	}
	text := strings.ToLower(all.String())
	for _, fact := range []string{"sli", "slo", "sla", "error budget", "rto", "rpo", "rlo", "product owner", "postmortem",
		"incident commander", "customers", "non-functional", "capacity", "change", "monitor", "two-pizza", "sre",
		"billed", "ops01", "ops11", "recovery"} {
		if !strings.Contains(text, fact) {
			t.Errorf("the ops lens never mentions %q", fact)
		}
	}
}

func TestUnknownBuiltin(t *testing.T) {
	_, err := Load("builtin:nope")
	var le *LoadError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "builtin:nope: error: no built-in lens of that name: \"nope\" (built-in lenses: ops") {
		t.Errorf("got %v", err)
	}
}

func TestDigestIgnoresFormatting(t *testing.T) {
	a, _ := Parse("a.yaml", []byte(lensYAML(goodQuestion)), Options{})
	b, _ := Parse("b.yaml", []byte("# a comment\n"+strings.ReplaceAll(lensYAML(goodQuestion), "Why it matters.", "'Why it matters.'")), Options{})
	c, _ := Parse("c.yaml", []byte(strings.ReplaceAll(lensYAML(goodQuestion), "Practice B", "Practice C")), Options{})
	if a.Digest != b.Digest {
		t.Error("formatting changed the digest")
	}
	if a.Digest == c.Digest {
		t.Error("a content change kept the digest")
	}
}

// The English and Japanese editions of each built-in lens have identical
// structure, so reviews made with either can be diffed and reported side
// by side.
func TestEditionsHaveTheSameStructure(t *testing.T) {
	pairs := 0
	for _, name := range Builtins() {
		base, ok := strings.CutSuffix(name, "-ja")
		if !ok {
			if !contains(Builtins(), name+"-ja") {
				t.Errorf("builtin:%s has no Japanese edition", name)
			}
			continue
		}
		pairs++
		en, err := Load(BuiltinPrefix + base)
		if err != nil {
			t.Fatal(err)
		}
		ja, err := Load(BuiltinPrefix + name)
		if err != nil {
			t.Fatal(err)
		}
		if en.Language != "en" || ja.Language != "ja" || en.Version != ja.Version || ja.ID != name {
			t.Errorf("%s: language %s/%s version %s/%s id %s", name, en.Language, ja.Language, en.Version, ja.Version, ja.ID)
		}
		if got, want := structure(ja), structure(en); got != want {
			t.Errorf("%s and %s differ in structure:\n%s\n---\n%s", name, base, got, want)
		}
		if ja.Name == en.Name || ja.Pillars[0].Questions[0].Title == en.Pillars[0].Questions[0].Title {
			t.Errorf("%s looks untranslated", name)
		}
	}
	if pairs == 0 {
		t.Fatal("no Japanese editions")
	}
}

// structure is a lens without its text: ids and rules only.
func structure(l *Lens) string {
	var b strings.Builder
	for _, p := range l.Pillars {
		b.WriteString("pillar " + p.ID + "\n")
		for _, q := range p.Questions {
			b.WriteString("  question " + q.ID + "\n")
			for _, c := range q.Choices {
				b.WriteString("    choice " + c.ID + "\n")
			}
			for _, r := range q.RiskRules {
				b.WriteString("    rule " + r.Condition + " -> " + r.Risk.RuleName() + "\n")
			}
		}
	}
	return b.String()
}

// Every link in the built-in lenses is one confirmed in
// ../shared/references.md (skipped where that folder is absent).
func TestBuiltinLinksAreConfirmed(t *testing.T) {
	refs, err := os.ReadFile(filepath.Join("..", "..", "shared", "references.md"))
	if err != nil {
		t.Skip("no ../shared/references.md here")
	}
	url := regexp.MustCompile(`https?://[^\s)>\]"']+`)
	for _, name := range Builtins() {
		data, _ := builtinFS.ReadFile("lenses/" + name + ".yaml")
		for _, u := range url.FindAllString(string(data), -1) {
			if !strings.Contains(string(refs), strings.TrimRight(u, ".,;")) {
				t.Errorf("%s: %s is not in references.md", name, u)
			}
		}
	}
}

// A lens and its translation are one lens to a review; others are not.
func TestSameLens(t *testing.T) {
	ops, ja := mustBuiltin(t, "ops"), mustBuiltin(t, "ops-ja")
	for _, c := range []struct {
		recorded string
		l        *Lens
		want     bool
	}{
		{"ops", ops, true}, {"ops-ja", ja, true}, {"ops", ja, true}, {"ops-ja", ops, true},
		{"users", ops, false}, {"users-ja", ja, false}, {"ops-jap", ops, false}, {"ops-", ops, false}, {"opsja", ja, false},
		{"aws-samples-custom-lens-wa-hub-amazon-ecs-lens", ops, false},
		{"ops-fr", ja, true}, // two translations of one lens
		{"ops-fr", mustBuiltin(t, "users-ja"), false},
	} {
		if got := SameLens(c.recorded, c.l); got != c.want {
			t.Errorf("SameLens(%q, %s) = %v, want %v", c.recorded, c.l.ID, got, c.want)
		}
	}
}

func mustBuiltin(t *testing.T, name string) *Lens {
	t.Helper()
	l, err := Load(BuiltinPrefix + name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
