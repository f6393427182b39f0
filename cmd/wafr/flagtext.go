package main

import (
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// checkFlagText refuses a flag value that is not valid UTF-8 (a Latin-1
// --by or --notes from a script or terminal in another encoding): review
// files and reports hold UTF-8 text, and repairing the value silently would
// store something the user did not type. Flags naming files (--lens, -o,
// serve's --team and --host-key, and those marked with
// cobra.MarkFlagFilename) are paths, which may be any bytes. It runs
// before every command, as the root's PersistentPreRunE. A path flag
// given an empty value is refused too.
func checkFlagText(cmd *cobra.Command, _ []string) error {
	var bad error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if bad != nil {
			return
		}
		if isPathFlag(f) {
			bad = emptyPath(f)
			return
		}
		values := []string{f.Value.String()}
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if !utf8.ValidString(v) {
				bad = flagErrorf("--%s %q is not valid UTF-8 text: wafr keeps text as UTF-8 (is the terminal or the script using another encoding, such as Latin-1?)", f.Name, v)
				return
			}
		}
	})
	return bad
}

// emptyPath refuses a file flag given an empty value (-o "" from an unset
// shell variable): it names no file, and must not quietly mean the
// default (for -o, standard output).
func emptyPath(f *pflag.Flag) error {
	if f.Value.String() != "" {
		return nil
	}
	name := "--" + f.Name
	if f.Shorthand != "" {
		name = "-" + f.Shorthand
	}
	if f.Name == "output" {
		return flagErrorf("%s needs a file name (or - for standard output)", name)
	}
	return flagErrorf("%s needs a file name", name)
}

func isPathFlag(f *pflag.Flag) bool {
	_, file := f.Annotations[cobra.BashCompFilenameExt]
	switch f.Name {
	case "lens", "output", "team", "host-key":
		return true
	}
	return file
}
