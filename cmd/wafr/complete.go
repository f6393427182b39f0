package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// completeHelp offers the commands and help topics after "wafr help".
func completeHelp(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	parent := cmd.Root()
	if len(args) > 0 {
		c, rest, err := parent.Find(args)
		if err != nil || len(rest) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		parent = c
	}
	var out []string
	for _, c := range parent.Commands() {
		if (c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand()) && c.Name() != "help" && strings.HasPrefix(c.Name(), toComplete) {
			out = append(out, cobra.CompletionWithDesc(c.Name(), c.Short))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
