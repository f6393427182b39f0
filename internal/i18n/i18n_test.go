package i18n

import (
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

// fields lists every string of a catalogue by its path ("TUI.Keys.Quit"),
// map entries included ("Risk.Label[HIGH]").
func fields(c *Catalog) map[string]string {
	out := map[string]string{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out[path] = v.String()
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(strings.TrimPrefix(path+"."+v.Type().Field(i).Name, "."), v.Field(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				key := k.Interface()
				if r, ok := key.(questions.Risk); ok {
					key = r.String()
				}
				walk(path+"["+reflect.ValueOf(key).String()+"]", v.MapIndex(k))
			}
		case reflect.Pointer:
			walk(path, v.Elem())
		}
	}
	walk("", reflect.ValueOf(c))
	return out
}

// Every language fills every string, names every risk level, and has the
// same entries in its maps.
func TestCatalogsComplete(t *testing.T) {
	en := fields(New(English))
	for _, l := range Langs() {
		c := New(l)
		got := fields(c)
		for path, s := range got {
			if s == "" {
				t.Errorf("%s: %s is empty", l, path)
			}
		}
		for path := range en {
			if _, ok := got[path]; !ok {
				t.Errorf("%s: no %s", l, path)
			}
		}
		for _, r := range questions.Levels {
			for name, m := range map[string]map[questions.Risk]string{"Label": c.Risk.Label, "Word": c.Risk.Word, "Heading": c.Risk.Heading,
				"Plan.Levels": c.Plan.Levels, "Summary.Columns": c.Summary.Columns, "Summary.Legend": c.Summary.Legend, "Summary.MDColumns": c.Summary.MDColumns, "HTML.Levels": c.HTML.Levels} {
				if m[r] == "" {
					t.Errorf("%s: %s has no %s", l, name, r)
				}
			}
		}
	}
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// args is what a format takes: its verbs by argument position, the kind
// of each ("d" numbers, "s" strings: %s, %q and %v all take a string).
func args(format string) string {
	var kinds []string
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		v := m[0][len(m[0])-1:]
		if v == "%" {
			continue
		}
		pos := next
		if m[1] != "" {
			pos = int(m[1][1] - '0')
		}
		next = pos + 1
		kind := "s"
		if v == "d" {
			kind = "d"
		}
		for len(kinds) < pos {
			kinds = append(kinds, "")
		}
		kinds[pos-1] = kind
	}
	return strings.Join(kinds, ",")
}

// Both languages take the same arguments in every format, so a call site
// fits both.
func TestCatalogFormatsMatch(t *testing.T) {
	en, ja := fields(New(English)), fields(New(Japanese))
	paths := make([]string, 0, len(en))
	for p := range en {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if a, b := args(en[p]), args(ja[p]); a != b {
			t.Errorf("%s: English takes (%s), Japanese (%s): %q / %q", p, a, b, en[p], ja[p])
		}
	}
}

// The Japanese catalogue is Japanese: no English sentence left behind (a
// string may keep key names, commands and file names).
func TestJapaneseIsTranslated(t *testing.T) {
	en, ja := fields(New(English)), fields(New(Japanese))
	for p, s := range ja {
		if s == en[p] && regexp.MustCompile(`[a-z]{3,} [a-z]{3,}`).MatchString(s) {
			t.Errorf("%s is the English text: %q", p, s)
		}
	}
}

func TestParseAndChoose(t *testing.T) {
	for tag, want := range map[string]Lang{"ja": Japanese, "ja-JP": Japanese, "ja_JP.UTF-8": Japanese, "JA": Japanese,
		"en": English, "en_US.UTF-8": English, "C": English, "fr": English, "": English} {
		if got, _ := Parse(tag); got != want {
			t.Errorf("Parse(%q) = %s, want %s", tag, got, want)
		}
	}
	if _, ok := Parse("fr_FR"); ok {
		t.Error("fr is a catalogue language")
	}
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	cases := []struct {
		flag, lens string
		env        map[string]string
		want       string
	}{
		{"ja", "en", nil, "ja"}, // the flag wins
		{"", "ja-JP", map[string]string{"LANG": "en_US"}, "ja-JP"}, // then the lens
		{"", "", map[string]string{"LANG": "ja_JP.UTF-8"}, "ja"},   // then the locale
		{"", "", map[string]string{"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, "en"},
		{"", "", map[string]string{"LC_MESSAGES": "ja_JP", "LANG": "en_US"}, "ja"},
		{"", "", nil, "en"},
	}
	for _, c := range cases {
		if got := Choose(c.flag, c.lens, env(c.env)); got != c.want {
			t.Errorf("Choose(%q, %q, %v) = %q, want %q", c.flag, c.lens, c.env, got, c.want)
		}
	}
	if For("ja-JP").Lang != Japanese || For("de").Lang != English {
		t.Error("For picks the wrong catalogue")
	}
}

// Each call builds its own catalogue: changing one never changes another.
func TestCatalogsAreFresh(t *testing.T) {
	a := New(Japanese)
	a.TUI.Keys.Quit = "x"
	a.Reasons["OTHER"] = "x"
	if b := New(Japanese); b.TUI.Keys.Quit == "x" || b.Reasons["OTHER"] == "x" {
		t.Error("catalogues share state")
	}
}
