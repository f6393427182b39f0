package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wafr-dev/wafr/review"
)

// badRune finds what must never reach the terminal from file content. With
// colour on, ESC itself is ours (CSI colour codes), so only OSC, BEL, C1
// and bidi controls are checked; with colour off, any control is bad.
func badRune(s string, color bool) string {
	if color && strings.Contains(s, "\x1b]") {
		return "OSC"
	}
	for i, r := range s {
		bad := r == 0x07 || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200f
		if !color {
			bad = bad || r < 0x20 && r != '\n'
		}
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			bad = true
		}
		if bad {
			return strings.ToValidUTF8(s[max(0, i-20):min(len(s), i+20)], "?")
		}
	}
	return ""
}

func TestHostileTextInTheTUI(t *testing.T) {
	l := loadLens(t, "../testdata/hostile/lens.yaml")
	for _, color := range []bool{false, true} {
		r := review.New(l, review.Workload{Name: "W\x1b[2J\u202eevil", Owner: "o\x1b]52;c;eA==\x07"})
		r.Update("hostilePillar", "HQ1", "me", testNow, func(a *review.Answer) {
			a.Selected = []string{"HQ1_a"}
			a.Notes = "note \x1b[31mred\x1b]8;;x\x07 \u009b1m \u202eevil"
		})
		m := newTestModel(t, l, r, 100, 30)
		m.c.styles = DefaultStyles(true, color)
		m.refresh()
		for _, keys := range [][]string{nil, {"enter"}, {"tab"}, {"tab", "j"}, {"e"}, {"esc", "a"}, {"esc", "g"}, {"esc", "s"}, {"esc", "esc"}, {"M"}} {
			press(m, keys...)
			if bad := badRune(m.View(), color); bad != "" {
				t.Errorf("colour %v, after %v: raw control near %q", color, keys, bad)
			}
		}
	}
}
