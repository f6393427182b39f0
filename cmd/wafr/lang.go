package main

import "github.com/spf13/cobra"

// langUsage documents --lang on the commands that write wafr's own words.
const langUsage = "language of wafr's own text: en or ja (default: the lens's language, else LC_ALL/LC_MESSAGES/LANG)"

// addLangFlag adds --lang to cmd, with its values for completion; the
// command checks it with langFlag.
func addLangFlag(cmd *cobra.Command, lang *string, usage string) {
	cmd.Flags().StringVar(lang, "lang", "", usage)
	cmd.RegisterFlagCompletionFunc("lang", completeValues("en", "ja"))
}

// langFlag checks --lang: empty (decide from the lens and the locale), en
// or ja.
func langFlag(lang string) error {
	if lang == "" {
		return nil
	}
	return oneOf("--lang", lang, "en", "ja")
}

// sharedLanguage is the language of the lenses of several files: the one
// they all have, else "" (the locale decides for a mix).
type sharedLanguage struct {
	lang string
	seen bool
}

func (s *sharedLanguage) add(lang string) {
	if !s.seen {
		s.lang, s.seen = lang, true
	} else if lang != s.lang {
		s.lang = ""
	}
}
