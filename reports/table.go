// Package reports turns scored reviews into what people read: the terminal
// risk summary, the Markdown improvement plan and machine exports. Every
// renderer writes to an io.Writer and is told, not guessing, whether the
// output is a terminal and may be coloured.
package reports

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Table writes rows as plain columns aligned by display width, so wide
// (Japanese) text keeps columns straight. Numeric columns align right.
type Table struct {
	Header     []string
	Rows       [][]string
	RightAlign map[int]bool
}

// Append adds a row.
func (t *Table) Append(cells ...string) { t.Rows = append(t.Rows, cells) }

// Write renders the table with two spaces between columns and no trailing
// spaces.
func (t *Table) Write(w io.Writer) error {
	all := append([][]string{t.Header}, t.Rows...)
	var widths []int
	for _, row := range all {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range all {
		if len(row) == 0 {
			continue
		}
		var line strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if t.RightAlign[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
