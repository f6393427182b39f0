// Package watool moves answers between wafr review files and the AWS
// Well-Architected Tool: out as `aws wellarchitected update-answer` inputs,
// in from `list-answers` (and `get-workload`) outputs. It works on the JSON
// shapes of the AWS API; it does not call AWS.
package watool

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/wafr-dev/wafr/internal/safeout"
	"github.com/wafr-dev/wafr/internal/yamlnode"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// MaxNotes is the longest Notes the AWS answer model accepts.
const MaxNotes = 2084

// UpdateAnswerInput is the body of `aws wellarchitected update-answer
// --cli-input-json`, field names as the AWS API spells them.
type UpdateAnswerInput struct {
	WorkloadID      string                  `json:"WorkloadId"`
	LensAlias       string                  `json:"LensAlias"`
	QuestionID      string                  `json:"QuestionId"`
	SelectedChoices []string                `json:"SelectedChoices"`
	ChoiceUpdates   map[string]ChoiceUpdate `json:"ChoiceUpdates,omitempty"`
	Notes           string                  `json:"Notes,omitempty"`
	IsApplicable    bool                    `json:"IsApplicable"`
	Reason          string                  `json:"Reason,omitempty"`
}

// ChoiceUpdate is the status of one choice in an UpdateAnswer.
type ChoiceUpdate struct {
	Status string `json:"Status"`
	Reason string `json:"Reason,omitempty"`
	Notes  string `json:"Notes,omitempty"`
}

// ExportOptions say which AWS workload and lens the answers go to.
type ExportOptions struct {
	WorkloadID string
	LensAlias  string
}

// ExportAnswers writes one UpdateAnswer input per line (JSON Lines) for
// every answered question, in lens order. It returns warnings: notes cut to
// AWS's length, answers the lens no longer has, ambiguous question ids.
func ExportAnswers(w io.Writer, r *review.Review, l *questions.Lens, opts ExportOptions) ([]string, error) {
	var warnings []string
	seen := map[string]string{}
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			a := r.Answers.Get(p.ID, q.ID)
			if a == nil || (len(a.Selected) == 0 && !a.NotApplicable) {
				continue
			}
			in := UpdateAnswerInput{
				WorkloadID: opts.WorkloadID, LensAlias: opts.LensAlias, QuestionID: q.ID,
				SelectedChoices: []string{}, IsApplicable: !a.NotApplicable, Notes: a.Notes,
			}
			for _, id := range a.Selected {
				if q.Choice(id) == nil {
					warnings = append(warnings, fmt.Sprintf("%s/%s: choice %s is not in the lens; left out", p.ID, q.ID, id))
					continue
				}
				in.SelectedChoices = append(in.SelectedChoices, id)
			}
			if !a.NotApplicable && len(in.SelectedChoices) == 0 {
				// No choices and applicable clears the answer in AWS.
				warnings = append(warnings, fmt.Sprintf("%s/%s: none of its ticked choices is in the lens; not exported (it would clear the answer in AWS)", p.ID, q.ID))
				continue
			}
			// Only an answer that is exported can meet another of its id.
			if other, dup := seen[q.ID]; dup {
				warnings = append(warnings, fmt.Sprintf("%s/%s: question id %s is also in pillar %s; AWS identifies answers by question id alone", p.ID, q.ID, q.ID, other))
			}
			seen[q.ID] = p.ID
			if a.NotApplicable {
				in.Reason = a.Reason
				if in.Reason == "" {
					in.Reason = "NONE"
				}
			}
			if cut, ok := cutNotes(in.Notes); !ok {
				warnings = append(warnings, fmt.Sprintf("%s/%s: notes cut from %d to %d characters (the AWS limit is %d)", p.ID, q.ID, utf8.RuneCountInString(in.Notes), utf8.RuneCountInString(cut), MaxNotes))
				in.Notes = cut
			}
			// One JSON object a line, with "&", "<" and ">" as they are;
			// JSON Lines are read on terminals too, so bidi and C1
			// controls from notes or ids are written as \u escapes.
			if err := safeout.WriteJSON(w, in, ""); err != nil {
				return warnings, err
			}
		}
	}
	for _, o := range r.Answers.Orphans(l) {
		if o.ChoiceID == "" {
			warnings = append(warnings, fmt.Sprintf("%s/%s: not in the lens; not exported", o.PillarID, o.QuestionID))
		}
	}
	return warnings, nil
}

// cutNotes is notes cut to MaxNotes, and whether they fitted whole. AWS
// counts in UTF-16 code units, as its services do, so a character
// outside the Basic Multilingual Plane (most emoji) counts two; the cut
// falls between user-perceived characters, never inside an emoji
// sequence or before a combining accent.
func cutNotes(notes string) (string, bool) {
	units := 0
	for _, r := range notes {
		units += utf16.RuneLen(r)
	}
	if units <= MaxNotes {
		return notes, true
	}
	units, end := 0, 0
	state := -1
	for rest := notes; rest != ""; {
		var g string
		g, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		n := 0
		for _, r := range g {
			n += utf16.RuneLen(r)
		}
		if units+n > MaxNotes {
			break
		}
		units, end = units+n, end+len(g)
	}
	if end == 0 { // one character longer than the limit (thousands of accents): cut inside it
		for i, r := range notes {
			if units += utf16.RuneLen(r); units > MaxNotes {
				return notes[:i], false
			}
		}
	}
	return notes[:end], false
}

// The parts of the AWS outputs wafr reads (decode.go reads them).
type (
	listAnswersOutput struct {
		WorkloadID      string
		LensAlias       string
		AnswerSummaries []answerSummary
	}
	answerSummary struct {
		QuestionID      string
		PillarID        string
		QuestionTitle   string
		SelectedChoices []string
		IsApplicable    *bool
		Risk            string
		Reason          string

		at        pos   // where the answer is
		choicesAt []pos // where each of SelectedChoices is
		reasonAt  pos   // where Reason is
	}
	getWorkloadOutput struct {
		Workload struct {
			WorkloadID   string
			WorkloadName string
			Environment  string
			Owner        string
			ReviewOwner  string
			// environmentAt is where Environment is.
			environmentAt pos
		}
	}
)

// ImportOptions describe where the AWS outputs came from.
type ImportOptions struct {
	ListAnswers []byte // one or more list-answers pages, concatenated or in a JSON array
	GetWorkload []byte // optional get-workload output (nil: none; empty is an error)
	// ListAnswersFile and GetWorkloadFile name the files in messages, as
	// FILE:LINE:COLUMN (by default "list-answers output" and
	// "get-workload output").
	ListAnswersFile, GetWorkloadFile string
	By                               string // recorded as answeredBy
	Now                              time.Time
}

// UnknownPillar holds answers to questions the lens does not have, when
// AWS did not say their pillar.
const UnknownPillar = "unknown-pillar"

// ErrNoAnswers is returned for a list-answers file with no AnswerSummaries.
var ErrNoAnswers = errors.New("no AnswerSummaries found: is this the output of aws wellarchitected list-answers?")

// ErrEmptyAnswers is returned for a list-answers file whose AnswerSummaries
// are there but empty.
var ErrEmptyAnswers = errors.New("AnswerSummaries holds no answers, so there is nothing to import " +
	"(list-answers lists every question of the lens: check its --workload-id and --lens-alias)")

// ImportAnswers builds a review of the lens from AWS outputs. Questions and
// choices the lens does not have are kept in the review (as answers the
// lens does not know) and listed in the warnings; nothing is dropped. A
// question listed twice is imported once when both say the same, and
// refused when they differ (which is right cannot be known).
func ImportAnswers(l *questions.Lens, opts ImportOptions) (*review.Review, []string, error) {
	listFile, workloadFile := opts.ListAnswersFile, opts.GetWorkloadFile
	if listFile == "" {
		listFile = "list-answers output"
	}
	if workloadFile == "" {
		workloadFile = "get-workload output"
	}
	list, err := utf8Text(opts.ListAnswers)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", listFile, err)
	}
	getWorkload, err := utf8Text(opts.GetWorkload)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", workloadFile, err)
	}
	pages, err := decodePages(listFile, list)
	if err != nil {
		return nil, nil, err
	}
	var summaries []answerSummary
	workloadID, listed := "", false
	for _, p := range pages {
		summaries = append(summaries, p.AnswerSummaries...)
		listed = listed || p.AnswerSummaries != nil // an empty list is there, nil is not
		if workloadID == "" {
			workloadID = p.WorkloadID
		}
	}
	switch {
	case !listed:
		return nil, nil, fmt.Errorf("%s: %w", listFile, ErrNoAnswers)
	case len(summaries) == 0:
		return nil, nil, fmt.Errorf("%s: %w", listFile, ErrEmptyAnswers)
	}
	w := review.Workload{Name: workloadID, Environment: review.Production}
	var warnings []string
	if opts.GetWorkload != nil {
		gw, err := decodeWorkload(workloadFile, getWorkload)
		if err != nil {
			return nil, nil, err
		}
		if gw.Workload.WorkloadName == "" {
			return nil, nil, fmt.Errorf("%s: no Workload.WorkloadName: is this the output of aws wellarchitected get-workload?", workloadFile)
		}
		w.Name = gw.Workload.WorkloadName
		switch env := gw.Workload.Environment; env {
		case review.PreProduction:
			w.Environment = review.PreProduction
		case review.Production, "":
		default:
			// AWS knows only these two: say so, rather than call a
			// STAGING workload PRODUCTION silently.
			warnings = append(warnings, fmt.Sprintf("%s: Environment %q is not PRODUCTION or PREPRODUCTION; imported as PRODUCTION", gw.Workload.environmentAt, env))
		}
		w.Owner = gw.Workload.Owner
		if w.Owner == "" {
			w.Owner = gw.Workload.ReviewOwner
		}
	}
	r := review.New(l, w)
	type key struct{ pillar, question string }
	imported := map[key]*answerSummary{}
	known := 0 // answers to questions the lens has
	for i := range summaries {
		s := &summaries[i]
		if s.QuestionID == "" {
			warnings = append(warnings, fmt.Sprintf("%s: an answer without a QuestionId was left out", s.at))
			continue
		}
		pid := s.PillarID
		if pid == "" {
			pid = UnknownPillar
		}
		p, q := locate(l, s.PillarID, s.QuestionID)
		if q != nil {
			pid = p.ID
		}
		// AWS lists each question once: a question twice is two outputs
		// put together (a page saved twice, or two workloads' answers).
		if first := imported[key{pid, s.QuestionID}]; first != nil {
			if diff := differences(first, s); len(diff) > 0 {
				// The ids are the file's: on one line, as warnings are.
				id := strings.ReplaceAll(pid+"/"+s.QuestionID, "\n", " ")
				return nil, nil, fmt.Errorf("%s: %s is listed twice, with different %s (first at %s): keep the one that is right and remove the other",
					s.at.withPage(), id, strings.Join(diff, " and "), first.at.withPage())
			}
			warnings = append(warnings, fmt.Sprintf("%s: %s/%s is listed twice, the same answer both times (first at %s); imported once", s.at.withPage(), pid, s.QuestionID, first.at.withPage()))
			continue
		}
		imported[key{pid, s.QuestionID}] = s
		if q == nil {
			title := ""
			if s.QuestionTitle != "" {
				title = " (" + s.QuestionTitle + ")"
			}
			warnings = append(warnings, fmt.Sprintf("%s: %s/%s%s: not in the lens; kept in the review", s.at, pid, s.QuestionID, title))
		} else {
			known++
		}
		// A choice listed twice is kept once: a review file lists each
		// choice once, and refuses to load otherwise.
		selected := make([]string, 0, len(s.SelectedChoices))
		seen := make(map[string]bool, len(s.SelectedChoices))
		for j, id := range s.SelectedChoices {
			if id == "" {
				// It names no choice, and a review file refuses one.
				warnings = append(warnings, fmt.Sprintf("%s: %s/%s: an empty choice id was left out", s.choicesAt[j], pid, s.QuestionID))
				continue
			}
			if seen[id] {
				warnings = append(warnings, fmt.Sprintf("%s: %s/%s: choice %s is listed twice; kept once", s.choicesAt[j], pid, s.QuestionID, id))
				continue
			}
			seen[id] = true
			selected = append(selected, id)
			if q != nil && q.Choice(id) == nil {
				warnings = append(warnings, fmt.Sprintf("%s: %s/%s: choice %s is not in the lens; kept in the review", s.choicesAt[j], pid, q.ID, id))
			}
		}
		notApplicable := s.IsApplicable != nil && !*s.IsApplicable
		if len(selected) == 0 && !notApplicable {
			continue // unanswered in AWS
		}
		reason := ""
		if notApplicable {
			if review.ValidReason(s.Reason) {
				reason = s.Reason
			} else if s.Reason != "" {
				warnings = append(warnings, fmt.Sprintf("%s: %s/%s: Reason %q is not one wafr knows (%s); imported as not applicable without a reason",
					s.reasonAt, pid, s.QuestionID, s.Reason, strings.Join(review.Reasons, ", ")))
			}
		}
		r.Update(pid, s.QuestionID, opts.By, opts.Now, func(a *review.Answer) {
			a.Selected = selected
			a.NotApplicable, a.Reason = notApplicable, reason
			if risk, ok := questions.ParseRisk(s.Risk); ok && risk != questions.Unanswered {
				a.Risk = risk
			}
		})
	}
	if known == 0 && len(imported) > 0 {
		return nil, nil, fmt.Errorf("%s: none of its %d questions is in the lens %s (%s): is it the lens these answers were given with? (its questions: %s)",
			listFile, len(imported), l.ID, l.Name, strings.Join(firstOf(l.QuestionRefs(), 5), ", "))
	}
	r.RecordRisks(l)
	return r, warnings, nil
}

// firstOf is the first n of ids, and "…" after them when there are more.
func firstOf(ids []string, n int) []string {
	if len(ids) > n {
		return append(ids[:n:n], "…")
	}
	return ids
}

// differences names what two answers to one question say differently:
// the choices (in any order, each once), whether it applies, the reason
// and the risk.
func differences(a, b *answerSummary) []string {
	var diff []string
	if !sameSet(a.SelectedChoices, b.SelectedChoices) {
		diff = append(diff, "SelectedChoices")
	}
	applies := func(s *answerSummary) bool { return s.IsApplicable == nil || *s.IsApplicable }
	if applies(a) != applies(b) {
		diff = append(diff, "IsApplicable")
	}
	if a.Reason != b.Reason {
		diff = append(diff, "Reason")
	}
	if a.Risk != b.Risk {
		diff = append(diff, "Risk")
	}
	return diff
}

func sameSet(a, b []string) bool {
	in := func(xs []string) map[string]bool {
		m := make(map[string]bool, len(xs))
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	if len(ma) != len(mb) {
		return false
	}
	for x := range ma {
		if !mb[x] {
			return false
		}
	}
	return true
}

// ErrUTF16 is an AWS output saved as UTF-16, as PowerShell 5's ">" does.
var ErrUTF16 = errors.New("the file is UTF-16 text (what PowerShell 5's > writes): save it as UTF-8, e.g. with '| Out-File -Encoding utf8'")

// utf8Text drops a UTF-8 byte order mark, which PowerShell 5 writes and
// encoding/json refuses, and refuses UTF-16 with a message that says so.
func utf8Text(data []byte) ([]byte, error) {
	if yamlnode.IsUTF16(data) {
		return nil, ErrUTF16
	}
	return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), nil
}

// locate finds a question by pillar and id, or by id alone when AWS left
// the pillar out.
func locate(l *questions.Lens, pillarID, questionID string) (*questions.Pillar, *questions.Question) {
	if p := l.Pillar(pillarID); p != nil {
		if q := p.Question(questionID); q != nil {
			return p, q
		}
	}
	if pillarID == "" {
		if p, q, err := l.Find(questionID); err == nil {
			return p, q
		}
	}
	return nil, nil
}
