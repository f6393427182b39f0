package questions

import (
	"errors"
	"runtime"
	"strings"
	"testing"
)

var condChoices = []string{"a", "b", "c", "d", "x_no", "日本"}

func lookupIn(ids []string) func(string) (int, bool) {
	return func(id string) (int, bool) {
		for i, s := range ids {
			if s == id {
				return i, true
			}
		}
		return 0, false
	}
}

func setOf(ticked string) ChoiceSet {
	s := NewChoiceSet(len(condChoices))
	for _, id := range strings.Fields(ticked) {
		i, ok := lookupIn(condChoices)(id)
		if !ok {
			panic(id)
		}
		s.Add(i)
	}
	return s
}

func TestConditionEval(t *testing.T) {
	cases := []struct {
		cond   string
		ticked string
		want   bool
	}{
		{"default", "", true},
		{"  default\n", "a", true},
		{"a", "a", true},
		{"a", "b", false},
		{"!a", "b", true},
		{"!!a", "a", true},
		{"a && b", "a b", true},
		{"a && b", "a", false},
		{"a || b", "b", true},
		{"a || b", "c", false},
		// && binds tighter than ||: a || (b && c)
		{"a || b && c", "a", true},
		{"a || b && c", "b", false},
		{"a || b && c", "b c", true},
		// ! binds tighter than &&: (!a) && b
		{"!a && b", "b", true},
		{"!a && b", "a b", false},
		// The ECS lens's condition: (b && !a) || c
		{"b && !a || c", "c", true},
		{"b && !a || c", "a b", false},
		{"b && !a || c", "b", true},
		{"(a || b) && c", "b c", true},
		{"(a || b) && c", "b", false},
		{"!(a || b)", "c", true},
		{"!(a || b)", "a", false},
		{"((a && (b || c)))", "a c", true},
		{"((a && (b || c)))", "a d", false},
		{"a&&b||c", "c", true},
		{"\ta\n&&\n b ", "a b", true},
		{"x_no", "x_no", true},
		{"日本 && !a", "日本", true},
		{"(a) && (!a)", "a", false},
		{"(a) && (!a)", "b", false},
	}
	for _, c := range cases {
		cond, err := ParseCondition(c.cond, lookupIn(condChoices))
		if err != nil {
			t.Errorf("ParseCondition(%q): %v", c.cond, err)
			continue
		}
		if got := cond.Eval(setOf(c.ticked)); got != c.want {
			t.Errorf("%q with [%s] = %v, want %v", c.cond, c.ticked, got, c.want)
		}
	}
}

func TestConditionErrors(t *testing.T) {
	cases := []struct {
		cond string
		col  int
		msg  string
	}{
		{"", 1, "empty"},
		{"   ", 1, "empty"},
		{"a &&", 5, "expected a choice id, '!' or '(', found the end"},
		{"&& a", 1, "expected a choice id, '!' or '(', found '&&'"},
		{"a b", 3, `expected '&&', '||' or the end of the condition, found "b"`},
		{"a & b", 3, "write '&&'"},
		{"a || | b", 6, "write '||'"},
		{"(a && b", 8, "expected ')' to close the '(' at column 1"},
		{"a && (b || (c)", 15, "'(' at column 6"},
		{"a)", 2, "found ')'"},
		{"()", 2, "found ')'"},
		{"a && zz", 6, `no choice "zz"`},
		{"default && a", 1, "default must stand alone"},
		{"a || default", 6, "default must stand alone"},
		{"日本 && ?", 7, "found '?'"},
		{"!", 2, "found the end"},
		{strings.Repeat("(", 70) + "a" + strings.Repeat(")", 70), 66, "deeper than"},
		{strings.Repeat("!", 70) + "a", 66, "deeper than"},
	}
	for _, c := range cases {
		_, err := ParseCondition(c.cond, lookupIn(condChoices))
		var ce *ConditionError
		if !errors.As(err, &ce) {
			t.Errorf("%q: got %v, want a ConditionError", c.cond, err)
			continue
		}
		if ce.Column != c.col || !strings.Contains(ce.Msg, c.msg) {
			t.Errorf("%q: got column %d %q, want column %d containing %q", c.cond, ce.Column, ce.Msg, c.col, c.msg)
		}
	}
}

func TestConditionIdentifiers(t *testing.T) {
	c, err := ParseCondition("b && (a || !b) && c", lookupIn(condChoices))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Identifiers(), ","); got != "b,a,c" {
		t.Errorf("Identifiers = %s", got)
	}
	d, _ := ParseCondition("default", lookupIn(condChoices))
	if !d.IsDefault() || c.IsDefault() {
		t.Error("IsDefault wrong")
	}
}

func TestChoiceSetBeyond64(t *testing.T) {
	s := NewChoiceSet(130)
	s.Add(129)
	s.Add(3)
	if !s.Has(129) || !s.Has(3) || s.Has(64) || s.Has(500) || s.Empty() {
		t.Error("ChoiceSet bits wrong")
	}
	s.Clear()
	if !s.Empty() {
		t.Error("Clear left bits")
	}
}

// A long condition allocates no more ahead of its parse than a short one:
// what it reserves from its operators is capped.
func TestConditionPreallocationIsBounded(t *testing.T) {
	text := strings.Repeat("!", 1<<20) + "a"
	lookup := func(string) (int, bool) { return 0, true }
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := ParseCondition(text, lookup); err == nil {
		t.Fatal("a condition nested a million deep parsed")
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("ParseCondition of a 1 MB condition allocated %d KB", grew>>10)
	}
}
