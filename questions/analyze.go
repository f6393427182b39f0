package questions

import "math/bits"

// RuleAnalysis says which rules of a question some valid answer reaches.
type RuleAnalysis struct {
	// Checked is false when the rules mention too many choices to try every
	// answer; the other fields are then empty.
	Checked bool
	// Fires[i] is true when some answer makes rule i the first true rule.
	Fires []bool
	// Unmatched is true when some answer matches no rule (and so is HIGH).
	Unmatched bool
	// UnmatchedAnswer holds the choice ids of one answer that matches no
	// rule, the one that says most to a reader: "None of these" alone, else
	// every practice, else the fewest choices.
	UnmatchedAnswer []string
	// Reachable holds every risk some answer produces.
	Reachable map[Risk]bool
}

// Analyze tries every answer over the choices the rules mention (an answer
// ticks at least one choice, and "None of these" is exclusive) and records
// which rules fire. Choices no rule mentions cannot change the outcome.
func (q *Question) Analyze() RuleAnalysis {
	budget := analysisBudget
	return q.analyze(&budget)
}

// analysisBudget bounds the work of checking rules (answers tried times
// condition size) for one lens, so a crafted lens cannot stall loading.
const analysisBudget = 1 << 24

// analyze is Analyze within a budget shared by a whole lens; when the work
// would exceed what is left, the question is not checked.
func (q *Question) analyze(budget *int) RuleAnalysis {
	var vars []int
	mentioned := map[int]bool{}
	for _, r := range q.RiskRules {
		if r.Compiled == nil {
			return RuleAnalysis{}
		}
		for _, id := range r.Compiled.Identifiers() {
			if i, ok := q.ChoiceIndex(id); ok && !mentioned[i] {
				mentioned[i] = true
				vars = append(vars, i)
			}
		}
	}
	size := 0
	for _, r := range q.RiskRules {
		size += r.Compiled.Size()
	}
	if len(vars) > maxAnalyzedVars || size<<len(vars) > *budget {
		return RuleAnalysis{}
	}
	*budget -= size << len(vars)
	a := RuleAnalysis{Checked: true, Fires: make([]bool, len(q.RiskRules)), Reachable: map[Risk]bool{}}
	noneMask, practiceMask := 0, 0
	for b, i := range vars {
		if q.Choices[i].IsNone() {
			noneMask |= 1 << b
		} else {
			practiceMask |= 1 << b
		}
	}
	// An unmentioned "None of these" ticked alone is the answer "mask 0".
	unmentionedNone := false
	for i, c := range q.Choices {
		unmentionedNone = unmentionedNone || (c.IsNone() && !mentioned[i])
	}
	set := NewChoiceSet(len(q.Choices))
	allMentioned := len(vars) == len(q.Choices)
	best, bestRank := -1, 0
	for mask := 0; mask < 1<<len(vars); mask++ {
		if mask == 0 && allMentioned {
			continue // nothing ticked: unanswered, not scored
		}
		if mask&noneMask != 0 && mask&practiceMask != 0 {
			continue // "None of these" excludes every other choice
		}
		set.Clear()
		for b, i := range vars {
			if mask&(1<<b) != 0 {
				set.Add(i)
			}
		}
		matched := false
		for i, r := range q.RiskRules {
			if r.Compiled.Eval(set) {
				a.Fires[i] = true
				a.Reachable[r.Risk] = true
				matched = true
				break
			}
		}
		if !matched {
			a.Unmatched = true
			a.Reachable[HighRisk] = true
			rank := 2 + bits.OnesCount(uint(mask))
			switch {
			case bits.OnesCount(uint(mask&noneMask)) == 1 || (mask == 0 && unmentionedNone):
				rank = 0
			case mask == practiceMask && practiceMask != 0:
				rank = 1
			}
			if best < 0 || rank < bestRank {
				best, bestRank = mask, rank
			}
		}
	}
	if best >= 0 {
		a.UnmatchedAnswer = q.answerOf(vars, best, bestRank == 1)
	}
	return a
}

// answerOf lists the choice ids of the answer mask stands for: the
// mentioned choices it ticks, every practice when allPractices is set, and
// for the answer that ticks no mentioned choice, one choice no rule names
// ("None of these" when it is one of them).
func (q *Question) answerOf(vars []int, mask int, allPractices bool) []string {
	var ids []string
	if allPractices {
		for _, c := range q.Choices {
			if !c.IsNone() {
				ids = append(ids, c.ID)
			}
		}
		return ids
	}
	inVars := map[int]bool{}
	for b, i := range vars {
		inVars[i] = true
		if mask&(1<<b) != 0 {
			ids = append(ids, q.Choices[i].ID)
		}
	}
	if len(ids) > 0 {
		return ids
	}
	pick := -1
	for i, c := range q.Choices {
		if !inVars[i] && (pick < 0 || c.IsNone()) {
			pick = i
		}
	}
	if pick >= 0 {
		ids = append(ids, q.Choices[pick].ID)
	}
	return ids
}
