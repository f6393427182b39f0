package scoring

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wafr-dev/wafr/questions"
)

// Errors of a selection.
var (
	ErrNoSuchChoice  = errors.New("no such choice")
	ErrNoneExclusive = errors.New(`"None of these" cannot be ticked together with other choices`)
	ErrEmptySelect   = errors.New("no choice given")
)

// Select checks a set of choice ids for a question and returns them in lens
// order, without repeats: every id must be one of the question's choices,
// and "None of these" stands alone. The command line's --select and the
// TUI's ticks both end here, so they follow one rule.
func Select(q *questions.Question, ids []string) ([]string, error) {
	want := map[string]bool{}
	none, practices := 0, 0
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" || want[id] {
			continue
		}
		c := q.Choice(id)
		if c == nil {
			return nil, fmt.Errorf("%w: question %s has no choice %q; its choices: %s", ErrNoSuchChoice, q.ID, id, strings.Join(ChoiceIDs(q), ", "))
		}
		want[id] = true
		if c.IsNone() {
			none++
		} else {
			practices++
		}
	}
	switch {
	case len(want) == 0:
		return nil, ErrEmptySelect
	case none > 1 || none > 0 && practices > 0:
		return nil, ErrNoneExclusive
	}
	out := make([]string, 0, len(want))
	for _, c := range q.Choices {
		if want[c.ID] {
			out = append(out, c.ID)
		}
	}
	return out, nil
}

// NoneChoice returns the question's "None of these" choice, or nil.
func NoneChoice(q *questions.Question) *questions.Choice {
	for _, c := range q.Choices {
		if c.IsNone() {
			return c
		}
	}
	return nil
}

// ChoiceIDs lists a question's choice ids in lens order.
func ChoiceIDs(q *questions.Question) []string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	return ids
}
