package main

import (
	"fmt"
	"iter"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/cobra"

	"github.com/wafr-dev/wafr/internal/atomicfile"
	"github.com/wafr-dev/wafr/internal/filelock"
	"github.com/wafr-dev/wafr/review"
	"github.com/wafr-dev/wafr/workspace"
)

// The README is a test (issue 18), so that it cannot drift from wafr again.
//
//   - TestReadmeCommands runs every line of every ```sh block, in README
//     order, in one testscript sandbox, as a reader would type them (each
//     line through sh -c, so pipes, redirections and "$VAR" work). A plain
//     ``` block right after an sh block (or after one sentence ending in
//     ":") is what that block's last command prints, compared exactly.
//   - A line that cannot run as written is named in readmeNotRun by its
//     exact text with the reason; the TUI commands (wafr review, wafr serve)
//     run without a terminal and must stop at saying they need one, after
//     reading their arguments. So a new README command that does not run
//     fails this test until someone decides what to do with it.
//   - The screens the TUI commands draw are checked in tmux, at the size the
//     README shows them: TestReadmeQuickStartScreen, TestReadmeServeBanner.
//   - TestReadmeCommandTable checks the command table and every `wafr ...`
//     code span in the prose against wafr's commands, flags and values.
//   - TestReadmeMainCommandLeavesGitClean: review.yaml written by the
//     README's main command in the repository is ignored by git.

const readmePath = "../../README.md"

// readmeNow is the clock of every wafr the README's commands run (the
// summary shows the day of the last change); it is the day of the README's
// review file sample.
const readmeNow = "2026-11-25T10:00:00Z"

// scriptStreams are the streams of the wafr command in test scripts: the
// real ones, on a fixed clock when WAFR_TEST_NOW (RFC 3339) is set.
func scriptStreams() *ioStreams {
	s := newSystemStreams()
	if v := os.Getenv("WAFR_TEST_NOW"); v != "" {
		now, err := time.Parse(time.RFC3339, v)
		if err != nil {
			fmt.Fprintf(os.Stderr, "WAFR_TEST_NOW: %v\n", err)
			os.Exit(exitBadInput)
		}
		s.Now = func() time.Time { return now }
	}
	return s
}

// readmeNotRun names, by exact text, the README commands that this test
// does not run, with the reason.
func readmeNotRun() map[string]string {
	return map[string]string{
		"go run ./cmd/wafr review": "the TUI built from source, in the repository; TestReadmeMainCommandLeavesGitClean " +
			"runs its non-interactive equivalent (wafr answer review.yaml) in a git repository with the project's .gitignore",
		"go test ./...":         "the test suite this test is part of",
		"go install ./cmd/wafr": "it would install into the user's GOPATH/bin; here wafr is this test binary, on PATH",
	}
}

// readmeTUI says whether a command is the TUI, which needs a terminal.
// Without one it must refuse with this message, after checking its
// arguments (wafr review also loads the file and the lens first).
func readmeTUI(key string) bool {
	return key == "wafr review" || strings.HasPrefix(key, "wafr review ") || strings.HasPrefix(key, "wafr serve ")
}

const readmeNeedsTerminal = `^wafr (review needs a terminal|serve runs your own review in this terminal)`

// readmeScreens names the test that checks the output block of a TUI
// command, keyed by the command's exact text.
func readmeScreens() map[string]string {
	return map[string]string{
		"wafr review payments.yaml":                 "TestReadmeQuickStartScreen",
		"wafr serve payments.yaml --team team.keys": "TestReadmeServeBanner",
	}
}

// readmeBefore gives, by the command's exact text, script lines run before
// it: what the command needs that no earlier README command makes.
func readmeBefore() map[string][]string {
	return map[string][]string{
		"wafr diff old.yaml review.yaml --fail-on-regression": {
			"# old.yaml is an earlier state of the review: the test takes it from git.",
			"exec sh -c 'git show HEAD~1:review.yaml > old.yaml'",
		},
	}
}

// readmeAfter gives, by the command's exact text, checks run after it: what
// the README says it does beyond what it prints.
func readmeAfter() map[string][]string {
	return map[string][]string{
		`wafr export aws-answers review.yaml --workload-id "$WL" --lens-alias "$LENS" | while IFS= read -r a; do aws wellarchitected update-answer --cli-input-json "$a"; done`: {
			"# The answers reached the AWS CLI, as update-answer calls.",
			"exec cat $WORK/aws-calls",
			`stdout '^wellarchitected update-answer --cli-input-json \{"WorkloadId":"wl-0123456789abcdef","LensAlias":"arn:aws:wellarchitected:eu-west-1:123456789012:lens/0123456789abcdef","QuestionId":"OPS1",'`,
			`stdout '"QuestionId":"OPS3","SelectedChoices":\[\],"IsApplicable":false,"Reason":"OUT_OF_SCOPE"'`,
		},
		"git config diff.wafr.textconv 'wafr summary --format lines'": {
			"# git diff now shows risks: a changed answer reads as its risk line.",
			"exec wafr answer review.yaml OPS4 --none",
			"exec git diff review.yaml",
			`stdout '^\+operationalExcellence/OPS4  HIGH  \[OPS4_no\]$'`,
		},
	}
}

// readmePrelude starts the script: what the README's commands assume
// without making it: the ECS lens (testdata's fixture of the ECS lens's
// quirks) and the services/*/review.yaml of the portfolio commands. The
// sandbox is a folder named payments (the default workload name) in a git
// repository; the test commits after every block, as a reader keeping the
// review in git would ("git show HEAD~3:review.yaml" needs a history).
const readmePrelude = `# The README's command examples, in order (generated by readme_test.go).
exec git init -q
cp $FIXTURES/aws/no-default-precedence.json Amazon_ECS_Lens.json
mkdir services/checkout services/search
exec wafr answer services/checkout/review.yaml OPS1 --select OPS1_users,OPS1_slo,OPS1_downtime --workload Checkout
exec wafr answer services/search/review.yaml OPS2 --none --workload Search
exec git add -A
exec git commit -q -m 'before the README'
`

// awsStub stands in for the AWS CLI: it records each call and answers
// list-answers and get-workload with the project's fixtures.
const awsStub = `#!/bin/sh
echo "$*" >> "$WORK/aws-calls"
case "$2" in
update-answer) ;;
list-answers) cat "$FIXTURES/aws/list-answers-ops.json" ;;
get-workload) cat "$FIXTURES/aws/get-workload.json" ;;
*) echo "aws stub: 'aws $*' is not faked: teach the stub in readme_test.go" >&2; exit 1 ;;
esac
`

func TestReadmeCommands(t *testing.T) {
	fixtures, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	archive := readmeScript(t, readmeFences(t))
	script := filepath.Join(t.TempDir(), "readme.txtar")
	if err := os.WriteFile(script, txtar.Format(archive), 0o644); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Files:           []string{script},
		ContinueOnError: true, // report every drift at once
		Setup: func(env *testscript.Env) error {
			bin := filepath.Join(env.WorkDir, "bin")
			if err := os.MkdirAll(bin, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(bin, "aws"), []byte(awsStub), 0o755); err != nil {
				return err
			}
			env.Cd = filepath.Join(env.WorkDir, "payments")
			if err := os.Mkdir(env.Cd, 0o755); err != nil {
				return err
			}
			for _, kv := range [][2]string{
				{"PATH", bin + string(filepath.ListSeparator) + env.Getenv("PATH")},
				{"FIXTURES", fixtures},
				{"WAFR_TEST_NOW", readmeNow},
				{"USER", "tester"},
				{"GIT_CONFIG_GLOBAL", os.DevNull},
				{"GIT_CONFIG_NOSYSTEM", "1"},
				{"GIT_AUTHOR_NAME", "tester"}, {"GIT_AUTHOR_EMAIL", "tester@example.com"},
				{"GIT_COMMITTER_NAME", "tester"}, {"GIT_COMMITTER_EMAIL", "tester@example.com"},
				// The AWS section's workload id and lens alias.
				{"WL", "wl-0123456789abcdef"},
				{"LENS", "arn:aws:wellarchitected:eu-west-1:123456789012:lens/0123456789abcdef"},
			} {
				env.Setenv(kv[0], kv[1])
			}
			return nil
		},
	})
}

// readmeScript turns the README's sh blocks into one testscript, with the
// output blocks as files of the archive.
func readmeScript(t *testing.T, fences []fence) *txtar.Archive {
	t.Helper()
	notRun, screens, before, after := readmeNotRun(), readmeScreens(), readmeBefore(), readmeAfter()
	used := map[string]bool{}
	var b strings.Builder
	b.WriteString(readmePrelude)
	archive := &txtar.Archive{}
	for i, f := range fences {
		if f.info != "sh" {
			continue
		}
		cmds := commandsOf(f)
		if len(cmds) == 0 {
			t.Errorf("README.md:%d: an sh block without a command", f.line)
			continue
		}
		for _, c := range cmds {
			fmt.Fprintf(&b, "\n# README.md:%d: %s\n", c.line, c.key)
			for _, l := range before[c.key] {
				b.WriteString(l + "\n")
			}
			used[c.key] = true
			switch reason, skip := notRun[c.key]; {
			case skip:
				fmt.Fprintf(&b, "# not run: %s\n", reason)
			case readmeTUI(c.key):
				fmt.Fprintf(&b, "! exec sh -c %s\nstderr %s\n", scriptQuote(c.text), scriptQuote(readmeNeedsTerminal))
			default:
				fmt.Fprintf(&b, "exec sh -c %s\n", scriptQuote(c.text))
			}
			for _, l := range after[c.key] {
				b.WriteString(l + "\n")
			}
		}
		if out, ok := outputOf(fences, i); ok {
			last := cmds[len(cmds)-1]
			if test, ok := screens[last.key]; ok {
				fmt.Fprintf(&b, "# README.md:%d, what it draws: checked by %s\n", out.line, test)
			} else if _, skip := notRun[last.key]; skip || readmeTUI(last.key) {
				t.Errorf("README.md:%d: the output of %q is not checked: the command does not run here; check it in a test named in readmeScreens", out.line, last.key)
			} else {
				name := fmt.Sprintf("README.md-%d", out.line)
				archive.Files = append(archive.Files, txtar.File{Name: name, Data: []byte(strings.Join(out.lines, "\n") + "\n")})
				fmt.Fprintf(&b, "cmp stdout $WORK/%s\n", name)
			}
		}
		fmt.Fprintf(&b, "exec git add -A\nexec git commit -q --allow-empty -m 'README.md:%d'\n", f.line)
	}
	for _, named := range []iter.Seq[string]{maps.Keys(notRun), maps.Keys(screens), maps.Keys(before), maps.Keys(after)} {
		for k := range named {
			if !used[k] {
				t.Errorf("readme_test.go names %q, which is no longer a README command", k)
			}
		}
	}
	archive.Comment = []byte(b.String())
	return archive
}

// scriptQuote quotes s as one testscript word: single quotes, which also
// stop testscript from expanding $VARIABLES (sh does that).
func scriptQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// fence is a fenced code block of the README.
type fence struct {
	line  int    // the line of its opening ```
	info  string // "sh", "yaml", or "" for a plain block
	lines []string
	lead  string // the prose between the previous block and this one
}

func readmeFences(t *testing.T) []fence {
	t.Helper()
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	var out []fence
	var lead []string
	var cur *fence
	for i, l := range strings.Split(string(data), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(l, "```"):
			cur = &fence{line: i + 1, info: strings.TrimSpace(strings.TrimPrefix(l, "```")), lead: strings.TrimSpace(strings.Join(lead, "\n"))}
			lead = nil
		case cur != nil && strings.TrimSpace(l) == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, l)
		default:
			lead = append(lead, l)
		}
	}
	if cur != nil {
		t.Fatalf("README.md:%d: a ``` block is never closed", cur.line)
	}
	return out
}

// outputOf returns the output block of fences[i], an sh block: the next
// block, when it is plain and nothing but one sentence ending in ":"
// stands between them.
func outputOf(fences []fence, i int) (fence, bool) {
	if i+1 >= len(fences) || fences[i+1].info != "" {
		return fence{}, false
	}
	lead := fences[i+1].lead
	if lead == "" || !strings.Contains(lead, "\n\n") && strings.HasSuffix(lead, ":") {
		return fences[i+1], true
	}
	return fence{}, false
}

// readmeCmd is one command of an sh block.
type readmeCmd struct {
	line int    // where it starts in the README
	text string // what sh runs: its lines joined, its comment dropped
	key  string // text with runs of spaces as one: how this test names it
}

// commandsOf splits an sh block into commands: a line ending in "|", "&&",
// "||" or "\" goes on on the next one; comments are dropped.
func commandsOf(f fence) []readmeCmd {
	var out []readmeCmd
	var cur []string
	start := 0
	for i, l := range f.lines {
		code := strings.TrimSpace(dropComment(l))
		if code == "" && len(cur) == 0 {
			continue
		}
		if len(cur) == 0 {
			start = f.line + 1 + i
		}
		if cont, ok := strings.CutSuffix(code, `\`); ok {
			cur = append(cur, strings.TrimSpace(cont))
			continue
		}
		cur = append(cur, code)
		if strings.HasSuffix(code, "|") || strings.HasSuffix(code, "&&") {
			continue
		}
		text := strings.Join(cur, " ")
		out = append(out, readmeCmd{line: start, text: text, key: strings.Join(strings.Fields(text), " ")})
		cur = nil
	}
	return out
}

// dropComment cuts a shell comment off a line: a # that starts a word,
// outside quotes.
func dropComment(line string) string {
	var quote rune
	for i, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i]
		}
	}
	return line
}

// readmeCommand finds a command of the README's sh blocks by its exact
// text, with the output its block shows (ok false if none).
func readmeCommand(t *testing.T, key string) (cmd readmeCmd, out fence, ok bool) {
	t.Helper()
	fences := readmeFences(t)
	for i, f := range fences {
		if f.info != "sh" {
			continue
		}
		for _, c := range commandsOf(f) {
			if c.key == key {
				out, ok := outputOf(fences, i)
				return c, out, ok
			}
		}
	}
	t.Fatalf("the README has no command %q: update readme_test.go", key)
	return readmeCmd{}, fence{}, false
}

// TestReadmeCommandTable checks the README's command table and the `wafr
// ...` code spans of its prose against wafr itself: every command exists
// and is in the table, every flag shown exists, and every list of values
// shown (--format text|md|json) is the list wafr accepts and completes.
func TestReadmeCommandTable(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	io, _, _ := testStreams()
	root := newRootCmd(io)
	listed := map[*cobra.Command]map[string][]string{} // the table's value lists, per command and flag
	var prose []string
	inFence, inTable := false, false
	for i, l := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(l, "```"):
			inFence = !inFence
		case inFence:
		case strings.HasPrefix(l, "| command |"):
			inTable = true
		case inTable && strings.HasPrefix(l, "| `"):
			cell := strings.SplitN(strings.ReplaceAll(l, `\|`, "\x00"), "|", 3)[1]
			for _, span := range codeSpans(strings.ReplaceAll(cell, "\x00", "|")) {
				if !strings.HasPrefix(span, "wafr ") {
					span = "wafr " + span // "action add --all-high FILE" after a span naming wafr action add
				}
				cmd, flags, err := synopsis(root, span)
				if err != nil {
					t.Errorf("README.md:%d: `%s`: %v", i+1, span, err)
					continue
				}
				if listed[cmd] == nil {
					listed[cmd] = map[string][]string{}
				}
				for name, values := range flags {
					if len(values) > 1 { // a list; one word is a placeholder (FILE) or an example
						listed[cmd][name] = values
					}
				}
			}
		case strings.HasPrefix(l, "|"):
		default:
			inTable = false
			prose = append(prose, l)
		}
	}
	if len(listed) == 0 {
		t.Fatal("no command table in the README")
	}

	// Every list of values is what wafr completes for that flag.
	for cmd, flags := range listed {
		for name, values := range flags {
			if want := completions(cmd, name); !slices.Equal(sorted(values), sorted(want)) {
				t.Errorf("the table lists %s --%s %s; wafr takes %s", cmd.CommandPath(), name, strings.Join(values, "|"), strings.Join(want, "|"))
			}
		}
	}
	// Every command is in the table.
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Runnable() && !sub.Hidden && !sub.HasSubCommands() {
				if _, ok := listed[sub]; !ok {
					t.Errorf("%s is not in the README's command table", sub.CommandPath())
				}
			}
			walk(sub)
		}
	}
	walk(root)

	// Code spans in the prose name real commands, flags and values.
	for _, span := range codeSpans(strings.Join(prose, " ")) {
		if !strings.HasPrefix(span, "wafr ") {
			continue
		}
		cmd, flags, err := synopsis(root, span)
		if err != nil {
			t.Errorf("README: `%s`: %v", span, err)
			continue
		}
		for name, values := range flags {
			allowed := listed[cmd][name]
			for _, v := range values {
				if allowed != nil && !slices.Contains(allowed, v) {
					t.Errorf("README: `%s`: %s --%s takes %s, not %s", span, cmd.CommandPath(), name, strings.Join(allowed, "|"), v)
				}
			}
		}
	}
}

// codeSpans returns the `code spans` of Markdown text.
func codeSpans(s string) []string {
	var out []string
	for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(s, -1) {
		out = append(out, strings.Join(strings.Fields(m[1]), " "))
	}
	return out
}

// synopsis reads a README synopsis such as "wafr summary FILE...
// [--format text|md] [-o OUT]": the command it names, and each flag it
// shows with the values it shows for it (a|b|c, or one value).
func synopsis(root *cobra.Command, s string) (*cobra.Command, map[string][]string, error) {
	words := strings.Fields(strings.NewReplacer("[", " ", "]", " ", "…", " ").Replace(s))
	cmd, i := root, 1
	for ; i < len(words); i++ {
		if words[i] == "help" && cmd == root && i+1 < len(words) {
			if c, _, err := root.Find(words[i+1 : i+2]); err != nil || c == root {
				return nil, nil, fmt.Errorf("no command or help topic %q", words[i+1])
			}
			return root, nil, nil
		}
		next := findCommand(cmd, words[i])
		if next == nil {
			break
		}
		cmd = next
	}
	if cmd == root {
		return nil, nil, fmt.Errorf("no such command")
	}
	flags := map[string][]string{}
	for ; i < len(words); i++ {
		if !strings.HasPrefix(words[i], "-") {
			continue // an argument, a placeholder, or a "|" between alternatives
		}
		for _, alt := range strings.Split(words[i], "|") {
			name, value, hasValue := strings.Cut(strings.TrimLeft(alt, "-"), "=")
			f := cmd.Flag(name)
			if len(name) == 1 {
				f = cmd.Flags().ShorthandLookup(name)
			}
			if f == nil {
				return nil, nil, fmt.Errorf("%s has no flag %s", cmd.CommandPath(), alt)
			}
			var values []string
			switch {
			case hasValue:
				values = []string{value}
			case f.Value.Type() != "bool" && f.NoOptDefVal == "" && i+1 < len(words) && !strings.HasPrefix(words[i+1], "-"):
				i++
				values = strings.Split(words[i], "|")
			}
			flags[f.Name] = values
		}
	}
	return cmd, flags, nil
}

func findCommand(parent *cobra.Command, name string) *cobra.Command {
	for _, c := range parent.Commands() {
		if c.Name() == name && (c.Runnable() || c.HasSubCommands()) {
			return c
		}
	}
	return nil
}

// completions are the values wafr completes for a flag, without their
// descriptions.
func completions(cmd *cobra.Command, flag string) []string {
	f, ok := cmd.GetFlagCompletionFunc(flag)
	if !ok {
		return nil
	}
	values, _ := f(cmd, nil, "")
	var out []string
	for _, v := range values {
		out = append(out, strings.SplitN(v, "\t", 2)[0])
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestReadmeMainCommandLeavesGitClean: the README's main command, run in
// the repository, writes review.yaml there (the TUI's default file) and,
// while it saves or when it must set answers aside, a lock, a temporary and
// FILE.wafr-unsaved files beside it. With the project's .gitignore, git
// status stays clean; a review file anywhere else is still seen, since
// review files are meant to be committed. Its non-interactive equivalent,
// wafr answer, writes the same file.
func TestReadmeMainCommandLeavesGitClean(t *testing.T) {
	const main = "go run ./cmd/wafr review"
	if _, _, ok := readmeCommand(t, main); ok {
		t.Fatalf("%q shows an output block: check it", main)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	ignore, err := os.ReadFile(filepath.Join("..", "..", ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), ignore, 0o644); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=tester", "GIT_AUTHOR_EMAIL=tester@example.com", "GIT_COMMITTER_NAME=tester", "GIT_COMMITTER_EMAIL=tester@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	git("add", ".gitignore")
	git("commit", "-q", "-m", "the project's .gitignore")

	file := filepath.Join(dir, "review.yaml")
	wafr := func(args ...string) {
		t.Helper()
		io, _, errOut := testStreams()
		if code := run(args, io); code != 0 {
			t.Fatalf("wafr %v: exit %d\n%s", args, code, errOut)
		}
	}
	wafr("answer", file, "OPS1", "--select", "OPS1_users,OPS1_slo", "--notes", "SLOs exist for checkout only.")
	wafr("answer", file, "OPS3", "--not-applicable", "OUT_OF_SCOPE")
	// A save killed between writing its temporary and renaming it leaves
	// the temporary until the next save.
	temp := filepath.Join(dir, strings.TrimSuffix(atomicfile.TempPattern(file), "*")+"0123456789ab")
	if err := os.WriteFile(temp, []byte("wafr: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Answers that could not be saved go beside the file.
	r, err := review.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	ws := workspace.New()
	for range 2 {
		if _, err := ws.SetAside(file, r); err != nil {
			t.Fatal(err)
		}
	}
	release, err := filelock.Lock(file, time.Second) // as during a save
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	names, _ := filepath.Glob(filepath.Join(dir, "*review.yaml*"))
	dots, _ := filepath.Glob(filepath.Join(dir, ".*review.yaml*"))
	if len(names)+len(dots) < 6 {
		t.Fatalf("expected review.yaml, two set-aside files, a temporary and a lock; found %v %v", names, dots)
	}
	if st := git("status", "--porcelain", "--untracked-files=all"); st != "" {
		t.Errorf("git status in the repository after the README's main command:\n%s", st)
	}

	// Review files elsewhere are not ignored.
	if err := os.MkdirAll(filepath.Join(dir, "services", "payments"), 0o755); err != nil {
		t.Fatal(err)
	}
	wafr("answer", filepath.Join(dir, "services", "payments", "review.yaml"), "OPS1", "--none")
	if st := git("status", "--porcelain", "--untracked-files=all"); st != "?? services/payments/review.yaml\n" {
		t.Errorf("a review in a subfolder should show in git status, to be committed; git status:\n%s", st)
	}
}

// TestReadmeLayout: the README's Layout block names folders that exist,
// and every Go package of the module.
func TestReadmeLayout(t *testing.T) {
	var layout *fence
	for _, f := range readmeFences(t) {
		if strings.HasSuffix(f.lead, "## Layout") {
			layout = &f
		}
	}
	if layout == nil {
		t.Fatal("the README has no Layout block")
	}
	root := filepath.Join("..", "..")
	listed := map[string]bool{}
	for i, l := range layout.lines {
		dir := strings.TrimSuffix(strings.Fields(l + " ")[0], "/")
		if st, err := os.Stat(filepath.Join(root, dir)); err != nil || !st.IsDir() {
			t.Errorf("README.md:%d: the Layout names %s/, which is not a folder", layout.line+1+i, dir)
		}
		listed[dir] = true
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if name := d.Name(); rel != "." && (strings.HasPrefix(name, ".") || name == "testdata") {
			return filepath.SkipDir
		}
		if gos, _ := filepath.Glob(filepath.Join(path, "*.go")); len(gos) > 0 && !listed[filepath.ToSlash(rel)] {
			t.Errorf("the README's Layout does not list the package %s/", filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReadmeGoVersion: the README names the Go release go.mod requires.
func TestReadmeGoVersion(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Go " + string(m[1]) + " or newer"; !strings.Contains(string(readme), want) {
		t.Errorf("the README should say %q (go.mod: go %s)", want, m[1])
	}
}

// TestReadmeReviewFile: the README's review file sample is what wafr
// writes: saved again by wafr answer (on the sample's date, by alice), it
// comes back byte for byte, its comments aside and "…" standing for the
// lens digest.
func TestReadmeReviewFile(t *testing.T) {
	var sample []string
	for _, f := range readmeFences(t) {
		if f.info == "yaml" && strings.Contains(f.lead, "## The review file") {
			sample = f.lines
		}
	}
	if sample == nil {
		t.Fatal(`the README has no yaml block under "The review file"`)
	}
	var want, in []string
	for _, l := range sample {
		l = strings.TrimRight(dropComment(l), " ")
		want = append(want, l)
		if !strings.Contains(l, "…") {
			in = append(in, l) // wafr fills in the digest
		}
	}
	file := filepath.Join(t.TempDir(), "review.yaml")
	if err := os.WriteFile(file, []byte(strings.Join(in, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	io, _, errOut := testStreams() // on 2026-11-25T10:00:00Z
	if code := run([]string{"answer", file, "OPS1", "--notes", "SLOs exist for checkout only.", "--by", "alice"}, io); code != 0 {
		t.Fatalf("wafr answer: exit %d\n%s", code, errOut)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !matchLines(want, strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")) {
		t.Errorf("the README's review file is not what wafr writes.\nREADME:\n%s\nwafr:\n%s", strings.Join(want, "\n"), got)
	}
}
