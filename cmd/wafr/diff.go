package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/i18n"
	"github.com/wafr-dev/wafr/reports"
	"github.com/wafr-dev/wafr/review"
)

type diffOptions struct {
	io               *ioStreams
	old, new         string
	format           string
	all              bool
	failOnRegression bool
	lang             string
}

func newDiffCmd(io *ioStreams, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{io: io}
	formats := []string{"text", "md", "json"}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what improved and what regressed between two reviews or milestones",
		Long: `Compare two reviews question by question: the change in risk counts, then
the questions that regressed (risk went up, or came back from not applicable
at MEDIUM or HIGH: what --fail-on-regression counts), improved, were newly answered or
are no longer answered, became not applicable or applicable again, changed
choices at the same risk, or changed notes, each with the choices ticked (+)
and unticked (-). Unchanged questions are left out unless --all.

OLD and NEW are each a review file, FILE@MILESTONE (a milestone's name or
number), or - for standard input:

  git show HEAD~3:review.yaml | wafr diff - review.yaml

Each side is scored as history scores it: a file's current answers with the
lens that loads now (built-in or the recorded path), as summary scores them;
a milestone with the lens it was answered with while that loads with the
recorded content. Otherwise the risks recorded in the file are used. Two
different workloads on the same lens can be compared too.
--fail-on-regression exits 1 if any question's risk went up: to a worse
level, or from not applicable back to MEDIUM or HIGH.

The text and Markdown are in the language of the new side's lens (Japanese
for builtin:ops-ja), else of LC_ALL, LC_MESSAGES or LANG; --lang en or ja
chooses. Lens text, ids and the JSON are the same in every language.`,
		Example: `  wafr diff review.yaml@"2026 Q3" review.yaml
  wafr diff review.yaml@1 review.yaml@2 --format md
  wafr diff payments.yaml search.yaml --all`,
		Args: positional(argSpec{min: 2, max: 2, what: "give the old and the new review, each a file, FILE@MILESTONE or -", synopsis: "wafr diff OLD NEW, for example wafr diff review.yaml@1 review.yaml"}),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.old, opts.new = args[0], args[1]
			if err := oneOf("--format", opts.format, formats...); err != nil {
				return err
			}
			if err := langFlag(opts.lang); err != nil {
				return err
			}
			if opts.old == "-" && opts.new == "-" {
				return flagErrorf("only one side can be standard input: git show HEAD~1:review.yaml | wafr diff - review.yaml")
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "text, md or json")
	f.BoolVar(&opts.all, "all", false, "also list unchanged questions")
	f.BoolVar(&opts.failOnRegression, "fail-on-regression", false, "exit 1 if any question's risk went up")
	cmd.ValidArgsFunction = completeSide(io)
	cmd.RegisterFlagCompletionFunc("format", completeValues(formats...))
	addLangFlag(cmd, &opts.lang, langUsage)
	return cmd
}

func runDiff(opts *diffOptions) error {
	// The two sides load side by side (and their lens once), each as if
	// alone: messages and the first failure come in argument order.
	var sides []review.Side
	if err := loadEach(opts.io, []string{opts.old, opts.new}, loadSide, func(s review.Side) { sides = append(sides, s) }); err != nil {
		return err
	}
	shareLens(sides)
	d := review.Diff(sides[0], sides[1])
	// wafr's words in the language of the new side's lens, as summary
	// speaks its lens's.
	lang := ""
	if l := sides[1].Lens; l != nil {
		lang = l.Language
	}
	ro := reports.DiffOptions{All: opts.all, Color: opts.io.Color, Language: i18n.Choose(opts.lang, lang, opts.io.Getenv)}
	if file, _ := splitSide(opts.new); file != "-" {
		ro.File = file
	}
	var err error
	switch opts.format {
	case "md":
		err = reports.WriteDiffMarkdown(opts.io.Out, d, ro)
	case "json":
		err = reports.WriteDiffJSON(opts.io.Out, d, ro)
	default:
		err = reports.WriteDiffText(opts.io.Out, d, ro)
	}
	if err != nil {
		return err
	}
	if n := d.Regressions(); opts.failOnRegression && n > 0 {
		fmt.Fprintf(opts.io.ErrOut, "%s regressed (--fail-on-regression)\n", plural(n, "question"))
		return errCheckFailed
	}
	return nil
}

// loadSide reads FILE, FILE@MILESTONE or - into one side of a diff. A
// milestone's name may itself hold "@": the file is the shortest prefix
// before an "@" that names an existing file.
func loadSide(io *ioStreams, arg string) (review.Side, error) {
	file, ref := splitSide(arg)
	if ref == "" && file != arg {
		return review.Side{}, fmt.Errorf("%s: no milestone after the @: give FILE@NAME or FILE@NUMBER (wafr history %s lists them), or FILE alone for its answers now", arg, file)
	}
	r, err := io.ws.ReadReview(file, io.In) // its lens may be gone: then the recorded risks are used
	if err != nil {
		return review.Side{}, err
	}
	snap, err := r.At(ref)
	if err != nil {
		return review.Side{}, fmt.Errorf("%s: %w", file, err)
	}
	// Scored as history scores the same point: the current answers with
	// the lens that loads now (noting, as summary does, that it changed).
	l, why := io.ws.PointLens(snap, file, ref != "")
	if l != nil && ref == "" {
		noteLensChange(io.ErrOut, file, snap, l)
	}
	return review.Side{Label: arg, Review: snap, Lens: l, LensGone: why}, nil
}

// shareLens gives a side whose lens is not the one it records (not found,
// or another content) the other side's, when that is the very lens it
// records (same digest): standard input (git show ...:review.yaml) has no
// folder to find a relative lens path in, and a path that happens to
// resolve from the current folder may be another lens altogether.
func shareLens(sides []review.Side) {
	for i, s := range sides {
		other, recorded := sides[1-i].Lens, s.Review.Lens.Digest
		if other != nil && recorded != "" && recorded == other.Digest && (s.Lens == nil || s.Lens.Digest != recorded) {
			sides[i].Lens, sides[i].LensGone = other, ""
		}
	}
}

// splitSide splits FILE@MILESTONE at the first "@" after which the part
// before names an existing file; an existing file named arg wins.
func splitSide(arg string) (file, ref string) {
	if arg == "-" || fileExists(arg) {
		return arg, ""
	}
	for i := 0; i < len(arg); i++ {
		if arg[i] == '@' && i > 0 && fileExists(arg[:i]) {
			return arg[:i], arg[i+1:]
		}
	}
	if i := strings.Index(arg, "@"); i > 0 {
		return arg[:i], arg[i+1:] // no such file: say so about the file part
	}
	return arg, ""
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}
