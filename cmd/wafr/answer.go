package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

type answerOptions struct {
	io            *ioStreams
	file          string
	question      string
	selectIDs     []string
	selectSet     bool
	none          bool
	notApplicable string
	clear         bool
	notes         string
	notesSet      bool
	by            string
	lens          string
	workload      string
}

func newAnswerCmd(io *ioStreams, runF func(*answerOptions) error) *cobra.Command {
	opts := &answerOptions{io: io}
	cmd := &cobra.Command{
		Use:   "answer FILE QUESTION",
		Short: "Answer one question from a script",
		Long: `Answer one question of a review file without the TUI.

QUESTION is a question id, or PILLAR/QUESTION when the id is in several
pillars. Give one of --select, --none, --not-applicable or --clear, and/or
--notes. --notes alone changes only the notes; --clear removes the ticks and
the not-applicable mark but keeps the notes.

When FILE does not exist it is created, with --lens (default builtin:ops) and
--workload (default: the name of the folder FILE is in).`,
		Example: `  wafr answer review.yaml OPS1 --select OPS1_slo,OPS1_budget
  wafr answer review.yaml OPS2 --none --notes "No runbooks yet."
  wafr answer review.yaml OPS3 --not-applicable OUT_OF_SCOPE
  wafr answer review.yaml finops/finops_co_q4 --clear`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file, opts.question = args[0], args[1]
			opts.notesSet = cmd.Flags().Changed("notes")
			opts.selectSet = cmd.Flags().Changed("select")
			if !opts.selectSet && !opts.none && opts.notApplicable == "" && !opts.clear && !opts.notesSet {
				return flagErrorf("nothing to do: give --select, --none, --not-applicable, --clear or --notes")
			}
			if runF != nil {
				return runF(opts)
			}
			return runAnswer(opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.selectIDs, "select", nil, "tick exactly these choice ids (comma-separated)")
	f.BoolVar(&opts.none, "none", false, `tick the question's "None of these" choice`)
	f.StringVar(&opts.notApplicable, "not-applicable", "", "mark not applicable, with a reason: "+strings.Join(review.Reasons, ", "))
	f.BoolVar(&opts.clear, "clear", false, "remove the ticks and the not-applicable mark")
	f.StringVar(&opts.notes, "notes", "", "set the question's notes")
	f.StringVar(&opts.by, "by", "", "who answers (default: git config user.name, else $USER)")
	f.StringVar(&opts.lens, "lens", "", "lens for a new file (default builtin:ops), or to answer with another edition")
	f.StringVar(&opts.workload, "workload", "", "workload name for a new file")
	cmd.MarkFlagsMutuallyExclusive("select", "none", "not-applicable", "clear")
	return cmd
}

func runAnswer(opts *answerOptions) error {
	unlock, err := review.Lock(opts.file)
	if err != nil {
		return err
	}
	defer unlock()
	r, exists, err := openReview(opts.file)
	if err != nil {
		return err
	}
	l, err := lensFor(r, opts.file, opts.lens)
	if err != nil {
		return err
	}
	if !exists {
		name := opts.workload
		if name == "" {
			name = defaultWorkload(opts.file)
		}
		r = review.New(l, review.Workload{Name: name, Environment: review.Production})
	} else {
		noteLensChange(opts.io.ErrOut, opts.file, r, l)
	}
	p, q, err := l.Find(opts.question)
	if err != nil {
		return err
	}
	change, err := opts.change(q)
	if err != nil {
		return err
	}
	before := r.Answers.Get(p.ID, q.ID).RiskWith(q)
	r.Update(p.ID, q.ID, opts.io.author(opts.by), opts.io.Now(), change)
	recordLens(r, l, opts.file)
	if err := r.Save(opts.file); err != nil {
		return err
	}
	after := r.Answers.Get(p.ID, q.ID).RiskWith(q)
	fmt.Fprintf(opts.io.Out, "%s/%s: %s -> %s\n", textsafe.Clean(p.ID), textsafe.Clean(q.ID), before, after)
	return nil
}

// change validates the flags against the question and returns the edit.
func (opts *answerOptions) change(q *questions.Question) (func(*review.Answer), error) {
	var selected []string
	switch {
	case opts.none:
		for _, c := range q.Choices {
			if c.IsNone() {
				selected = []string{c.ID}
				break
			}
		}
		if selected == nil {
			return nil, fmt.Errorf("question %s has no \"None of these\" choice (an id ending in _no)", q.ID)
		}
	case opts.selectSet:
		ids := dedupe(opts.selectIDs)
		if len(ids) == 0 {
			return nil, flagErrorf("--select needs choice ids, comma-separated (to remove ticks, use --clear)")
		}
		none, practices := 0, 0
		for _, id := range ids {
			c := q.Choice(id)
			if c == nil {
				return nil, fmt.Errorf("question %s has no choice %q; its choices: %s", q.ID, id, strings.Join(choiceIDs(q), ", "))
			}
			if c.IsNone() {
				none++
			} else {
				practices++
			}
		}
		if none > 0 && practices > 0 || none > 1 {
			return nil, fmt.Errorf("\"None of these\" cannot be ticked together with other choices")
		}
		for _, c := range q.Choices { // lens order
			if slices.Contains(ids, c.ID) {
				selected = append(selected, c.ID)
			}
		}
	}
	reason := ""
	if opts.notApplicable != "" {
		reason = strings.ToUpper(strings.ReplaceAll(opts.notApplicable, "-", "_"))
		if !review.ValidReason(reason) {
			return nil, flagErrorf("--not-applicable %q: the reason is one of %s", opts.notApplicable, strings.Join(review.Reasons, ", "))
		}
	}
	return func(a *review.Answer) {
		switch {
		case selected != nil:
			a.Selected, a.NotApplicable, a.Reason = selected, false, ""
		case reason != "":
			a.NotApplicable, a.Reason = true, reason
		case opts.clear:
			a.Selected, a.NotApplicable, a.Reason = nil, false, ""
		}
		if opts.notesSet {
			a.Notes = opts.notes
		}
	}, nil
}

func choiceIDs(q *questions.Question) []string {
	ids := make([]string, len(q.Choices))
	for i, c := range q.Choices {
		ids[i] = c.ID
	}
	return ids
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
