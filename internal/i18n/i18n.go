// Package i18n is wafr's message catalogue: every string wafr itself writes
// in the TUI and in the headings of its reports, in English and Japanese.
// Lens text, ids, file formats, JSON and CSV keys and exit codes are the
// same in every language; only wafr's own words change.
//
// A Catalog is plain data, built afresh by New for each caller: there is no
// package-level state, so one process can speak both languages at once (a
// live review where each viewer has their own). Strings with verbs are fmt
// formats; indexed verbs (%[1]d) let a language reorder the arguments, and
// a test checks that both languages take the same arguments.
package i18n

import (
	"strings"

	"github.com/wafr-dev/wafr/questions"
)

// Lang is a language wafr speaks.
type Lang string

// The languages of the catalogue.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// Langs lists every language of the catalogue.
func Langs() []Lang { return []Lang{English, Japanese} }

// Parse reads a language tag or locale name ("ja", "ja-JP",
// "ja_JP.UTF-8", "en_US", "C") and reports the catalogue language it names,
// and whether it names one: "fr" names none.
func Parse(tag string) (Lang, bool) {
	base := strings.ToLower(tag)
	if i := strings.IndexAny(base, "-_.@"); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "ja", "jpn":
		return Japanese, true
	case "en", "eng", "c", "posix":
		return English, true
	}
	return English, false
}

// FromEnv is the language of the user's locale: the first of LC_ALL,
// LC_MESSAGES and LANG that is set, as POSIX orders them. A locale wafr has
// no catalogue for, or none at all, is English.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			l, _ := Parse(v)
			return l
		}
	}
	return English
}

// Choose picks the language of wafr's words for a lens: flag (--lang) when
// given, else the lens's language when it has one, else the user's locale.
// It returns a tag for New or For: the lens's own tag when the lens decides
// (so "ja-JP" stays "ja-JP" for an HTML page's lang attribute).
func Choose(flag, lensLanguage string, getenv func(string) string) string {
	switch {
	case flag != "":
		return flag
	case lensLanguage != "":
		return lensLanguage
	}
	return string(FromEnv(getenv))
}

// Catalog is every string wafr writes, in one language.
type Catalog struct {
	Lang Lang
	// Risk names the risk levels.
	Risk RiskNames
	// Reasons names the AWS not-applicable reasons (OUT_OF_SCOPE...), as
	// a reader sees them in a sentence or a table.
	Reasons map[string]string
	// Statuses names action statuses (open, in-progress, done,
	// accepted-risk).
	Statuses map[string]string
	// Environments names workload environments (PRODUCTION,
	// PREPRODUCTION).
	Environments map[string]string

	TUI     TUI
	Plan    Plan
	Summary Summary
	History History
	Actions Actions
	HTML    HTML
	Diff    Diff
}

// RiskNames are the names of the risk levels in the places wafr shows them.
type RiskNames struct {
	// Label is the short name in badges, lists and table columns.
	Label map[questions.Risk]string
	// Word is the name inside a sentence ("2 HIGH, 1 not applicable").
	Word map[questions.Risk]string
	// Heading names a section of questions at one level ("HIGH risk").
	Heading map[questions.Risk]string
}

// New builds the catalogue of a language; any language wafr does not have
// is English.
func New(l Lang) *Catalog {
	if l == Japanese {
		return japanese()
	}
	return english()
}

// For is the catalogue for a language tag or locale name: Japanese for
// "ja", "ja-JP"..., English for anything else.
func For(tag string) *Catalog {
	l, _ := Parse(tag)
	return New(l)
}

// Plural picks the singular or plural form for n. Japanese has one form,
// which its catalogue writes in both.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Reason names a not-applicable reason; an unknown one is shown as
// written, and none as "-".
func (c *Catalog) Reason(r string) string {
	if n, ok := c.Reasons[r]; ok {
		return n
	}
	if r == "" {
		return "-"
	}
	return r
}

// Status names an action status; an unknown one is shown as written.
func (c *Catalog) Status(s string) string {
	if n, ok := c.Statuses[s]; ok {
		return n
	}
	return s
}

// Environment names a workload's environment; an unknown one is shown as
// written, in lower case.
func (c *Catalog) Environment(e string) string {
	if n, ok := c.Environments[e]; ok {
		return n
	}
	return strings.ToLower(e)
}
