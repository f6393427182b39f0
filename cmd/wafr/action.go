package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
)

func newActionCmd(io *ioStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "action",
		Short: "Track improvements as owned actions until done or accepted as risk",
		Long: `Turn the improvement plan into owned work. An action belongs to a question
and usually to one best practice not yet ticked (--choice); it has an owner,
a due date, a ticket link and a status: open, in-progress, done, or
accepted-risk (which needs a reason). Actions live in the review file, are
part of milestones, and show in the plan, the summary, history and diff.`,
	}
	cmd.AddCommand(newActionAddCmd(io, nil), newActionSetCmd(io, nil), newActionListCmd(io, nil))
	return cmd
}

// --- action add ---

type actionAddOptions struct {
	io       *ioStreams
	file     string
	question string
	choice   string
	owner    string
	due      string
	link     string
	title    string
	by       string
	allHigh  bool
}

func newActionAddCmd(io *ioStreams, runF func(*actionAddOptions) error) *cobra.Command {
	opts := &actionAddOptions{io: io}
	cmd := &cobra.Command{
		Use:   "add FILE QUESTION [--choice ID] | add --all-high FILE",
		Short: "Add an action for a question, or one per missing practice of every HIGH question",
		Long: `Add an open action. QUESTION is an id, or PILLAR/QUESTION. --choice names
the best practice to adopt (a choice not yet ticked); the title defaults to
that practice. --all-high adds one action per missing best practice of every
HIGH question at once, skipping practices that already have an open action.`,
		Example: `  wafr action add review.yaml OPS1 --choice OPS1_budget --owner alice --due 2026-12-31 --link https://jira/OPS-12
  wafr action add --all-high review.yaml --owner platform-team --due 2027-03-31`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.allHigh {
				return cobra.ExactArgs(1)(cmd, args)
			}
			return cobra.ExactArgs(2)(cmd, args)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = args[0]
			if len(args) > 1 {
				opts.question = args[1]
			}
			if opts.allHigh && (opts.choice != "" || opts.title != "") {
				return flagErrorf("--all-high makes one action per missing practice: --choice and --title do not apply")
			}
			if runF != nil {
				return runF(opts)
			}
			return runActionAdd(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.choice, "choice", "", "the best practice to adopt (a choice id not yet ticked)")
	f.StringVar(&opts.owner, "owner", "", "who owns the action")
	f.StringVar(&opts.due, "due", "", "due date, YYYY-MM-DD")
	f.StringVar(&opts.link, "link", "", "ticket URL")
	f.StringVar(&opts.title, "title", "", "title (default: the practice's title)")
	f.StringVar(&opts.by, "by", "", "who records it (default: git config user.name, else $USER)")
	f.BoolVar(&opts.allHigh, "all-high", false, "one action per missing best practice of every HIGH question")
	return cmd
}

func runActionAdd(opts *actionAddOptions) error {
	if _, err := review.ParseDue(opts.due); err != nil {
		return flagErrorf("--due: %v", err)
	}
	return editReview(opts.io, opts.file, func(r *review.Review, l *questions.Lens) error {
		by, now := opts.io.author(opts.by), opts.io.Now()
		if opts.allHigh {
			return addAllHigh(opts, r, l, by)
		}
		p, q, err := l.Find(opts.question)
		if err != nil {
			return err
		}
		title := opts.title
		if opts.choice != "" {
			c := q.Choice(opts.choice)
			switch {
			case c == nil:
				return fmt.Errorf("question %s has no choice %q; its choices: %s", q.ID, opts.choice, strings.Join(choiceIDs(q), ", "))
			case c.IsNone():
				return fmt.Errorf("%s is \"None of these\", not a practice to adopt", c.ID)
			case ticked(r, p.ID, q.ID, c.ID):
				return fmt.Errorf("%s is already ticked for %s: the practice is in place", c.ID, q.ID)
			}
			if title == "" {
				title = c.Title
			}
		}
		if title == "" {
			title = "Reduce the risk of " + q.ID + ": " + q.Title
		}
		a, err := r.AddAction(review.Action{PillarID: p.ID, QuestionID: q.ID, ChoiceID: opts.choice, Title: title,
			Owner: opts.owner, Due: opts.due, Link: opts.link}, by, now)
		if err != nil {
			return err
		}
		fmt.Fprintf(opts.io.Out, "%s added: %s\n", a.ID, textsafe.Clean(a.Title))
		return nil
	})
}

func ticked(r *review.Review, pid, qid, choice string) bool {
	a := r.Answers.Get(pid, qid)
	return a != nil && slices.Contains(a.Selected, choice)
}

func addAllHigh(opts *actionAddOptions, r *review.Review, l *questions.Lens, by string) error {
	added := 0
	for _, p := range l.Pillars {
		for _, q := range p.Questions {
			a := r.Answers.Get(p.ID, q.ID)
			if a.RiskWith(q) != questions.HighRisk {
				continue
			}
			for _, c := range q.Choices {
				if c.IsNone() || slices.Contains(a.Selected, c.ID) || hasOpenAction(r, p.ID, q.ID, c.ID) {
					continue
				}
				na, err := r.AddAction(review.Action{PillarID: p.ID, QuestionID: q.ID, ChoiceID: c.ID, Title: c.Title,
					Owner: opts.owner, Due: opts.due, Link: opts.link}, by, opts.io.Now())
				if err != nil {
					return err
				}
				fmt.Fprintf(opts.io.Out, "%s added for %s: %s\n", na.ID, textsafe.Clean(q.ID), textsafe.Clean(na.Title))
				added++
			}
		}
	}
	fmt.Fprintf(opts.io.Out, "%s added\n", plural(added, "action"))
	return nil
}

func hasOpenAction(r *review.Review, pid, qid, choice string) bool {
	for _, a := range r.ActionsOf(pid, qid) {
		if a.ChoiceID == choice && !a.Closed() {
			return true
		}
	}
	return false
}

// editReview is a locked read-modify-write of an existing review file.
func editReview(io *ioStreams, file string, fn func(*review.Review, *questions.Lens) error) error {
	unlock, err := review.Lock(file)
	if err != nil {
		return err
	}
	defer unlock()
	r, err := readReview(io, file)
	if err != nil {
		return err
	}
	l, err := lensFor(r, file, "")
	if err != nil {
		return err
	}
	if err := fn(r, l); err != nil {
		return err
	}
	recordLens(r, l, file)
	return r.Save(file)
}

// --- action set ---

type actionSetOptions struct {
	io      *ioStreams
	file    string
	id      string
	change  review.ActionChange
	by      string
	changed bool
}

func newActionSetCmd(io *ioStreams, runF func(*actionSetOptions) error) *cobra.Command {
	opts := &actionSetOptions{io: io}
	var status, owner, due, reason, link, notes, title string
	cmd := &cobra.Command{
		Use:   "set FILE ACTION_ID [--status S] [--owner O] [--due D] [--reason R] [--link L] [--notes N] [--title T]",
		Short: "Change an action: its status, owner, due date...",
		Long: `Change an action. Statuses: open, in-progress, done, accepted-risk; accepting
a risk needs --reason (why the team accepts it). Only the flags given change.`,
		Example: `  wafr action set review.yaml A3 --status in-progress
  wafr action set review.yaml A3 --status done
  wafr action set review.yaml A4 --status accepted-risk --reason "Single region is enough until 2027"`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file, opts.id = args[0], args[1]
			f := cmd.Flags()
			for name, p := range map[string]**string{"status": &opts.change.Status, "owner": &opts.change.Owner, "due": &opts.change.Due,
				"reason": &opts.change.Reason, "link": &opts.change.Link, "notes": &opts.change.Notes, "title": &opts.change.Title} {
				if f.Changed(name) {
					v, _ := f.GetString(name)
					*p = &v
					opts.changed = true
				}
			}
			if !opts.changed {
				return flagErrorf("nothing to change: give --status, --owner, --due, --reason, --link, --notes or --title")
			}
			if s := opts.change.Status; s != nil && !review.ValidStatus(*s) {
				return flagErrorf("--status %q: use %s", *s, strings.Join(review.Statuses, ", "))
			}
			if d := opts.change.Due; d != nil {
				if _, err := review.ParseDue(*d); err != nil {
					return flagErrorf("--due: %v", err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runActionSet(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&status, "status", "", "open, in-progress, done or accepted-risk")
	f.StringVar(&owner, "owner", "", "who owns it")
	f.StringVar(&due, "due", "", "due date, YYYY-MM-DD (empty clears it)")
	f.StringVar(&reason, "reason", "", "why the risk is accepted")
	f.StringVar(&link, "link", "", "ticket URL")
	f.StringVar(&notes, "notes", "", "notes")
	f.StringVar(&title, "title", "", "title")
	f.StringVar(&opts.by, "by", "", "who changes it (default: git config user.name, else $USER)")
	return cmd
}

func runActionSet(opts *actionSetOptions) error {
	return editReview(opts.io, opts.file, func(r *review.Review, _ *questions.Lens) error {
		a, err := r.UpdateAction(opts.id, opts.change, opts.io.author(opts.by), opts.io.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(opts.io.Out, "%s: %s\n", a.ID, a.Status)
		return nil
	})
}

// --- action list ---

type actionListOptions struct {
	io      *ioStreams
	files   []string
	owner   string
	status  string
	overdue bool
	stale   bool
	format  string
}

func newActionListCmd(io *ioStreams, runF func(*actionListOptions) error) *cobra.Command {
	opts := &actionListOptions{io: io}
	cmd := &cobra.Command{
		Use:   "list FILE...",
		Short: "List the actions of one or more reviews",
		Long: `List actions across review files, so a platform team sees every open action
of every service. --overdue lists actions past their due date and not done;
--stale lists open actions whose practice is already ticked (they can be
closed) or whose question left the lens.`,
		Example: `  wafr action list review.yaml
  wafr action list services/*/review.yaml --owner alice --status open
  wafr action list services/*/review.yaml --overdue --format md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.files = args
			if err := oneOf("--format", opts.format, "text", "md", "json", "csv"); err != nil {
				return err
			}
			if opts.status != "" && !review.ValidStatus(opts.status) {
				return flagErrorf("--status %q: use %s", opts.status, strings.Join(review.Statuses, ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return runActionList(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.owner, "owner", "", "only this owner's actions")
	f.StringVar(&opts.status, "status", "", "only actions with this status")
	f.BoolVar(&opts.overdue, "overdue", false, "only actions past their due date and not done")
	f.BoolVar(&opts.stale, "stale", false, "only open actions whose practice is ticked or whose question is gone")
	f.StringVar(&opts.format, "format", "text", "text, md, json or csv")
	return cmd
}

func runActionList(opts *actionListOptions) error {
	today := opts.io.Now()
	var rows []reports.ActionRow
	for _, file := range opts.files {
		r, err := readReview(opts.io, file)
		if err != nil {
			return err
		}
		l, err := lensFor(r, file, "")
		if err != nil {
			return err
		}
		for _, a := range r.Actions {
			row := reports.ActionRow{File: file, Workload: r.Workload.Name, Question: a.PillarID + "/" + a.QuestionID,
				Action: a, Overdue: a.Overdue(today), Stale: staleness(r, l, a)}
			switch {
			case opts.owner != "" && !strings.EqualFold(a.Owner, opts.owner),
				opts.status != "" && a.Status != opts.status,
				opts.overdue && !row.Overdue,
				opts.stale && row.Stale == "":
				continue
			}
			rows = append(rows, row)
		}
	}
	w := opts.io.Out
	switch opts.format {
	case "md":
		return reports.WriteActionsMarkdown(w, rows)
	case "json":
		return reports.WriteActionsJSON(w, rows)
	case "csv":
		return reports.WriteActionsCSV(w, rows)
	}
	return reports.WriteActionsText(w, rows, reports.TextOptions{Color: opts.io.Color, Width: opts.io.Width})
}

// staleness says why an open action may no longer be needed.
func staleness(r *review.Review, l *questions.Lens, a review.Action) string {
	if a.Closed() {
		return ""
	}
	p := l.Pillar(a.PillarID)
	if p == nil || p.Question(a.QuestionID) == nil {
		return "question no longer in the lens"
	}
	if a.ChoiceID != "" && ticked(r, a.PillarID, a.QuestionID, a.ChoiceID) {
		return "practice ticked: can be closed"
	}
	return ""
}
