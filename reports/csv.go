package reports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/wafr-dev/wafr/internal/textsafe"
)

// WriteCSV writes one row per question and choice, in lens order, for
// spreadsheets: every choice, ticked or not, "None of these" included.
func WriteCSV(w io.Writer, s *Scored) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"pillar", "question_id", "question_title", "risk", "choice_id", "choice_title", "ticked", "improvement_plan", "notes"})
	for _, p := range s.Pillars {
		for _, q := range p.Questions {
			write := func(c Choice, ticked bool) {
				cw.Write([]string{cleanCell(p.Name), cleanCell(q.ID), cleanCell(q.Title), q.Risk.String(), cleanCell(c.ID), cleanCell(c.Title),
					strconv.FormatBool(ticked), cleanCell(c.ImprovementPlan), cleanCell(q.Notes)})
			}
			for _, c := range q.choices {
				write(c.Choice, c.ticked)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cleanCell strips control characters, and defuses text a spreadsheet would
// run as a formula: a leading "'" makes it text.
func cleanCell(s string) string {
	s = textsafe.Clean(s)
	if s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula, as OWASP's CSV injection page lists them: a tab or a
// carriage return before "=" still runs it. textsafe.Clean turns a
// carriage return into a line feed, which is listed with it.
const formulaStarts = "=+-@\t\r\n"
