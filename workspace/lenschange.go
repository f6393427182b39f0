package workspace

import (
	"fmt"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// LensChange says, in one sentence, how the lens differs from the one the
// review was saved with: another lens altogether, or another edition of
// the same one. It is "" when the lens is the recorded one. The command
// line and the TUI both use this wording.
func LensChange(r *review.Review, l *questions.Lens) string {
	if r.Lens.Digest == "" || r.Lens.Digest == l.Digest {
		return ""
	}
	if r.Lens.ID != "" && r.Lens.ID != l.ID {
		return fmt.Sprintf("this review was answered with the lens %s and is scored here with another lens, %s", r.Lens.ID, l.ID)
	}
	if r.Lens.Version == l.Version {
		return fmt.Sprintf("the lens %s changed since this review was saved (same version %s, other content)", l.ID, orDash(l.Version))
	}
	return fmt.Sprintf("the lens %s changed since this review was saved (version %s, now %s)", l.ID, orDash(r.Lens.Version), orDash(l.Version))
}

// LensNotice is LensChange with a count of the answers the lens no longer
// matches, for a one-line notice.
func LensNotice(r *review.Review, l *questions.Lens) string {
	msg := LensChange(r, l)
	if msg == "" {
		return ""
	}
	switch n := len(r.Answers.Orphans(l)); {
	case n == 1:
		msg += "; 1 answer no longer matches it and is kept"
	case n > 1:
		msg += fmt.Sprintf("; %d answers no longer match it and are kept", n)
	}
	return msg
}

// OrphanNotes lists, one sentence each, the answers and ticked choices that
// are kept although the lens no longer has their question or choice.
func OrphanNotes(r *review.Review, l *questions.Lens) []string {
	var out []string
	for _, o := range r.Answers.Orphans(l) {
		if o.ChoiceID == "" {
			out = append(out, fmt.Sprintf("the answer to %s/%s is kept, but the lens no longer has that question", o.PillarID, o.QuestionID))
		} else {
			out = append(out, fmt.Sprintf("choice %s of %s/%s is kept, but the lens no longer has it", o.ChoiceID, o.PillarID, o.QuestionID))
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
