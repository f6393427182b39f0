package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/scoring"
	"github.com/wafr-dev/wafr/workspace"
)

type answerOptions struct {
	io            *ioStreams
	file          string
	question      string
	selectIDs     []string // as given: each a choice id, or ids with commas between
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
		Args: positional(argSpec{min: 2, max: 2, what: "give a review file and a question id", synopsis: "wafr answer FILE QUESTION --select IDS | --none | --not-applicable REASON | --clear",
			flags: []flagCheck{exclusive("give one of --select IDS, --none, --not-applicable REASON or --clear (--notes goes with any)", "select", "none", "not-applicable", "clear")}}),
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
	// Not a StringSlice: that reads its value as CSV, which refuses an id
	// with a quote in it ("bare \" in non-quoted-field").
	f.StringArrayVar(&opts.selectIDs, "select", nil, "tick exactly these choice ids (comma-separated, or the flag repeated)")
	f.BoolVar(&opts.none, "none", false, `tick the question's "None of these" choice`)
	f.StringVar(&opts.notApplicable, "not-applicable", "", "mark not applicable, with a reason: "+strings.Join(review.Reasons, ", "))
	f.BoolVar(&opts.clear, "clear", false, "remove the ticks and the not-applicable mark")
	f.StringVar(&opts.notes, "notes", "", "set the question's notes")
	f.StringVar(&opts.by, "by", "", "who answers (default: git config user.name, else $USER)")
	f.StringVar(&opts.lens, "lens", "", "lens for a new file (default builtin:ops), or to answer with another edition")
	f.StringVar(&opts.workload, "workload", "", "workload name for a new file")
	cmd.MarkFlagsMutuallyExclusive("select", "none", "not-applicable", "clear")
	cmd.ValidArgsFunction = completeQuestion(io, true)
	cmd.RegisterFlagCompletionFunc("select", completeSelect(io))
	cmd.RegisterFlagCompletionFunc("not-applicable", completeReason())
	cmd.RegisterFlagCompletionFunc("lens", completeBuiltins)
	return cmd
}

func runAnswer(opts *answerOptions) error {
	name := opts.workload
	if name == "" {
		name = workspace.DefaultWorkload(opts.file)
	}
	var before, after questions.Risk
	var where string
	_, err := opts.io.ws.Edit(opts.file, workspace.OpenOptions{Lens: opts.lens, Create: &review.Workload{Name: name, Environment: review.Production}},
		func(f *workspace.File) error {
			if f.Exists {
				noteLensChange(opts.io.ErrOut, opts.file, f.Review, f.Lens)
				noteWorkloadKept(opts.io.ErrOut, opts.file, f.Review, opts.workload, "")
			}
			p, q, err := findQuestion(f.Lens, opts.question)
			var fe *questions.FindError
			if err != nil && !f.Exists && opts.lens == "" && errors.As(err, &fe) && len(fe.Candidates) == 0 {
				// A new file without --lens: the question may well be
				// from the lens the user forgot to name.
				return fmt.Errorf("%s does not exist yet and --lens was not given, so it would be a new review of %s, the default lens: %w; to start it with the lens that has %s: %s",
					opts.file, workspace.DefaultLens, err, opts.question, opts.commandWithLens())
			}
			if err != nil {
				return err
			}
			change, err := opts.change(q)
			if err != nil {
				return err
			}
			before = f.Review.Answers.Get(p.ID, q.ID).RiskWith(q)
			f.Review.Update(p.ID, q.ID, opts.io.author(opts.by), opts.io.Now(), change)
			after = f.Review.Answers.Get(p.ID, q.ID).RiskWith(q)
			where = p.ID + "/" + q.ID
			return nil
		})
	if err != nil {
		return err
	}
	return printLine(opts.io.Out, fmt.Sprintf("%s: %s -> %s", where, before, after))
}

// choiceIDs are the ids --select gives: each value split at its commas,
// unless the value is itself one of the question's choice ids (an id with
// a comma in it).
func choiceIDs(q *questions.Question, values []string) []string {
	var ids []string
	for _, v := range values {
		if q.Choice(v) != nil {
			ids = append(ids, v)
			continue
		}
		ids = append(ids, strings.Split(v, ",")...) // scoring.Select trims them and drops empty ones
	}
	return ids
}

// commandWithLens is the command as given, with --lens LENS added, to be
// pasted with LENS filled in.
func (opts *answerOptions) commandWithLens() string {
	words := []string{"wafr", "answer", opts.file, opts.question}
	switch {
	case opts.selectSet:
		words = append(words, "--select", strings.Join(opts.selectIDs, ","))
	case opts.none:
		words = append(words, "--none")
	case opts.notApplicable != "":
		words = append(words, "--not-applicable", opts.notApplicable)
	case opts.clear:
		words = append(words, "--clear")
	}
	if opts.notesSet {
		words = append(words, "--notes", opts.notes)
	}
	if opts.workload != "" {
		words = append(words, "--workload", opts.workload)
	}
	if opts.by != "" {
		words = append(words, "--by", opts.by)
	}
	for i, w := range words {
		words[i] = textsafe.ShellQuote(w)
	}
	return strings.Join(words, " ") + " --lens LENS"
}

// noNoneChoice refuses --none on a question without a "None of these"
// choice, naming the choices that read as one (their ids do not end in
// _no, so ticking one does not clear the others): --select ticks them.
func noNoneChoice(q *questions.Question) error {
	var hints []string
	for _, c := range q.Choices {
		if c.ReadsAsNone() {
			hints = append(hints, fmt.Sprintf("%q reads as one: to tick it, --select %s", c.ID, textsafe.ShellQuote(c.ID)))
		}
	}
	msg := fmt.Sprintf("question %s has no \"None of these\" choice (an id ending in _no)", q.ID)
	if len(hints) > 0 {
		msg += "; its choice " + strings.Join(hints, "; its choice ")
	}
	return errors.New(msg)
}

// change validates the flags against the question and returns the edit.
func (opts *answerOptions) change(q *questions.Question) (func(*review.Answer), error) {
	var selected []string
	switch {
	case opts.none:
		c := scoring.NoneChoice(q)
		if c == nil {
			return nil, noNoneChoice(q)
		}
		selected = []string{c.ID}
	case opts.selectSet:
		var err error
		selected, err = scoring.Select(q, choiceIDs(q, opts.selectIDs))
		if errors.Is(err, scoring.ErrEmptySelect) {
			return nil, flagErrorf("--select needs choice ids, comma-separated (to remove ticks, use --clear)")
		}
		if err != nil {
			return nil, err
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
