package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// On a terminal the plan is drawn for it, in English and in Japanese: the
// header as a list, no Mermaid source, lines fitted to the terminal's
// width (a URL too wide for a line aside) and never cut inside a URL;
// --raw gives the Markdown itself.
func TestReportOnTerminal(t *testing.T) {
	t.Chdir(t.TempDir())
	notes := "See https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/welcome.html?version=42&anchor=section-7 for details & more."
	mustRun(t, "answer", "en.yaml", "OPS2", "--none", "--workload", "Payments", "--by", "alice", "--notes", notes)
	mustRun(t, "answer", "ja.yaml", "OPS2", "--none", "--workload", "決済", "--by", "鈴木", "--lens", "builtin:ops-ja",
		"--notes", "詳しくは https://docs.aws.amazon.com/ja_jp/wellarchitected/latest/operational-excellence-pillar/welcome.html?version=42&anchor=section-7 を参照してください。決済のみ SLO があり、他のサービスにはまだありません。")
	for _, file := range []string{"en.yaml", "ja.yaml"} {
		io, out, errOut := testStreams()
		io.OutTTY, io.Width = true, 80
		if code := run([]string{"report", file}, io); code != 0 {
			t.Fatalf("report %s: exit %d: %s", file, code, errOut)
		}
		page := out.String()
		if strings.Contains(page, "pie showData") || strings.Contains(page, `\&`) || !strings.Contains(page, "?version=42&anchor=section-7\n") {
			t.Errorf("%s: not drawn for a terminal:\n%s", file, page)
		}
		for _, l := range strings.Split(page, "\n") {
			if w := ansi.StringWidth(l); w > 78 && !strings.HasPrefix(strings.TrimLeft(l, " |"), "https://") {
				t.Errorf("%s: a line %d wide: %q", file, w, l)
			}
		}
		io, out, _ = testStreams()
		io.OutTTY, io.Width = true, 80
		run([]string{"report", file, "--raw"}, io)
		if !strings.Contains(out.String(), "```mermaid\npie showData") || !strings.Contains(out.String(), "| | |\n|---|---|\n") {
			t.Errorf("%s --raw: not the Markdown plan:\n%.500s", file, out)
		}
	}
}

// --pillar-order names pillars of the lens, each once.
func TestReportPillarOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--none", "--workload", "w")
	mustRun(t, "report", "r.yaml", "--pillar-order", "operationalExcellence")
	for order, want := range map[string]string{
		"nope": `--pillar-order: no pillar "nope" in the lens (its pillars: operationalExcellence)`,
		"operationalExcellence,operationalExcellence": `--pillar-order: pillar "operationalExcellence" is given twice`,
	} {
		code, _, errOut := wafrIn(t, "report", "r.yaml", "--pillar-order", order)
		if code != exitBadInput || !strings.Contains(errOut, want) {
			t.Errorf("--pillar-order %s: exit %d: %s", order, code, errOut)
		}
	}
}
