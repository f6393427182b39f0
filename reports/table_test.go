package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestTableAlignsWideText(t *testing.T) {
	tb := &Table{Header: []string{"PILLAR", "HIGH"}, RightAlign: map[int]bool{1: true}}
	tb.Append("運用上の優秀性", "3")
	tb.Append("Reliability", "12")
	var buf bytes.Buffer
	if err := tb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	defer func() {
		if len(lines) != 3 {
			t.Errorf("%d lines, want 3", len(lines))
		}
	}()
	want := []string{
		"PILLAR          HIGH",
		"運用上の優秀性     3",
		"Reliability       12",
	}
	for i, l := range lines {
		if l != want[i] {
			t.Errorf("line %d = %q, want %q", i, l, want[i])
		}
		if w := ansi.StringWidth(l); w != 20 {
			t.Errorf("line %d is %d columns wide", i, w)
		}
	}
}
