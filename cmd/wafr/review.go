package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/tui"
	"github.com/wafr-dev/wafr/workspace"
)

type reviewOptions struct {
	io          *ioStreams
	file        string
	lens        string
	by          string
	workload    string
	owner       string
	environment string
	lang        string
}

func newReviewCmd(io *ioStreams, runF func(*reviewOptions) error) *cobra.Command {
	opts := &reviewOptions{io: io}
	cmd := &cobra.Command{
		Annotations: map[string]string{annotationInteractive: "true"},
		Use:         "review [FILE]",
		Short:       "Walk through a lens in the terminal and answer it (the TUI)",
		Long: `Open the review TUI on FILE (default review.yaml).

A new file asks for the workload's name, environment and owner first (give
--workload to skip that); an existing file resumes at its first unanswered
question. The lens is --lens, else the one the file records, else builtin:ops.

Every change is saved to FILE within half a second and on quit; if FILE is
changed by someone else meanwhile, wafr asks before overwriting it. Press ?
in the TUI for the keys.`,
		Example: `  wafr review
  wafr review payments.yaml --lens builtin:ops --workload "Payments API" --owner payments-team
  wafr review ecs.yaml --lens ./Amazon_ECS_Lens.json`,
		Args: positional(argSpec{min: 0, max: 1, what: "give one review file at most", synopsis: "wafr review [FILE] [--lens LENS]"}),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.file = "review.yaml"
			if len(args) == 1 {
				opts.file = args[0]
			}
			if err := langFlag(opts.lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runReview(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.lens, "lens", "", "lens for a new file, or to review with another edition (path or builtin:NAME)")
	f.StringVar(&opts.by, "by", "", "who answers (default: git config user.name, else $USER)")
	f.StringVar(&opts.workload, "workload", "", "workload name for a new file (skips the questions about it)")
	f.StringVar(&opts.owner, "owner", "", "workload owner for a new file")
	f.StringVar(&opts.environment, "environment", review.EnvironmentLabel(review.Production), "environment for a new file: "+orList(review.EnvironmentLabels()))
	addLangFlag(cmd, &opts.lang, langUsage)
	cmd.RegisterFlagCompletionFunc("lens", completeBuiltins)
	cmd.RegisterFlagCompletionFunc("environment", completeValues(review.EnvironmentLabels()...))
	cmd.ValidArgsFunction = completeFiles(1)
	return cmd
}

func runReview(opts *reviewOptions) error {
	env, err := parseEnvironment(opts.environment)
	if err != nil {
		return err
	}
	name := opts.workload
	if name == "" {
		name = workspace.DefaultWorkload(opts.file)
	}
	f, err := opts.io.ws.Open(opts.file, nil, workspace.OpenOptions{Lens: opts.lens, Write: true,
		Create: &review.Workload{Name: name, Environment: env, Owner: opts.owner}})
	if err != nil {
		return err // a lens or a broken file is reported with or without a terminal
	}
	if !opts.io.InTTY || !opts.io.OutTTY {
		return errors.New("wafr review needs a terminal; in scripts use 'wafr answer' and 'wafr summary'")
	}
	if opts.io.Getenv("TERM") == "dumb" {
		// An editor's shell buffer, say: the screen would be escape codes.
		return errors.New("wafr review needs a terminal that can move its cursor, and TERM is dumb: run it in a terminal (or set TERM to your terminal's type), or use 'wafr answer' and 'wafr summary'")
	}
	r, l, exists := f.Review, f.Lens, f.Exists
	if exists {
		noteWorkloadKept(opts.io.ErrOut, opts.file, r, opts.workload, opts.owner)
	}
	drift, lint := workspace.DiffLens(r, l), len(l.LintWarnings()) // the TUI words both itself
	if drift.Kind != workspace.LensSame {
		lint = 0
	}
	workspace.RecordLens(r, l, opts.file)

	final, err := tui.Run(tui.Options{
		Workspace: opts.io.ws,
		Review:    r, Lens: l, Path: opts.file, Hash: f.Hash,
		Author:       func() string { return opts.io.author(opts.by) },
		Setup:        !exists && opts.workload == "",
		LensChange:   &drift,
		LintWarnings: lint,
		Language:     i18n.Choose(opts.lang, l.Language, opts.io.Getenv),
		Hyperlinks:   hyperlinks(opts.io),
		Unconfirmed: func(lines []string) {
			for _, l := range lines {
				fmt.Fprintln(opts.io.ErrOut, l)
			}
		},
		Renderer: opts.io.terminalRenderer(),
		Now:      opts.io.Now,
	})
	if err != nil {
		return err
	}
	if _, statErr := os.Stat(opts.file); statErr != nil {
		// Quit from the new review's form: nothing was written, and a
		// silent exit would leave one wondering.
		t := &i18n.For(i18n.Choose(opts.lang, l.Language, opts.io.Getenv)).Summary
		fmt.Fprintf(opts.io.ErrOut, t.NotCreated+"\n", textsafe.Clean(opts.file))
		return nil
	}
	return printOutcome(opts.io, opts.file, final, l, opts.lang)
}

// printOutcome ends a review in the terminal (wafr review, and the host of
// wafr serve): the file saved, then its risk summary.
func printOutcome(io *ioStreams, file string, final *review.Review, l *questions.Lens, lang string) error {
	sc := reports.Score(reports.Input{File: file, Review: final, Lens: l, Today: io.Now()})
	sc.Language = i18n.Choose(lang, sc.Language, io.Getenv)
	t := &i18n.For(sc.Language).Summary
	if _, err := fmt.Fprintf(io.Out, t.Saved+"\n\n", file); err != nil {
		return err
	}
	if err := reports.WriteSummaryText(io.Out, sc, reports.TextOptions{Color: io.Color, Width: io.Width}); err != nil {
		return err
	}
	// Answers set aside by this session or an earlier one are easily
	// forgotten: every session that ends says they are there.
	for _, aside := range workspace.AsideFiles(file) {
		fmt.Fprintf(textsafeWriter{io.ErrOut}, t.AsideLeft+"\n", textsafe.ShellQuote(aside), textsafe.ShellQuote(file))
	}
	return nil
}

func parseEnvironment(s string) (string, error) {
	env, err := review.ParseEnvironment(s)
	if err != nil {
		return "", flagErrorf("--environment %v", err)
	}
	return env, nil
}
