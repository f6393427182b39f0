package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
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
				return positional(argSpec{min: 1, max: 1, what: "with --all-high, give only the review file", synopsis: "wafr action add --all-high FILE"})(cmd, args)
			}
			return positional(argSpec{min: 2, max: 2, what: "give a review file and a question id", synopsis: "wafr action add FILE QUESTION [--choice ID], or wafr action add --all-high FILE"})(cmd, args)
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
	cmd.ValidArgsFunction = completeQuestion(io, false)
	cmd.RegisterFlagCompletionFunc("choice", completeChoice(io))
	return cmd
}

func runActionAdd(opts *actionAddOptions) error {
	if _, err := review.ParseDue(opts.due); err != nil {
		return flagErrorf("--due: %v", err)
	}
	by, now := opts.io.author(opts.by), opts.io.Now()
	var lines []string
	_, err := opts.io.ws.Edit(opts.file, workspace.OpenOptions{}, func(f *workspace.File) error {
		r, l := f.Review, f.Lens
		template := review.Action{Owner: opts.owner, Due: opts.due, Link: opts.link}
		if opts.allHigh {
			added, err := r.AddActionsForHigh(l, template, by, now)
			for _, a := range added {
				lines = append(lines, fmt.Sprintf("%s added for %s: %s", a.ID, a.QuestionID, a.Title))
			}
			lines = append(lines, plural(len(added), "action")+" added")
			return err
		}
		p, q, err := findQuestion(l, opts.question)
		if err != nil {
			return err
		}
		a := template
		a.PillarID, a.QuestionID, a.ChoiceID, a.Title = p.ID, q.ID, opts.choice, opts.title
		if opts.choice != "" {
			c, err := r.CheckAdopt(p, q, opts.choice)
			if err != nil {
				return err
			}
			if a.Title == "" {
				a.Title = c.Title
			}
		}
		if a.Title == "" {
			a.Title = fmt.Sprintf(i18n.For(l.Language).Plan.ReduceRisk, q.ID, q.Title) // in the lens's language, as the rest of the file
		}
		if open := r.OpenActionTitled(p.ID, q.ID, a.Title); opts.choice == "" && opts.title == "" && open != nil {
			return fmt.Errorf("%s: %s is open already, with that title (change it with wafr action set, or give another --title)", q.ID, open.ID)
		}
		added, err := r.AddAction(a, by, now)
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s added: %s", added.ID, added.Title))
		return nil
	})
	if err != nil {
		return err
	}
	for _, line := range lines {
		if err := printLine(opts.io.Out, line); err != nil {
			return err
		}
	}
	return nil
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
		Args: positional(argSpec{min: 2, max: 2, what: "give a review file and an action id", synopsis: "wafr action set FILE ACTION_ID --status STATUS (wafr action list FILE shows the ids)"}),
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
	cmd.ValidArgsFunction = completeActionID(io)
	cmd.RegisterFlagCompletionFunc("status", completeValues(review.Statuses...))
	return cmd
}

func runActionSet(opts *actionSetOptions) error {
	var line string
	_, err := opts.io.ws.Edit(opts.file, workspace.OpenOptions{}, func(f *workspace.File) error {
		var before review.Action
		if a := f.Review.Action(opts.id); a != nil {
			before = *a
		}
		a, err := f.Review.UpdateAction(opts.id, opts.change, opts.io.author(opts.by), opts.io.Now())
		if err != nil {
			return err
		}
		line = a.ID + ": " + actionChanges(before, *a)
		return nil
	})
	if err != nil {
		return err
	}
	return printLine(opts.io.Out, line)
}

// actionChanges says what an edit changed, field by field ("status open
// -> done; due (none) -> 2026-12-31"), or that it changed nothing.
func actionChanges(before, after review.Action) string {
	var parts []string
	field := func(name, old, new string, quote bool) {
		if old == new {
			return
		}
		show := func(s string) string {
			switch {
			case s == "":
				return "(none)"
			case quote:
				return strconv.Quote(s)
			}
			return s
		}
		parts = append(parts, fmt.Sprintf("%s %s -> %s", name, show(old), show(new)))
	}
	field("status", before.Status, after.Status, false)
	field("owner", before.Owner, after.Owner, false)
	field("due", before.Due, after.Due, false)
	field("reason", before.Reason, after.Reason, true)
	field("link", before.Link, after.Link, false)
	field("title", before.Title, after.Title, true)
	field("notes", before.Notes, after.Notes, true)
	if len(parts) == 0 {
		return "nothing changed (status " + after.Status + ")"
	}
	return strings.Join(parts, "; ")
}

// --- action list ---

// actionRows are the actions of one review file that the filters keep,
// holding copies of the file's text rather than the text itself, so that
// listing a thousand files keeps only what is listed.
func actionRows(r *review.Review, l *questions.Lens, file string, opts *actionListOptions, today time.Time) []reports.ActionRow {
	var rows []reports.ActionRow
	workload := ""
	for _, a := range r.Actions {
		row := reports.ActionRow{File: file, Question: a.PillarID + "/" + a.QuestionID,
			Action: a, Overdue: a.Overdue(today), Stale: r.Staleness(l, &a)}
		switch {
		case opts.owner != "" && !strings.EqualFold(a.Owner, opts.owner),
			len(opts.status) > 0 && !slices.Contains(opts.status, a.Status),
			opts.overdue && !row.Overdue,
			opts.stale && row.Stale == "":
			continue
		}
		if workload == "" {
			workload = strings.Clone(r.Workload.Name)
		}
		row.Workload = workload
		row.Action = cloneAction(row.Action)
		rows = append(rows, row)
	}
	return rows
}

// cloneAction copies an action's text out of the file it was read from,
// into one new string.
func cloneAction(a review.Action) review.Action {
	fields := [...]*string{&a.ID, &a.PillarID, &a.QuestionID, &a.ChoiceID, &a.Title, &a.Owner, &a.Due, &a.Status,
		&a.Reason, &a.Link, &a.Notes, &a.CreatedBy, &a.UpdatedBy}
	n := 0
	for _, f := range fields {
		n += len(*f)
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		b.WriteString(*f)
	}
	all := b.String()
	for _, f := range fields {
		*f, all = all[:len(*f)], all[len(*f):]
	}
	return a
}

type actionListOptions struct {
	io      *ioStreams
	files   []string
	owner   string
	status  []string // any of these
	overdue bool
	stale   bool
	format  string
	lang    string
}

func newActionListCmd(io *ioStreams, runF func(*actionListOptions) error) *cobra.Command {
	opts := &actionListOptions{io: io}
	formats := []string{"text", "md", "json", "csv"}
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
		Args: positional(argSpec{min: 1, max: -1, what: "give one review file or more", synopsis: "wafr action list FILE..."}),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = distinctFiles(io, args)
			if err := oneOf("--format", opts.format, formats...); err != nil {
				return err
			}
			if err := listFlag(cmd, "status", opts.status, review.Statuses, "open,in-progress"); err != nil {
				return err
			}
			if err := langFlag(opts.lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runActionList(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.owner, "owner", "", "only this owner's actions")
	f.StringSliceVar(&opts.status, "status", nil, "only actions with this status; several, comma-separated or repeated, list actions with any of them")
	f.BoolVar(&opts.overdue, "overdue", false, "only actions past their due date and not done")
	f.BoolVar(&opts.stale, "stale", false, "only open actions whose practice is ticked or whose question is gone")
	f.StringVar(&opts.format, "format", formats[0], orList(formats))
	addLangFlag(cmd, &opts.lang, langUsage)
	cmd.ValidArgsFunction = completeFiles(-1)
	cmd.RegisterFlagCompletionFunc("status", completeValues(review.Statuses...))
	cmd.RegisterFlagCompletionFunc("format", completeValues(formats...))
	return cmd
}

func runActionList(opts *actionListOptions) error {
	today := opts.io.Now()
	type listed struct {
		rows []reports.ActionRow
		lang string // the lens's language
	}
	var rows []reports.ActionRow
	var lang sharedLanguage
	err := loadEach(opts.io, opts.files, func(io *ioStreams, file string) (listed, error) {
		r, err := readReview(io, file)
		if err != nil {
			return listed{}, err
		}
		l, err := io.ws.LensFor(r, file, "")
		if err != nil {
			return listed{}, err
		}
		return listed{actionRows(r, l, file, opts, today), l.Language}, nil
	}, func(x listed) {
		rows = append(rows, x.rows...)
		lang.add(x.lang)
	})
	if err != nil {
		return err
	}
	w, language := opts.io.Out, i18n.Choose(opts.lang, lang.lang, opts.io.Getenv)
	switch opts.format {
	case "md":
		return reports.WriteActionsMarkdown(w, rows, language)
	case "json":
		return reports.WriteActionsJSON(w, rows)
	case "csv":
		return reports.WriteActionsCSV(w, rows)
	}
	return reports.WriteActionsText(w, rows, reports.ActionsTextOptions{TextOptions: reports.TextOptions{Color: opts.io.Color, Width: opts.io.Width,
		Language: language}, Workloads: len(opts.files) > 1})
}
