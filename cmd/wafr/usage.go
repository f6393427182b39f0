package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Usage errors. Each says what to type instead, and is a *flagError, so run
// adds where to read more and exits 2. cobra's own argument and flag-group
// checks return plain strings ("requires at least 1 arg(s)"), so commands
// use these instead; the cobra flag-group marks stay for shell completion
// (which then leaves out a flag that cannot go with those given) but never
// fire, since Args runs before them.

// argSpec says what a command's positional arguments are.
type argSpec struct {
	min, max int    // max < 0: no upper limit
	what     string // "give one review file or more"
	synopsis string // "wafr summary FILE..."
	// flags are further checks of the flags given (exclusive, required).
	flags []flagCheck
}

// flagCheck checks the combination of flags given.
type flagCheck func(*cobra.Command) error

// positional builds a cobra.PositionalArgs from a spec.
func positional(s argSpec) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if n := len(args); n < s.min || s.max >= 0 && n > s.max {
			return argCountError(s, args)
		}
		for _, check := range s.flags {
			if err := check(cmd); err != nil {
				return err
			}
		}
		return nil
	}
}

func argCountError(s argSpec, args []string) error {
	if len(args) == 0 {
		return flagErrorf("%s: %s", s.what, s.synopsis)
	}
	const most = 4
	quoted := make([]string, 0, most)
	for i, a := range args {
		if i == most {
			quoted = append(quoted, "…")
			break
		}
		quoted = append(quoted, strconv.Quote(a))
	}
	return flagErrorf("%s (got %s: %s): %s", s.what, plural(len(args), "argument"), strings.Join(quoted, " "), s.synopsis)
}

// exclusive refuses two or more of the named flags together; hint says what
// to give instead.
func exclusive(hint string, names ...string) flagCheck {
	return func(cmd *cobra.Command) error {
		var given []string
		for _, n := range names {
			if cmd.Flags().Changed(n) {
				given = append(given, "--"+n)
			}
		}
		if len(given) < 2 {
			return nil
		}
		return flagErrorf("%s cannot be given together: %s", andList(given), hint)
	}
}

// oneRequired asks for at least one of the named flags.
func oneRequired(hint string, names ...string) flagCheck {
	return func(cmd *cobra.Command) error {
		for _, n := range names {
			if cmd.Flags().Changed(n) {
				return nil
			}
		}
		return flagErrorf("%s", hint)
	}
}

// required asks for every named flag, with a value that is not blank.
func required(synopsis string, names ...string) flagCheck {
	return func(cmd *cobra.Command) error {
		for _, n := range names {
			f := cmd.Flags().Lookup(n)
			name := "--" + n
			if f != nil && f.Shorthand != "" {
				name += " (-" + f.Shorthand + ")"
			}
			switch {
			case !cmd.Flags().Changed(n):
				return flagErrorf("%s is required: %s", name, synopsis)
			case f != nil && strings.TrimSpace(f.Value.String()) == "":
				// --workload-id "$WL" with WL unset: every line written
				// from it would be refused later, far from the cause.
				return flagErrorf("%s is empty: %s", name, synopsis)
			}
		}
		return nil
	}
}

// andList joins words as "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// subcommands makes a command that only groups others refuse an unknown
// subcommand with a typed error, and show its help when given none. cobra
// would otherwise show the help of "wafr action" for "wafr action bogus"
// and exit 0, and reports "unknown command" on the root as a plain string.
func subcommands(cmd *cobra.Command) {
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	cmd.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			return flagErrorf("%s; did you mean %s?", msg, orList(s))
		}
		var names []string
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && sub.Name() != "help" && sub.Name() != "completion" {
				names = append(names, sub.Name())
			}
		}
		return flagErrorf("%s (its commands: %s)", msg, strings.Join(names, ", "))
	}
	cmd.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
}

// flagParseError turns pflag's errors into usage errors that say what to
// type: the flags that exist, the value a flag needs.
func flagParseError(cmd *cobra.Command, err error) error {
	var notExist *pflag.NotExistError
	var needsValue *pflag.ValueRequiredError
	switch {
	case errors.As(err, &notExist) && notExist.GetSpecifiedName() != "":
		name := notExist.GetSpecifiedName()
		if s := similarFlag(cmd, name); s != "" {
			return flagErrorf("%v; did you mean --%s?", err, s)
		}
		names := flagNames(cmd)
		if len(names) == 0 {
			return flagErrorf("%v; %s takes no flags but --help", err, cmd.CommandPath())
		}
		return flagErrorf("%v; %s takes %s", err, cmd.CommandPath(), orList(names))
	case errors.As(err, &needsValue):
		f := needsValue.GetFlag()
		return flagErrorf("--%s needs a value: --%s %s (%s)", f.Name, f.Name, valueName(f), f.Usage)
	}
	return &flagError{err}
}

// flagNames lists a command's flags as "--name".
func flagNames(cmd *cobra.Command) []string {
	var out []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && f.Name != "help" {
			out = append(out, "--"+f.Name)
		}
	})
	return out
}

// similarFlag finds the flag a mistyped name most likely meant: one it is a
// prefix of, or one a letter or two away.
func similarFlag(cmd *cobra.Command, name string) string {
	best, bestDist := "", 3
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := editDistance(strings.ToLower(name), f.Name)
		if strings.HasPrefix(f.Name, name) {
			d = 0
		}
		if d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	return best
}

// valueName is what a flag's value is, for "--lens LENS".
func valueName(f *pflag.Flag) string {
	return strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
