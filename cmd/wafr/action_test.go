package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/review"
)

// wafrIn runs wafr in-process with the fixed clock of testStreams
// (2026-11-25) and returns exit code, stdout and stderr.
func wafrIn(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	io, out, errOut := testStreams()
	code := run(args, io)
	return code, out.String(), errOut.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := wafrIn(t, args...)
	if code != 0 {
		t.Fatalf("wafr %q: exit %d\n%s%s", args, code, out, errOut)
	}
	return out
}

func actionFixture(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--select", "OPS1_users,OPS1_slo,OPS1_downtime", "--workload", "Payments", "--by", "alice")
	mustRun(t, "answer", "r.yaml", "OPS2", "--none", "--by", "alice")
	mustRun(t, "answer", "r.yaml", "OPS5", "--select", "OPS5_roles", "--by", "alice")
}

func TestActionAddAndSet(t *testing.T) {
	actionFixture(t)
	out := mustRun(t, "action", "add", "r.yaml", "OPS1", "--choice", "OPS1_budget", "--owner", "alice", "--due", "2026-12-31", "--link", "https://jira/OPS-1", "--by", "bob")
	if out != "A1 added: An error budget, agreed as a number, decides how fast changes ship\n" {
		t.Errorf("add: %q", out)
	}
	mustRun(t, "action", "add", "r.yaml", "OPS5", "--title", "Train incident commanders", "--due", "2026-11-01")
	r, _ := review.Load("r.yaml")
	a := r.Action("A1")
	if a == nil || a.PillarID != "operationalExcellence" || a.QuestionID != "OPS1" || a.ChoiceID != "OPS1_budget" || a.Owner != "alice" ||
		a.Due != "2026-12-31" || a.Status != "open" || a.Link != "https://jira/OPS-1" || a.CreatedBy != "bob" || a.CreatedAt.IsZero() {
		t.Fatalf("A1 = %+v", a)
	}
	if r.Action("A2").Title != "Train incident commanders" {
		t.Error("--title")
	}

	// Mistakes: exit 2 with a clear message.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"action", "add", "r.yaml", "OPS1", "--choice", "OPS1_slo"}, "OPS1_slo is already ticked for OPS1"},
		{[]string{"action", "add", "r.yaml", "OPS1", "--choice", "OPS1_nope"}, `question OPS1 has no choice "OPS1_nope"`},
		{[]string{"action", "add", "r.yaml", "OPS1", "--choice", "OPS1_no"}, `OPS1_no: "None of these" has nothing to adopt; pick a practice not yet ticked: OPS1_budget, OPS1_nfr`},
		{[]string{"action", "add", "r.yaml", "OPS1", "--due", "31/12/2026"}, `due date "31/12/2026" is not a date like 2026-12-31`},
		{[]string{"action", "add", "r.yaml", "OPS1", "--choice", "OPS1_budget"}, "OPS1_budget of OPS1: an open action adopts the practice already (A1, open)"},
		{[]string{"action", "add", "r.yaml", "OPS1", "--due", "2026-02-30"}, "is not a date"},
		{[]string{"action", "add", "r.yaml", "OPS1", "--due", "0000-01-01"}, `due date "0000-01-01" is before 1970: give a date like 2026-12-31`},
		{[]string{"action", "set", "r.yaml", "A1", "--due", "1969-12-31"}, "is before 1970"},
		{[]string{"action", "set", "r.yaml", "A9", "--status", "done"}, `no such action "A9"; the review has: A1, A2`},
		{[]string{"action", "set", "r.yaml", "A1", "--status", "finished"}, "use open, in-progress, done, accepted-risk"},
		{[]string{"action", "set", "r.yaml", "A1", "--status", "accepted-risk"}, "accepting a risk needs a reason"},
		{[]string{"action", "set", "r.yaml", "A1"}, "nothing to change"},
		{[]string{"action", "set", "r.yaml", "A1", "--due", "soon"}, "is not a date"},
	} {
		code, _, errOut := wafrIn(t, c.args...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}

	// Every status transition.
	for _, step := range []struct {
		args []string
		want string
	}{
		{[]string{"--status", "in-progress"}, "status open -> in-progress"},
		{[]string{"--status", "done"}, "status in-progress -> done"},
		{[]string{"--status", "open"}, "status done -> open"}, // reopened
		{[]string{"--status", "accepted-risk", "--reason", "Costs more than the risk"}, `status open -> accepted-risk; reason (none) -> "Costs more than the risk"`},
		{[]string{"--status", "in-progress"}, `status accepted-risk -> in-progress; reason "Costs more than the risk" -> (none)`}, // no longer accepted
	} {
		out := mustRun(t, append([]string{"action", "set", "r.yaml", "A1", "--by", "carol"}, step.args...)...)
		if out != "A1: "+step.want+"\n" {
			t.Errorf("set %v: %q", step.args, out)
		}
	}
	mustRun(t, "action", "set", "r.yaml", "A1", "--owner", "dan", "--due", "", "--notes", "handed over")
	r, _ = review.Load("r.yaml")
	if a := r.Action("A1"); a.Owner != "dan" || a.Due != "" || a.Notes != "handed over" || a.UpdatedBy == "" || a.Reason != "" {
		t.Errorf("A1 after edits: %+v", a)
	}
}

func TestActionAllHigh(t *testing.T) {
	actionFixture(t) // HIGH: OPS2 (none ticked: 7 practices), OPS5 (roles ticked: 5 practices left)
	out := mustRun(t, "action", "add", "--all-high", "r.yaml", "--owner", "platform", "--due", "2027-03-31")
	if !strings.HasSuffix(out, "12 actions added\n") || !strings.Contains(out, "A1 added for OPS2: The workload emits metrics") {
		t.Fatalf("all-high:\n%s", out)
	}
	r, _ := review.Load("r.yaml")
	for _, a := range r.Actions {
		if a.Owner != "platform" || a.Due != "2027-03-31" || a.QuestionID == "OPS1" || a.ChoiceID == "OPS5_roles" || strings.HasSuffix(a.ChoiceID, "_no") {
			t.Errorf("unexpected action %+v", a)
		}
	}
	// Idempotent: practices with an open action are skipped.
	if out := mustRun(t, "action", "add", "--all-high", "r.yaml", "--owner", "platform"); out != "0 actions added\n" {
		t.Errorf("second run: %q", out)
	}
	if code, _, errOut := wafrIn(t, "action", "add", "--all-high", "r.yaml", "OPS1"); code != 2 || !strings.Contains(errOut, "with --all-high, give only the review file") {
		t.Errorf("--all-high with a question: %d %q", code, errOut)
	}
}

func TestActionListAndGates(t *testing.T) {
	actionFixture(t)
	mustRun(t, "action", "add", "r.yaml", "OPS2", "--choice", "OPS2_telemetry", "--owner", "alice", "--due", "2026-11-01") // overdue on 2026-11-25
	mustRun(t, "action", "add", "r.yaml", "OPS2", "--choice", "OPS2_pipeline", "--owner", "bob", "--due", "2026-12-31")
	mustRun(t, "action", "add", "r.yaml", "OPS5", "--choice", "OPS5_customers", "--owner", "alice")
	mustRun(t, "answer", "r.yaml", "OPS5", "--select", "OPS5_roles,OPS5_customers") // A3's practice is now ticked
	mustRun(t, "answer", "s.yaml", "OPS1", "--none", "--workload", "Search")
	mustRun(t, "action", "add", "s.yaml", "OPS1", "--choice", "OPS1_slo", "--owner", "alice", "--due", "2026-10-01")
	mustRun(t, "action", "set", "s.yaml", "A1", "--status", "done")

	out := mustRun(t, "action", "list", "r.yaml", "s.yaml")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "WORKLOAD  ID  STATUS") || !strings.Contains(lines[1], "2026-11-01 overdue") {
		t.Fatalf("list:\n%s", out)
	}
	if !strings.Contains(lines[3], "(practice ticked: can be closed)") || !strings.HasPrefix(lines[4], "Search") {
		t.Errorf("list:\n%s", out)
	}
	count := func(args ...string) int {
		out := mustRun(t, append([]string{"action", "list", "--format", "json"}, args...)...)
		var v struct{ Actions []map[string]any }
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		return len(v.Actions)
	}
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"r.yaml", "s.yaml", "--owner", "alice"}, 3},
		{[]string{"r.yaml", "s.yaml", "--status", "open"}, 3},
		{[]string{"r.yaml", "s.yaml", "--status", "done"}, 1},
		{[]string{"r.yaml", "s.yaml", "--overdue"}, 1}, // s.yaml's past-due action is done
		{[]string{"r.yaml", "s.yaml", "--stale"}, 1},
	} {
		if got := count(c.args...); got != c.want {
			t.Errorf("list %v: %d, want %d", c.args, got, c.want)
		}
	}
	if out := mustRun(t, "action", "list", "r.yaml", "--format", "md"); !strings.Contains(out, "- [ ] **A1** The workload emits metrics") ||
		!strings.Contains(out, "due 2026-11-01 (**overdue**)") {
		t.Errorf("md:\n%s", out)
	}
	if out := mustRun(t, "action", "list", "r.yaml", "--format", "csv"); !strings.HasPrefix(out, "workload,file,id,question,choice") {
		t.Errorf("csv:\n%s", out)
	}

	// The summary counts them and --fail-on overdue gates on them.
	if out := mustRun(t, "summary", "r.yaml"); !strings.Contains(out, "actions: 3 open (1 overdue), 0 done, 0 accepted as risk") {
		t.Errorf("summary:\n%s", out)
	}
	if code, _, errOut := wafrIn(t, "summary", "r.yaml", "s.yaml", "--fail-on", "overdue"); code != 1 || errOut != "1 action overdue (--fail-on overdue)\n" {
		t.Errorf("fail-on overdue: %d %q", code, errOut)
	}
	// Several checks: each that fails is named, in the order given.
	if code, _, errOut := wafrIn(t, "summary", "r.yaml", "--fail-on", "overdue,high"); code != 1 ||
		!strings.HasPrefix(errOut, "1 action overdue (--fail-on overdue)\n") || !strings.Contains(errOut, " at HIGH risk (--fail-on high)\n") {
		t.Errorf("fail-on overdue,high: %d %q", code, errOut)
	}
	mustRun(t, "action", "set", "r.yaml", "A1", "--status", "done")
	if code, _, _ := wafrIn(t, "summary", "r.yaml", "s.yaml", "--fail-on", "overdue"); code != 0 {
		t.Errorf("fail-on overdue with nothing overdue: %d", code)
	}
	// The plan shows them as a task list.
	if out := mustRun(t, "report", "r.yaml"); !strings.Contains(out, "- [x] **A1** The workload emits metrics") {
		t.Errorf("plan:\n%s", out)
	}
}

func TestActionsAcrossMilestones(t *testing.T) {
	actionFixture(t)
	mustRun(t, "action", "add", "r.yaml", "OPS2", "--choice", "OPS2_telemetry", "--owner", "alice")
	mustRun(t, "action", "add", "r.yaml", "OPS2", "--choice", "OPS2_pipeline", "--owner", "bob")
	mustRun(t, "milestone", "r.yaml", "q3")
	mustRun(t, "action", "set", "r.yaml", "A1", "--status", "done")
	mustRun(t, "action", "set", "r.yaml", "A2", "--status", "accepted-risk", "--reason", "later")
	mustRun(t, "action", "add", "r.yaml", "OPS1", "--choice", "OPS1_budget", "--owner", "carol")
	mustRun(t, "answer", "r.yaml", "OPS2", "--select", "OPS2_telemetry")
	out := mustRun(t, "diff", "r.yaml@q3", "r.yaml")
	for _, want := range []string{"Actions (3)", "A1  The workload emits metrics, logs and traces that show what users experience: completed (open -> done)",
		"A2  Builds, tests and deployments run through an automated, repeatable pipeline: risk accepted (open -> accepted-risk)",
		"A3  An error budget, agreed as a number, decides how fast changes ship: opened"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	// An open action whose practice is ticked since is offered as done.
	mustRun(t, "action", "add", "r.yaml", "OPS5", "--choice", "OPS5_customers")
	mustRun(t, "milestone", "r.yaml", "q4")
	mustRun(t, "answer", "r.yaml", "OPS5", "--select", "OPS5_roles,OPS5_customers")
	if out := mustRun(t, "diff", "r.yaml@q4", "r.yaml"); !strings.Contains(out, "can be closed: OPS5_customers is ticked now (wafr action set r.yaml A4 --status done)") {
		t.Errorf("closable action not offered:\n%s", out)
	}
	out = mustRun(t, "history", "r.yaml")
	if !strings.Contains(out, "q3") || !strings.Contains(out, "2/0/0") || !strings.Contains(out, "2/1/1") {
		t.Errorf("history does not count actions:\n%s", out)
	}
}

// Regressions found in review: each case below once went wrong.
func TestReviewFindings(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "answer", "r.yaml", "OPS1", "--none", "--workload", "W")

	// Milestones named like numbers (in files from before such names were
	// refused): history takes each by position.
	mustRun(t, "milestone", "r.yaml", "two")
	mustRun(t, "answer", "r.yaml", "OPS2", "--none")
	mustRun(t, "milestone", "r.yaml", "one")
	data, err := os.ReadFile("r.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.NewReplacer("name: two", `name: "2"`, "name: one", `name: "1"`).Replace(string(data)))
	if err := os.WriteFile("r.yaml", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := wafrIn(t, "milestone", "r.yaml", "3"); code != 2 || !strings.Contains(errOut, `"3" is a number, and FILE@3 means milestone number 3`) {
		t.Errorf("milestone 3: exit %d %q", code, errOut)
	}
	out := mustRun(t, "history", "r.yaml")
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[3], " 2 ") || !strings.Contains(lines[3], "1/6") || !strings.Contains(lines[4], "2/6") {
		t.Errorf("history mixes up milestones named 2 and 1:\n%s", out)
	}

	// --select: empty is a usage error; a repeated id ticks it once.
	if code, _, errOut := wafrIn(t, "answer", "r.yaml", "OPS3", "--select", ""); code != 2 || !strings.Contains(errOut, "--select needs choice ids") {
		t.Errorf("--select \"\": %d %q", code, errOut)
	}
	if out := mustRun(t, "answer", "r.yaml", "OPS3", "--select", "OPS3_recovery,OPS3_recovery"); !strings.Contains(out, "UNANSWERED -> HIGH") {
		t.Errorf("--select a,a: %q", out)
	}

	// -o never overwrites the file being read.
	for _, args := range [][]string{{"report", "r.yaml", "-o", "r.yaml"}, {"export", "aws-answers", "r.yaml", "--workload-id", "w", "--lens-alias", "l", "-o", "./r.yaml"}} {
		before, _ := os.ReadFile("r.yaml")
		if code, _, errOut := wafrIn(t, args...); code != 2 || !strings.Contains(errOut, "is the file being read") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
		if after, _ := os.ReadFile("r.yaml"); string(after) != string(before) {
			t.Errorf("%v overwrote the review", args)
		}
	}

	// After the lens changes, a milestone records the lens it was taken with.
	os.WriteFile("lens.yaml", []byte(strings.Replace(mustRun(t, "lens", "export", "builtin:ops", "--yaml"), "version: 1.0.0", "version: 1.1.0", 1)), 0o644)
	mustRun(t, "answer", "s.yaml", "OPS1", "--none", "--lens", "lens.yaml", "--workload", "S")
	os.WriteFile("lens.yaml", []byte(strings.Replace(mustRun(t, "lens", "export", "builtin:ops", "--yaml"), "version: 1.0.0", "version: 1.2.0", 1)), 0o644)
	mustRun(t, "milestone", "s.yaml", "after the edit")
	r, _ := review.Load("s.yaml")
	if m := r.Milestone("after the edit"); m == nil || m.Lens.Version != "1.2.0" {
		t.Errorf("milestone lens %+v", m.Lens)
	}
	if out := mustRun(t, "history", "s.yaml"); strings.Contains(out, "*") {
		t.Errorf("the milestone is not scored with its lens:\n%s", out)
	}

	// Answers the lens no longer has are counted alike everywhere.
	os.WriteFile("small.yaml", []byte(strings.Replace(mustRun(t, "lens", "export", "builtin:ops", "--yaml"), "      - id: OPS6\n", "      - id: OPS6X\n", 1)), 0o644)
	mustRun(t, "answer", "o.yaml", "OPS6", "--none", "--lens", "builtin:ops", "--workload", "O")
	mustRun(t, "answer", "o.yaml", "OPS1", "--none", "--lens", "small.yaml")
	mustRun(t, "milestone", "o.yaml", "m")
	sum := mustRun(t, "summary", "o.yaml")
	hist := mustRun(t, "history", "o.yaml")
	if !strings.Contains(sum, "answered 1 of 6") || !strings.Contains(hist, "1/6") || strings.Contains(hist, "2/") {
		t.Errorf("summary and history disagree:\n%s\n%s", sum, hist)
	}
}
