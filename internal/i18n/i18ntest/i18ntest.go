// Package i18ntest finds English left in wafr's Japanese output, for the
// tests of the packages that write wafr's words (the TUI's screens, the
// reports). It is imported by tests only.
package i18ntest

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/wafr-dev/wafr/internal/i18n"
)

// Check says which words an output may hold.
type Check struct {
	// Parts are the fields of the catalogue the output takes its words
	// from ("TUI", "Diff", "Risk", …).
	Parts []string
	// Also picks more of a catalogue the output shows (a legend shared
	// with another part), by name.
	Also map[string]func(*i18n.Catalog) any
	// Allowed is text whose ASCII words may show: the lens's file, the
	// test's own data, key names.
	Allowed []string
}

var (
	verbRe     = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[a-zA-Z%]`)
	letterRe   = regexp.MustCompile(`[A-Za-z]{3,}`)
	japaneseRe = regexp.MustCompile(`[\p{Han}\p{Hiragana}\p{Katakana}]`)
)

// English lists, for each output (by name), every English string of the
// catalogue's parts that the Japanese one does not keep, and every ASCII
// word that is neither allowed nor one the Japanese catalogue keeps
// inside a Japanese sentence (a command, a key name).
func (c Check) English(outputs map[string]string) []string {
	en, ja := c.strings(i18n.English), c.strings(i18n.Japanese)
	// The English pieces: each literal run of a format, where it has a
	// word of three letters that the Japanese string does not keep.
	type piece struct {
		text string
		re   *regexp.Regexp // the text as a whole word
	}
	var pieces []piece
	for path, s := range en {
		for _, p := range verbRe.Split(s, -1) {
			p = strings.TrimSpace(p)
			if !letterRe.MatchString(p) || strings.Contains(ja[path], p) {
				continue
			}
			pieces = append(pieces, piece{p, regexp.MustCompile(`(^|[^A-Za-z])` + regexp.QuoteMeta(p) + `($|[^A-Za-z])`)})
		}
	}
	allowed := map[string]bool{}
	sources := append([]string{}, c.Allowed...)
	for _, v := range ja { // a string left in English does not count
		if japaneseRe.MatchString(v) {
			sources = append(sources, v)
		}
	}
	for _, src := range sources {
		for _, w := range letterRe.FindAllString(src, -1) {
			allowed[w] = true
		}
	}
	names := make([]string, 0, len(outputs))
	for n := range outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []string
	for _, name := range names {
		v := outputs[name]
		for _, p := range pieces {
			if !strings.Contains(v, p.text) {
				continue // the quick test first: most pieces are not there
			}
			if m := p.re.FindString(v); m != "" {
				out = append(out, fmt.Sprintf("%s: English %q:\n%s", name, strings.TrimSpace(m), v))
			}
		}
		for _, w := range letterRe.FindAllString(v, -1) {
			if !allowed[w] {
				out = append(out, fmt.Sprintf("%s: the word %q is neither the lens's nor the catalogue's:\n%s", name, w, v))
			}
		}
	}
	return out
}

// strings are the catalogue's strings of lang that c covers, by path.
func (c Check) strings(lang i18n.Lang) map[string]string {
	cat := i18n.New(lang)
	out := map[string]string{}
	for _, part := range c.Parts {
		collect(reflect.ValueOf(cat).Elem().FieldByName(part), part, out)
	}
	for name, pick := range c.Also {
		collect(reflect.ValueOf(pick(cat)), name, out)
	}
	return out
}

// collect adds every string under v to out by its path.
func collect(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer:
		collect(v.Elem(), path, out)
	case reflect.String:
		out[path] = v.String()
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			collect(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			collect(v.MapIndex(k), path+"["+fmt.Sprint(k.Interface())+"]", out)
		}
	}
}
