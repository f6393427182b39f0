package reports

import (
	"fmt"
	"io"
	"strconv"

	"github.com/wafr-dev/wafr/scoring"
)

// SummaryInput is what the risk summary shows.
type SummaryInput struct {
	Workload string
	Lens     string // name and version, for the heading
	Result   *scoring.Result
}

// WriteSummaryText writes a plain table of risk counts per pillar with a
// total row.
func WriteSummaryText(w io.Writer, in SummaryInput) error {
	c := in.Result.Counts
	if _, err := fmt.Fprintf(w, "%s - %s\nanswered %d of %d\n\n", in.Workload, in.Lens, c.Answered(), c.Total()); err != nil {
		return err
	}
	t := &Table{
		Header:     []string{"PILLAR", "HIGH", "MEDIUM", "NONE", "N/A", "UNANSWERED"},
		RightAlign: map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true},
	}
	row := func(name string, c scoring.Counts) {
		t.Append(name, strconv.Itoa(c.High), strconv.Itoa(c.Medium), strconv.Itoa(c.None),
			strconv.Itoa(c.NotApplicable), strconv.Itoa(c.Unanswered))
	}
	for _, p := range in.Result.Pillars {
		row(p.Pillar.Name, p.Counts)
	}
	row("Total", c)
	return t.Write(w)
}
