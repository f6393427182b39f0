package questions

import (
	"fmt"
	"strings"
)

// FindError is a question reference that names no question, or more than one.
type FindError struct {
	Ref        string
	Candidates []string // PILLAR/QUESTION forms that match, when ambiguous
}

func (e *FindError) Error() string {
	if len(e.Candidates) > 0 {
		return fmt.Sprintf("question %q is in more than one pillar; name one of: %s", e.Ref, strings.Join(e.Candidates, ", "))
	}
	return fmt.Sprintf("no question %q in this lens", e.Ref)
}

// Find resolves a question reference: a question id, or PILLAR/QUESTION when
// the id alone is in several pillars.
func (l *Lens) Find(ref string) (*Pillar, *Question, error) {
	if pid, qid, ok := strings.Cut(ref, "/"); ok {
		if p := l.Pillar(pid); p != nil {
			if q := p.Question(qid); q != nil {
				return p, q, nil
			}
		}
		return nil, nil, &FindError{Ref: ref}
	}
	var (
		foundP *Pillar
		foundQ *Question
		all    []string
	)
	for _, p := range l.Pillars {
		if q := p.Question(ref); q != nil {
			if foundQ == nil {
				foundP, foundQ = p, q
			}
			all = append(all, p.ID+"/"+q.ID)
		}
	}
	switch len(all) {
	case 0:
		return nil, nil, &FindError{Ref: ref}
	case 1:
		return foundP, foundQ, nil
	}
	return nil, nil, &FindError{Ref: ref, Candidates: all}
}
