package scoring

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

const testLens = `schemaVersion: "2021-11-01"
name: T
description: d
pillars:
  - id: p1
    name: One
    questions:
      - id: QQ1
        title: t
        description: d
        choices:
          - {id: a, title: A}
          - {id: b, title: B}
          - {id: c, title: C}
          - {id: QQ1_no, title: None of these}
        riskRules:
          - {condition: a && b, risk: NO_RISK}
          - {condition: a || b, risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
      - id: QQ2
        title: t
        description: d
        choices:
          - {id: x, title: X}
          - {id: QQ2_no, title: None of these}
        riskRules:
          - {condition: x, risk: NO_RISK}
  - id: p2
    name: Two
    questions:
      - id: QQ1
        title: same id, other pillar
        description: d
        choices:
          - {id: y, title: Y}
        riskRules:
          - {condition: y, risk: MEDIUM_RISK}
          - {condition: default, risk: HIGH_RISK}
`

func mustLens(t testing.TB, doc string) *questions.Lens {
	t.Helper()
	l, problems := questions.Parse("t.yaml", []byte(doc), questions.Options{})
	if l == nil {
		t.Fatalf("lens: %v", problems)
	}
	return l
}

func TestQuestionRisk(t *testing.T) {
	l := mustLens(t, testLens)
	q1 := l.Pillar("p1").Question("QQ1")
	q2 := l.Pillar("p1").Question("QQ2")
	cases := []struct {
		q    *questions.Question
		a    Answer
		want questions.Risk
	}{
		{q1, Answer{}, questions.Unanswered},
		{q1, Answer{Selected: []string{"gone"}}, questions.Unanswered}, // only an orphaned choice
		{q1, Answer{Selected: []string{"a", "b"}}, questions.NoRisk},
		{q1, Answer{Selected: []string{"b"}}, questions.MediumRisk},
		{q1, Answer{Selected: []string{"c"}}, questions.HighRisk},
		{q1, Answer{Selected: []string{"QQ1_no"}}, questions.HighRisk}, // None of these answers; rules decide
		{q1, Answer{Selected: []string{"a", "b", "gone"}}, questions.NoRisk},
		{q1, Answer{Selected: []string{"a", "b"}, NotApplicable: true}, questions.NotApplicable},
		{q1, Answer{NotApplicable: true}, questions.NotApplicable},
		{q2, Answer{Selected: []string{"x"}}, questions.NoRisk},
		{q2, Answer{Selected: []string{"QQ2_no"}}, questions.HighRisk}, // no rule matches: HIGH
	}
	for i, c := range cases {
		if got := QuestionRisk(c.q, c.a); got != c.want {
			t.Errorf("case %d: %s %+v = %s, want %s", i, c.q.ID, c.a, got, c.want)
		}
	}
}

func TestToggleNoneIsExclusive(t *testing.T) {
	q := mustLens(t, testLens).Pillar("p1").Question("QQ1")
	cases := []struct {
		selected []string
		tick     string
		want     string
	}{
		{nil, "b", "b"},
		{[]string{"b"}, "a", "a b"}, // lens order
		{[]string{"a", "b"}, "a", "b"},
		{[]string{"a", "b"}, "QQ1_no", "QQ1_no"},
		{[]string{"QQ1_no"}, "c", "c"},
		{[]string{"QQ1_no"}, "QQ1_no", ""},
		{[]string{"a", "old"}, "b", "a b old"}, // orphans kept, at the end
		{[]string{"a"}, "not-a-choice", "a"},
	}
	for _, c := range cases {
		got := strings.Join(Toggle(q, c.selected, c.tick), " ")
		if got != c.want {
			t.Errorf("Toggle(%v, %s) = %q, want %q", c.selected, c.tick, got, c.want)
		}
	}
}

func TestScoreRollUps(t *testing.T) {
	l := mustLens(t, testLens)
	answers := map[string]map[string]Answer{
		"p1": {"QQ1": {Selected: []string{"a"}}, "QQ2": {NotApplicable: true}},
		"p2": {"QQ1": {Selected: []string{"y"}}},
	}
	res := Score(l, func(p, q string) (Answer, bool) { a, ok := answers[p][q]; return a, ok })
	if got := res.Pillars[0].Counts; got != (Counts{Medium: 1, NotApplicable: 1}) {
		t.Errorf("p1 counts %+v", got)
	}
	if got := res.Pillars[1].Counts; got != (Counts{Medium: 1}) {
		t.Errorf("p2 counts %+v", got)
	}
	if res.Counts.Total() != 3 || res.Counts.Answered() != 3 || res.Counts.Medium != 2 {
		t.Errorf("total %+v", res.Counts)
	}
	if res.Pillars[1].Questions[0].Risk != questions.MediumRisk {
		t.Errorf("same id in another pillar scored wrongly")
	}
	empty := Score(l, func(string, string) (Answer, bool) { return Answer{}, false })
	if empty.Counts != (Counts{Unanswered: 3}) || empty.Counts.Answered() != 0 {
		t.Errorf("empty %+v", empty.Counts)
	}
}

func TestCounts(t *testing.T) {
	var c Counts
	for _, r := range []questions.Risk{questions.HighRisk, questions.HighRisk, questions.MediumRisk, questions.NoRisk, questions.NotApplicable, questions.Unanswered} {
		c.Add(r)
	}
	for r, want := range map[questions.Risk]int{questions.HighRisk: 2, questions.MediumRisk: 1, questions.NoRisk: 1, questions.NotApplicable: 1, questions.Unanswered: 1} {
		if c.Of(r) != want {
			t.Errorf("Of(%s) = %d, want %d", r, c.Of(r), want)
		}
	}
	if c.Plus(c).Total() != 12 {
		t.Error("Plus")
	}
}

// The quirks of real lenses score the way the AWS tool scores them.
func TestAWSFixtureScoring(t *testing.T) {
	load := func(name string) *questions.Lens {
		l, err := questions.Load(filepath.Join("..", "testdata", "aws", name))
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	ecs := load("no-default-precedence.json").Pillar("NET")
	net1, net3 := ecs.Question("NET1"), ecs.Question("NET3")
	// (NET1_2 && !NET1_1) || NET1_3
	if r := QuestionRisk(net1, Answer{Selected: []string{"NET1_1", "NET1_2"}}); r != questions.MediumRisk {
		t.Errorf("precedence: %s", r)
	}
	if r := QuestionRisk(net1, Answer{Selected: []string{"NET1_1", "NET1_3"}}); r != questions.NoRisk {
		t.Errorf("precedence: %s", r)
	}
	if r := QuestionRisk(net3, Answer{Selected: []string{"NET3_no"}}); r != questions.HighRisk {
		t.Errorf("no default: None of these = %s, want HIGH", r)
	}
	// A "None" choice without the _no suffix is an ordinary choice.
	mind := load("long-titles-none-suffix.json").Pillars[0].Question("lifecycle_build")
	if got := Toggle(mind, []string{"build_full"}, "build_none"); len(got) != 2 {
		t.Errorf("build_none should not be exclusive: %v", got)
	}
}

func TestBar(t *testing.T) {
	cases := []struct {
		c     Counts
		width int
		want  []int
	}{
		{Counts{High: 1, Medium: 1, None: 1, NotApplicable: 1, Unanswered: 1}, 10, []int{2, 2, 2, 2, 2}},
		{Counts{High: 1, Unanswered: 99}, 10, []int{1, 0, 0, 0, 9}},
		// The remainder goes to a level that has questions, never to
		// UNANSWERED when every question is answered (issue 16).
		{Counts{High: 2, Medium: 1}, 10, []int{7, 3, 0, 0, 0}},
		{Counts{High: 3, Medium: 10, None: 3, NotApplicable: 3}, 20, []int{3, 11, 3, 3, 0}},
		{Counts{High: 1, Medium: 1, None: 1}, 20, []int{7, 7, 6, 0, 0}},
		{Counts{High: 1, Medium: 1, None: 1, NotApplicable: 1, Unanswered: 1}, 3, []int{1, 1, 1, 0, 0}},
		{Counts{}, 10, []int{0, 0, 0, 0, 0}},
		{Counts{High: 5}, 0, []int{0, 0, 0, 0, 0}},
	}
	for _, c := range cases {
		got := c.c.Bar(c.width)
		sum := 0
		for i := range got {
			sum += got[i]
			if got[i] != c.want[i] {
				t.Errorf("%+v.Bar(%d) = %v, want %v", c.c, c.width, got, c.want)
				break
			}
		}
		if c.c.Total() > 0 && c.width > 0 && sum != c.width {
			t.Errorf("%+v.Bar(%d) sums to %d", c.c, c.width, sum)
		}
	}
}
