package textsafe

import "testing"

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"review.yaml":          "review.yaml",
		"../lenses/ops-1.json": "../lenses/ops-1.json",
		"my review.yaml":       "'my review.yaml'",
		"it's.yaml":            `'it'\''s.yaml'`,
		"":                     "''",
		"$(rm -rf).yaml":       "'$(rm -rf).yaml'",
	} {
		if got := ShellQuote(in); got != want {
			t.Errorf("ShellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
