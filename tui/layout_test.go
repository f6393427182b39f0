package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrap(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"the quick brown fox", 9, "the quick\nbrown fox"},
		{"JA1  サービスの優先順位", 12, "JA1  サービ\nスの優先順位"},
		{"a verylongwordindeed b", 6, "a\nverylo\nngword\nindeed\nb"},
		{"two\nparagraphs here", 20, "two\nparagraphs here"},
		{"", 5, ""},
	}
	for _, c := range cases {
		got := wrap(c.in, c.w)
		if got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > c.w {
				t.Errorf("line %q wider than %d", l, c.w)
			}
		}
	}
}
