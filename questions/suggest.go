package questions

import "strings"

// QuestionRefs lists how to name each question on the command line, in lens
// order: its id, or PILLAR/QUESTION when the id is in more than one pillar.
func (l *Lens) QuestionRefs() []string {
	count := map[string]int{}
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			count[q.ID]++
		}
	}
	var out []string
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			if count[q.ID] > 1 {
				out = append(out, p.ID+"/"+q.ID)
			} else {
				out = append(out, q.ID)
			}
		}
	}
	return out
}

// SuggestQuestion returns the reference that ref most likely meant when it
// names no question: the same id (or PILLAR/QUESTION) in another case, as
// in "ops1" for OPS1. It returns "" when there is none, or more than one.
func (l *Lens) SuggestQuestion(ref string) string {
	found := ""
	for _, r := range l.QuestionRefs() {
		_, id, qualified := strings.Cut(r, "/")
		if strings.EqualFold(r, ref) || !qualified && strings.EqualFold(id, ref) {
			if found != "" {
				return ""
			}
			found = r
		}
	}
	if found == "" {
		// A PILLAR/QUESTION form of an id that is in one pillar only.
		if pid, qid, ok := strings.Cut(ref, "/"); ok {
			for _, p := range l.Pillars {
				for _, q := range p.Questions {
					if strings.EqualFold(p.ID, pid) && strings.EqualFold(q.ID, qid) {
						return p.ID + "/" + q.ID
					}
				}
			}
		}
	}
	return found
}
