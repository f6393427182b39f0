package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/textsafe"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// Shell completion. cobra's "__complete" command calls these while the user
// types, so they only read: they open files with the workspace (which never
// writes on Open), never take the lock, never read standard input, and a
// file that does not load completes nothing rather than failing.

// completer is a cobra completion function.
type completer = func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective)

const noFiles = cobra.ShellCompDirectiveNoFileComp

// guard makes a completion function safe to run on any input: a panic
// (a bug, or a file shaped in a way nobody thought of) completes nothing
// instead of printing a stack trace into the user's shell.
func guard(f completer) completer {
	return func(cmd *cobra.Command, args []string, toComplete string) (out []cobra.Completion, d cobra.ShellCompDirective) {
		defer func() {
			if recover() != nil {
				out, d = nil, noFiles
			}
		}()
		return f(cmd, args, toComplete)
	}
}

// reviewFiles completes a review file argument: YAML files and folders.
func reviewFiles() ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeValues completes a flag from a fixed list.
func completeValues(values ...string) completer {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, v := range values {
			if strings.HasPrefix(v, toComplete) {
				out = append(out, v)
			}
		}
		return out, noFiles
	}
}

// desc makes lens or file text fit a completion description: one line, no
// control characters.
func desc(id, text string) cobra.Completion {
	return cobra.CompletionWithDesc(id, strings.Join(strings.Fields(textsafe.Clean(text)), " "))
}

// completionFile opens a review file for completion, or returns nil. With
// create, a file that does not exist yet opens as the new review that
// answer would start (nothing is written).
func completionFile(io *ioStreams, cmd *cobra.Command, file string, create bool) *workspace.File {
	if file == "" || file == "-" {
		return nil
	}
	o := workspace.OpenOptions{}
	if f := cmd.Flags().Lookup("lens"); f != nil {
		o.Lens = f.Value.String()
	}
	if create {
		o.Create = &review.Workload{}
	}
	f, err := io.ws.Open(file, nil, o)
	if err != nil {
		return nil
	}
	return f
}

// completeQuestion completes FILE QUESTION: files first, then the question
// references of the file's lens, with their titles. create says that FILE
// may be new (answer), so the lens is --lens or the default.
func completeQuestion(io *ioStreams, create bool) completer {
	return guard(func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		switch len(args) {
		case 0:
			return reviewFiles()
		case 1:
			if all, _ := cmd.Flags().GetBool("all-high"); all {
				return nil, noFiles
			}
			f := completionFile(io, cmd, args[0], create)
			if f == nil {
				return nil, noFiles
			}
			return questionCompletions(f.Lens, toComplete), noFiles
		}
		return nil, noFiles
	})
}

func questionCompletions(l *questions.Lens, toComplete string) []cobra.Completion {
	var out []cobra.Completion
	for _, ref := range l.QuestionRefs() {
		if !strings.HasPrefix(strings.ToLower(ref), strings.ToLower(toComplete)) {
			continue
		}
		_, q, err := l.Find(ref)
		if err != nil {
			continue
		}
		out = append(out, desc(ref, q.Title))
	}
	return out
}

// questionOf finds the question that FILE QUESTION (args) name, or nil.
func questionOf(io *ioStreams, cmd *cobra.Command, args []string, create bool) (*workspace.File, *questions.Pillar, *questions.Question) {
	if len(args) < 2 {
		return nil, nil, nil
	}
	f := completionFile(io, cmd, args[0], create)
	if f == nil {
		return nil, nil, nil
	}
	p, q, err := f.Lens.Find(args[1])
	if err != nil {
		return nil, nil, nil
	}
	return f, p, q
}

// completeSelect completes --select: the question's choice ids, after any
// already given (comma-separated), leaving out those given and "None of
// these" once a practice is given, and practices once it is.
func completeSelect(io *ioStreams) completer {
	return guard(func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		_, _, q := questionOf(io, cmd, args, true)
		if q == nil {
			return nil, noFiles
		}
		done, last := "", toComplete
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			done, last = toComplete[:i+1], toComplete[i+1:]
		}
		given := map[string]bool{}
		none, practice := false, false
		for _, id := range strings.Split(done, ",") {
			if c := q.Choice(strings.TrimSpace(id)); c != nil {
				given[c.ID] = true
				none, practice = none || c.IsNone(), practice || !c.IsNone()
			}
		}
		var out []cobra.Completion
		for _, c := range q.Choices {
			if given[c.ID] || none || practice && c.IsNone() || !strings.HasPrefix(c.ID, last) {
				continue
			}
			out = append(out, desc(done+c.ID, c.Title))
		}
		return out, noFiles | cobra.ShellCompDirectiveNoSpace
	})
}

// completeChoice completes action add --choice: the practices an action
// can adopt (not "None of these", not ticked yet).
func completeChoice(io *ioStreams) completer {
	return guard(func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		f, p, q := questionOf(io, cmd, args, false)
		if q == nil {
			return nil, noFiles
		}
		var out []cobra.Completion
		for _, c := range q.Choices {
			if _, err := f.Review.CheckAdopt(p, q, c.ID); err == nil && strings.HasPrefix(c.ID, toComplete) {
				out = append(out, desc(c.ID, c.Title))
			}
		}
		return out, noFiles
	})
}

// completeActionID completes action set FILE ACTION_ID.
func completeActionID(io *ioStreams) completer {
	return guard(func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		switch len(args) {
		case 0:
			return reviewFiles()
		case 1:
			f := completionFile(io, cmd, args[0], false)
			if f == nil {
				return nil, noFiles
			}
			var out []cobra.Completion
			for _, a := range f.Review.Actions {
				if strings.HasPrefix(strings.ToLower(a.ID), strings.ToLower(toComplete)) {
					out = append(out, desc(a.ID, a.Status+": "+a.Title))
				}
			}
			return out, noFiles
		}
		return nil, noFiles
	})
}

// completeFiles completes arguments that are all review files (summary,
// report, history, action list); max < 0 is no limit.
func completeFiles(max int) completer {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max >= 0 && len(args) >= max {
			return nil, noFiles
		}
		return reviewFiles()
	}
}

// completeSide completes a diff side: a file, or after FILE@ its
// milestones by name.
func completeSide(io *ioStreams) completer {
	return guard(func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= 2 {
			return nil, noFiles
		}
		if !strings.Contains(toComplete, "@") {
			return reviewFiles()
		}
		file, ref := splitSide(toComplete)
		f := completionFile(io, cmd, file, false)
		if f == nil {
			return nil, noFiles
		}
		var out []cobra.Completion
		for i, m := range f.Review.Milestones {
			if strings.HasPrefix(m.Name, ref) {
				out = append(out, desc(file+"@"+m.Name, "milestone "+strconv.Itoa(i+1)+", "+m.RecordedAt.Format("2006-01-02")))
			}
		}
		return out, noFiles
	})
}

// completeMilestone completes --at with the milestones of the files given.
func completeMilestone(io *ioStreams) completer {
	return guard(func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, file := range args {
			f := completionFile(io, cmd, file, false)
			if f == nil {
				continue
			}
			for _, m := range f.Review.Milestones {
				if strings.HasPrefix(m.Name, toComplete) && !slices.Contains(out, m.Name) {
					out = append(out, m.Name)
				}
			}
		}
		return out, noFiles
	})
}

// completeReason completes --not-applicable.
func completeReason() completer { return completeValues(review.Reasons...) }

// completeHelp offers the commands and help topics after "wafr help".
func completeHelp(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	parent := cmd.Root()
	if len(args) > 0 {
		c, rest, err := parent.Find(args)
		if err != nil || len(rest) > 0 {
			return nil, noFiles
		}
		parent = c
	}
	var out []cobra.Completion
	for _, c := range parent.Commands() {
		if (c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand()) && c.Name() != "help" && strings.HasPrefix(c.Name(), toComplete) {
			out = append(out, cobra.CompletionWithDesc(c.Name(), c.Short))
		}
	}
	return out, noFiles
}
