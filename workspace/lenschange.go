package workspace

import (
	"fmt"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// LensDrift is how the lens differs from the one a review was saved
// with, as facts: LensChange words it in English for the
// command line, and a screen words it in its language (Words).
type LensDrift struct {
	Kind LensDriftKind
	// Was names the lens the review was answered with, Lens the lens it
	// is scored with now, alike (review.LensNames: by id, else by file).
	Was, Lens string
	// WasVersion and Version are their versions ("" when a lens has none).
	WasVersion, Version string
	// Orphans counts the answers the lens no longer matches, which are
	// kept (DiffLens counts them; LensChange does not).
	Orphans int
}

// LensDriftKind says how the lens changed.
type LensDriftKind int

// How a lens can differ from the recorded one.
const (
	LensSame       LensDriftKind = iota // the recorded lens, or none recorded
	LensReplaced                        // another lens altogether
	LensEdited                          // the same version with other content
	LensNewVersion                      // another version of the same lens
)

// DiffLens says how the lens differs from the one the review was saved
// with, counting the answers it no longer matches.
func DiffLens(r *review.Review, l *questions.Lens) LensDrift {
	d := lensDrift(r, l)
	if d.Kind != LensSame {
		d.Orphans = len(r.Answers.Orphans(l))
	}
	return d
}

func lensDrift(r *review.Review, l *questions.Lens) LensDrift {
	was, now := review.LensNames(review.LensLabel{ID: r.Lens.ID, Source: r.Lens.Source}, review.LensLabel{ID: l.ID, Name: l.Name, Source: l.Source})
	d := LensDrift{Was: was, Lens: now, WasVersion: r.Lens.Version, Version: l.Version}
	switch {
	case r.Lens.Digest == "" || r.Lens.Digest == l.Digest:
		d.Kind = LensSame
	case r.Lens.ID != "" && r.Lens.ID != l.ID:
		d.Kind = LensReplaced
	case r.Lens.Version == l.Version:
		d.Kind = LensEdited
	default:
		d.Kind = LensNewVersion
	}
	return d
}

// Change says, in one English sentence, how the lens differs from the
// recorded one; "" when it is the recorded one.
func (d LensDrift) Change() string { return d.Words(&i18n.For("en").TUI.Notice, false) }

// Words words the drift with a catalogue's sentences (so the command line
// and every screen say it alike), with the count of the answers the lens
// no longer matches when orphans is set.
func (d LensDrift) Words(w *i18n.Notices, orphans bool) string {
	var msg string
	switch d.Kind {
	case LensReplaced:
		msg = fmt.Sprintf(w.LensReplaced, d.Was, d.Lens)
	case LensEdited:
		msg = fmt.Sprintf(w.LensEdited, d.Lens, d.Version)
		if d.Version == "" {
			msg = fmt.Sprintf(w.LensEditedBare, d.Lens)
		}
	case LensNewVersion:
		msg = newVersion(w, d)
	default:
		return ""
	}
	switch {
	case !orphans:
	case d.Orphans == 1:
		msg += w.LensOrphan
	case d.Orphans > 1:
		msg += fmt.Sprintf(w.LensOrphans, d.Orphans)
	}
	return msg
}

// LensChange says, in one sentence, how the lens differs from the one the
// review was saved with: another lens altogether, or another edition of
// the same one. It is "" when the lens is the recorded one.
func LensChange(r *review.Review, l *questions.Lens) string { return lensDrift(r, l).Change() }

// OrphanNotes lists, one sentence each, the answers and ticked choices that
// are kept although the lens no longer has their question or choice.
func OrphanNotes(r *review.Review, l *questions.Lens) []string {
	return orphanNotes(r, l, "the answer to %[1]s/%[2]s is kept, but the lens no longer has that question",
		"choice %[3]s of %[1]s/%[2]s is kept, but the lens no longer has it")
}

// UnknownNotes lists, one sentence each, the answers and ticked choices
// that the lens the review was saved with does not have: hand edits (a
// mistyped id), which are kept in the file but count for nothing.
func UnknownNotes(r *review.Review, l *questions.Lens) []string {
	return orphanNotes(r, l, "the lens has no question %[1]s/%[2]s: its answer is kept but not scored (a mistyped id?)",
		"question %[1]s/%[2]s has no choice %[3]s: the tick is kept but not scored (a mistyped id?)")
}

// orphanNotes words each of the review's answers the lens has no question
// for with question (%[1]s the pillar, %[2]s the question), and each ticked
// choice it has not with choice (%[3]s the choice).
func orphanNotes(r *review.Review, l *questions.Lens, question, choice string) []string {
	var out []string
	for _, o := range r.Answers.Orphans(l) {
		if o.ChoiceID == "" {
			out = append(out, fmt.Sprintf(question, o.PillarID, o.QuestionID))
		} else {
			out = append(out, fmt.Sprintf(choice, o.PillarID, o.QuestionID, o.ChoiceID))
		}
	}
	return out
}

// newVersion words a new version, leaving out the one that is missing.
func newVersion(w *i18n.Notices, d LensDrift) string {
	switch {
	case d.WasVersion == "":
		return fmt.Sprintf(w.LensVersioned, d.Lens, d.Version)
	case d.Version == "":
		return fmt.Sprintf(w.LensUnversioned, d.Lens, d.WasVersion)
	}
	return fmt.Sprintf(w.LensNewVersion, d.Lens, d.WasVersion, d.Version)
}
