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
	cellWidths := make([][]int, len(all))
	var widths []int
	for r, row := range all {
		cellWidths[r] = make([]int, len(row))
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			cw := textWidth(c)
			cellWidths[r][i] = cw
			widths[i] = max(widths[i], cw)
		}
	}
	var b, line strings.Builder
	for r, row := range all {
		if len(row) == 0 {
			continue
		}
		line.Reset()
		for i, c := range row {
			pad := widths[i] - cellWidths[r][i]
			if i > 0 {
				line.WriteString("  ")
			}
			if t.RightAlign[i] {
				writeSpaces(&line, pad)
				line.WriteString(c)
			} else {
				line.WriteString(c)
				writeSpaces(&line, pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSpaces(b *strings.Builder, n int) {
	const spaces = "                                "
	for ; n > len(spaces); n -= len(spaces) {
		b.WriteString(spaces)
	}
	if n > 0 {
		b.WriteString(spaces[:n])
	}
}

// textWidth is ansi.StringWidth, quicker for printable ASCII (one column
// a byte, no escape codes), which most cells are.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}
