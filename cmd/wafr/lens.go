package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/reports"
)

func newLensCmd(io *ioStreams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lens",
		Short: "List, show and check lenses (questionnaires)",
		Long: `Lenses are questionnaires. LENS is a path to a .yaml/.yml/.json file (an AWS
custom-lens JSON loads unchanged) or builtin:NAME for a lens built into wafr.
show, lint and export also read - (standard input) or a pipe, as in
'curl -s URL | wafr lens lint -'; a review's --lens must be a file, which
every later command reads again. See 'wafr help lens-format'.`,
	}
	cmd.AddCommand(newLensListCmd(io, nil), newLensShowCmd(io, nil), newLensLintCmd(io, nil), newLensExportCmd(io, nil))
	return cmd
}

// completeBuiltins offers builtin:NAME for LENS arguments; files complete as usual.
func completeBuiltins(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, n := range questions.Builtins() {
		if s := questions.BuiltinPrefix + n; strings.HasPrefix(s, toComplete) {
			out = append(out, s)
		}
	}
	return out, cobra.ShellCompDirectiveDefault
}

type lensListOptions struct{ io *ioStreams }

func newLensListCmd(io *ioStreams, runF func(*lensListOptions) error) *cobra.Command {
	opts := &lensListOptions{io: io}
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in lenses",
		Args:  positional(argSpec{min: 0, max: 0, what: "lens list takes no arguments", synopsis: "wafr lens list, or wafr lens show LENS for one lens"}),
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runLensList(opts)
		},
	}
}

func runLensList(opts *lensListOptions) error {
	t := &reports.Table{Header: []string{"LENS", "NAME", "VERSION", "LANGUAGE", "QUESTIONS"}, RightAlign: map[int]bool{4: true}}
	for _, name := range questions.Builtins() {
		l, err := questions.Load(questions.BuiltinPrefix + name)
		if err != nil {
			return err
		}
		t.Append(l.Source, textsafe.Clean(l.Name), l.Version, l.Language, strconv.Itoa(l.QuestionCount()))
	}
	return t.Write(opts.io.Out)
}

type lensShowOptions struct {
	io   *ioStreams
	lens string
}

func newLensShowCmd(io *ioStreams, runF func(*lensShowOptions) error) *cobra.Command {
	opts := &lensShowOptions{io: io}
	return &cobra.Command{
		Use:               "show LENS",
		Short:             "Print a lens outline: pillars, questions, choice ids and risk rules",
		Example:           "  wafr lens show builtin:ops\n  wafr lens show ./my-lens.json",
		Args:              positional(argSpec{min: 1, max: 1, what: "give one lens, a file or builtin:NAME", synopsis: "wafr lens show LENS (wafr lens list names the built-in ones)"}),
		ValidArgsFunction: completeBuiltins,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.lens = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runLensShow(opts)
		},
	}
}

func runLensShow(opts *lensShowOptions) error {
	l, err := questions.LoadWith(opts.lens, questions.Options{Lint: true, Streams: true, Stdin: opts.io.In}) // it counts the lint warnings
	if err != nil {
		return err
	}
	// Written whole, once, so that a write that fails (a full disk) is
	// the command's error.
	w := &strings.Builder{}
	c := func(s string) string { return strings.Join(strings.Fields(textsafe.Clean(s)), " ") }
	fmt.Fprintf(w, "%s\n", c(l.Name))
	fmt.Fprintf(w, "  id %s, version %s, language %s, %s, %s\n",
		orDash(c(l.ID)), orDash(c(l.Version)), orDash(c(l.Language)), plural(len(l.Pillars), "pillar"), plural(l.QuestionCount(), "question"))
	fmt.Fprintf(w, "  source %s\n  digest %s\n", c(l.Source), l.Digest)
	if n := len(l.Warnings); n > 0 {
		fmt.Fprintf(w, "  %d lint warnings (see 'wafr lens lint %s')\n", n, c(l.Source))
	}
	for _, p := range l.Pillars {
		fmt.Fprintf(w, "\n%s  %s\n", c(p.ID), c(p.Name))
		for _, q := range p.Questions {
			fmt.Fprintf(w, "  %s  %s\n", c(q.ID), c(q.Title))
			for _, ch := range q.Choices {
				fmt.Fprintf(w, "      %s  %s\n", c(ch.ID), c(ch.Title))
			}
			for _, r := range q.RiskRules {
				fmt.Fprintf(w, "      -> %-11s if %s\n", r.Risk.RuleName(), c(r.Condition))
			}
		}
	}
	_, err = io.WriteString(opts.io.Out, w.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

type lensLintOptions struct {
	io     *ioStreams
	lenses []string
	aws    bool
	strict bool
}

func newLensLintCmd(io *ioStreams, runF func(*lensLintOptions) error) *cobra.Command {
	opts := &lensLintOptions{io: io}
	cmd := &cobra.Command{
		Use:   "lint LENS...",
		Short: "Check lenses and print every error and warning",
		Long: `Check lenses and print every problem as FILE:LINE:COL: SEVERITY: WHERE: MESSAGE.

Exit status: 3 if a lens could not be read (a denied permission, say), 2 if
any lens has errors (it cannot be used), 1 with --strict if there are
warnings, else 0. --aws also checks the AWS Well-Architected Tool's
limits (10 pillars, 20 questions per pillar, 15 choices, 3 risk rules, ids of
3-128 letters, digits, '_' or '-', a question id in one pillar only, titles
of 128, descriptions of 2048, 500 KB, schemaVersion "2021-11-01") and
reports a breach as an error.`,
		Example:           "  wafr lens lint builtin:ops\n  wafr lens lint --aws --strict lenses/*.json\n  curl -s https://example.com/lens.json | wafr lens lint -",
		Args:              positional(argSpec{min: 1, max: -1, what: "give one lens or more, each a file or builtin:NAME", synopsis: "wafr lens lint LENS..."}),
		ValidArgsFunction: completeBuiltins,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.lenses = args
			if runF != nil {
				return runF(opts)
			}
			return runLensLint(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.aws, "aws", false, "treat the AWS Well-Architected Tool's limits as errors")
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "exit 1 when there are warnings")
	return cmd
}

func runLensLint(opts *lensLintOptions) error {
	stdin := 0
	for _, src := range opts.lenses {
		if src == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return flagErrorf("- (standard input) can be given once")
	}
	var errs, warns int
	unread := false // a lens the environment kept wafr from reading
	for _, src := range opts.lenses {
		_, problems := questions.Check(src, questions.Options{AWS: opts.aws, Lint: true, Streams: true, Stdin: opts.io.In})
		e, w := 0, 0
		for _, p := range problems {
			if err := printLine(opts.io.Out, p.String()); err != nil {
				return err
			}
			if p.Severity == questions.Error {
				e++
			} else {
				w++
			}
			if p.Err() != nil && exitCode(p.Err()) == exitEnvironment {
				unread = true
			}
		}
		if _, err := fmt.Fprintf(opts.io.Out, "%s: %s, %s\n", src, plural(e, "error"), plural(w, "warning")); err != nil {
			return err
		}
		errs += e
		warns += w
	}
	switch {
	case unread:
		return &silentError{code: exitEnvironment} // as lens show and every other command exit
	case errs > 0:
		return &silentError{code: exitBadInput}
	case warns > 0 && opts.strict:
		return errCheckFailed
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
