package watool

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

var t0 = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func opsLens(t *testing.T) *questions.Lens {
	t.Helper()
	l, err := questions.Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "aws", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestImportListAnswers(t *testing.T) {
	l := opsLens(t)
	r, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: fixture(t, "list-answers-ops.json"), GetWorkload: fixture(t, "get-workload.json"), By: "aws", Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if r.Workload != (review.Workload{Name: "Payments API", Environment: review.PreProduction, Owner: "123456789012"}) {
		t.Errorf("workload %+v", r.Workload)
	}
	res := r.Score(l)
	want := []questions.Risk{questions.MediumRisk, questions.HighRisk, questions.NotApplicable, questions.NoRisk, questions.Unanswered, questions.Unanswered}
	for i, q := range res.Pillars[0].Questions {
		if q.Risk != want[i] {
			t.Errorf("%s = %s, want %s", q.Question.ID, q.Risk, want[i])
		}
	}
	if a := r.Answers.Get("operationalExcellence", "OPS3"); a == nil || a.Reason != "BUSINESS_PRIORITIES" {
		t.Errorf("OPS3 = %+v", a)
	}
	// Nothing is dropped: the unknown question and choice are kept and reported.
	if a := r.Answers.Get("operationalExcellence", "OPS9"); a == nil || a.Risk != questions.MediumRisk {
		t.Errorf("OPS9 not kept: %+v", a)
	}
	if !strings.Contains(strings.Join(r.Answers.Get("operationalExcellence", "OPS4").Selected, ","), "OPS4_retired_choice") {
		t.Error("unknown choice dropped")
	}
	joined := strings.Join(warnings, "\n")
	for _, w := range []string{"operationalExcellence/OPS9 (A question from an older edition of the lens): not in the lens; kept", "choice OPS4_retired_choice is not in the lens; kept"} {
		if !strings.Contains(joined, w) {
			t.Errorf("no warning %q in:\n%s", w, joined)
		}
	}
}

func TestImportOnePageAndArrays(t *testing.T) {
	l := opsLens(t)
	pages := bytes.SplitN(fixture(t, "list-answers-ops.json"), []byte("\n}\n{"), 2)
	one := append(pages[0], []byte("\n}")...)
	r, _, err := ImportAnswers(l, ImportOptions{ListAnswers: one, Now: t0})
	if err != nil || len(r.Answers["operationalExcellence"]) != 3 {
		t.Fatalf("one page: %v %v", err, r)
	}
	if r.Workload.Name != "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4" {
		t.Errorf("without get-workload the name is the id: %q", r.Workload.Name)
	}
	arr := []byte("[" + string(one) + "]")
	if r, _, err := ImportAnswers(l, ImportOptions{ListAnswers: arr, Now: t0}); err != nil || len(r.Answers["operationalExcellence"]) != 3 {
		t.Errorf("array: %v", err)
	}
	for _, bad := range []struct{ doc, want string }{
		{"{\n  \"AnswerSummaries\": [,]\n}", "list-answers output:2:23: unexpected ',', expected a value"},
		{`{"Workloads": []}`, "no AnswerSummaries found"},
		{`{"AnswerSummaries": []}`, "list-answers output: AnswerSummaries holds no answers, so there is nothing to import"},
		{`[{"AnswerSummaries": []}, {"AnswerSummaries": []}]`, "AnswerSummaries holds no answers"},
		{`{"AnswerSummaries": "x"}`, "list-answers output:1:21: AnswerSummaries must be a list of answers [{...}, ...], found a string"},
	} {
		_, _, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(bad.doc), Now: t0})
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: got %v, want %q", bad.doc, err, bad.want)
		}
	}
}

func TestExportUpdateAnswerInputs(t *testing.T) {
	l := opsLens(t)
	r := review.New(l, review.Workload{Name: "w"})
	r.Update("operationalExcellence", "OPS1", "me", t0, func(a *review.Answer) {
		a.Selected = []string{"OPS1_users", "OPS1_gone"}
		a.Notes = strings.Repeat("é", MaxNotes+10)
	})
	r.Update("operationalExcellence", "OPS3", "me", t0, func(a *review.Answer) { a.NotApplicable, a.Reason = true, "OTHER" })
	r.Update("operationalExcellence", "OPS4", "me", t0, func(a *review.Answer) { a.Notes = "notes only: not an answer" })
	r.Update("old", "OLD1", "me", t0, func(a *review.Answer) { a.Selected = []string{"x"} })
	// Every tick gone from the lens: an empty answer would clear it in AWS.
	r.Update("operationalExcellence", "OPS5", "me", t0, func(a *review.Answer) { a.Selected = []string{"OPS5_gone", "OPS5_old"} })
	var b bytes.Buffer
	warnings, err := ExportAnswers(&b, r, l, ExportOptions{WorkloadID: "wl-1", LensAlias: "arn:lens"})
	if err != nil {
		t.Fatal(err)
	}
	var lines []map[string]any
	sc := bufio.NewScanner(&b)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not one JSON per line: %v", err)
		}
		lines = append(lines, m)
	}
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	first := lines[0]
	if first["WorkloadId"] != "wl-1" || first["LensAlias"] != "arn:lens" || first["QuestionId"] != "OPS1" || first["IsApplicable"] != true {
		t.Errorf("first %v", first)
	}
	if sel := first["SelectedChoices"].([]any); len(sel) != 1 || sel[0] != "OPS1_users" {
		t.Errorf("SelectedChoices %v", sel)
	}
	if n := len([]rune(first["Notes"].(string))); n != MaxNotes {
		t.Errorf("notes %d characters", n)
	}
	if second := lines[1]; second["IsApplicable"] != false || second["Reason"] != "OTHER" || second["QuestionId"] != "OPS3" {
		t.Errorf("second %v", second)
	}
	joined := strings.Join(warnings, "\n")
	for _, w := range []string{"notes cut from 2094 to 2084 characters", "choice OPS1_gone is not in the lens", "old/OLD1: not in the lens; not exported",
		"operationalExcellence/OPS5: none of its ticked choices is in the lens; not exported (it would clear the answer in AWS)"} {
		if !strings.Contains(joined, w) {
			t.Errorf("no warning %q in:\n%s", w, joined)
		}
	}
}

// Exported answers, imported again, give the same risks.
func TestExportImportRoundTrip(t *testing.T) {
	l := opsLens(t)
	orig, _, err := ImportAnswers(l, ImportOptions{ListAnswers: fixture(t, "list-answers-ops.json"), Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := ExportAnswers(&b, orig, l, ExportOptions{WorkloadID: "wl", LensAlias: "lens"}); err != nil {
		t.Fatal(err)
	}
	// Turn the update-answer inputs into a list-answers page, as AWS would.
	var page strings.Builder
	page.WriteString(`{"WorkloadId": "wl", "AnswerSummaries": [`)
	sc := bufio.NewScanner(&b)
	sc.Buffer(nil, 1<<20)
	for i := 0; sc.Scan(); i++ {
		var in UpdateAnswerInput
		json.Unmarshal(sc.Bytes(), &in)
		sum, _ := json.Marshal(map[string]any{"QuestionId": in.QuestionID, "PillarId": "operationalExcellence", "SelectedChoices": in.SelectedChoices,
			"IsApplicable": in.IsApplicable, "Reason": in.Reason})
		if i > 0 {
			page.WriteString(",")
		}
		page.Write(sum)
	}
	page.WriteString("]}")
	again, _, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(page.String()), Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	a, b2 := orig.Score(l), again.Score(l)
	for i := range a.Pillars[0].Questions {
		if a.Pillars[0].Questions[i].Risk != b2.Pillars[0].Questions[i].Risk {
			t.Errorf("%s: %s became %s", a.Pillars[0].Questions[i].Question.ID, a.Pillars[0].Questions[i].Risk, b2.Pillars[0].Questions[i].Risk)
		}
	}
	if a.Counts != b2.Counts {
		t.Errorf("counts %+v vs %+v", a.Counts, b2.Counts)
	}
}

// AWS output without a PillarId, for a question the lens lacks, or without
// a QuestionId: the review still loads.
func TestImportMissingIDs(t *testing.T) {
	l := opsLens(t)
	doc := `{"WorkloadId": "w", "AnswerSummaries": [
		{"QuestionId": "GONE1", "SelectedChoices": ["x"], "IsApplicable": true},
		{"QuestionId": "OPS1", "SelectedChoices": ["OPS1_no"], "IsApplicable": true},
		{"PillarId": "p", "SelectedChoices": ["y"]}]}`
	r, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(doc), Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if r.Answers.Get(UnknownPillar, "GONE1") == nil || r.Answers.Get("operationalExcellence", "OPS1") == nil {
		t.Errorf("answers %+v", r.Answers)
	}
	if !strings.Contains(strings.Join(warnings, "\n"), "without a QuestionId") {
		t.Errorf("warnings %v", warnings)
	}
	// The warning names the answer where the review keeps it.
	if all := strings.Join(warnings, "\n"); !strings.Contains(all, UnknownPillar+"/GONE1: not in the lens") {
		t.Errorf("warnings %v, want %s/GONE1 named as the review keeps it", warnings, UnknownPillar)
	}
	if _, err := review.Parse("r.yaml", r.Marshal()); err != nil {
		t.Errorf("the imported review does not load: %v", err)
	}
}

// Answers of which no question is in the lens were given with another
// lens: the import is refused, naming the lens, rather than write a review
// of nothing. A question without a title is named without empty brackets.
func TestImportWithTheWrongLens(t *testing.T) {
	l := opsLens(t)
	doc := `{"WorkloadId": "w", "AnswerSummaries": [
		{"PillarId": "sec", "QuestionId": "SEC1", "QuestionTitle": "How do you secure?", "SelectedChoices": ["x"], "IsApplicable": true},
		{"PillarId": "sec", "QuestionId": "SEC2", "SelectedChoices": ["y"], "IsApplicable": true}]}`
	_, _, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(doc), ListAnswersFile: "la.json", Now: t0})
	if err == nil || !strings.Contains(err.Error(), "la.json: none of its 2 questions is in the lens ops (Operational Excellence)") || !strings.Contains(err.Error(), "OPS1, OPS2") {
		t.Fatalf("got %v", err)
	}
	doc = `{"WorkloadId": "w", "AnswerSummaries": [
		{"PillarId": "sec", "QuestionId": "SEC1", "QuestionTitle": "How do you secure?", "SelectedChoices": ["x"], "IsApplicable": true},
		{"PillarId": "sec", "QuestionId": "SEC2", "SelectedChoices": ["y"], "IsApplicable": true},
		{"QuestionId": "OPS1", "SelectedChoices": ["OPS1_no"], "IsApplicable": true}]}`
	_, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(doc), Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warnings, "\n")
	if !strings.Contains(all, "sec/SEC1 (How do you secure?): not in the lens") || !strings.Contains(all, "sec/SEC2: not in the lens") {
		t.Errorf("warnings %q", all)
	}
}

// A choice AWS lists twice is imported once, so the review loads again
// (item 6).
func TestImportDuplicateChoices(t *testing.T) {
	l := opsLens(t)
	doc := `{"WorkloadId": "w", "AnswerSummaries": [
		{"PillarId": "operationalExcellence", "QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo", "OPS1_users", "OPS1_slo"], "IsApplicable": true},
		{"QuestionId": "GONE1", "SelectedChoices": ["x", "x"], "IsApplicable": true}]}`
	r, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(doc), Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Answers.Get("operationalExcellence", "OPS1").Selected, ","); got != "OPS1_slo,OPS1_users" {
		t.Errorf("OPS1 selected %s", got)
	}
	if got := strings.Join(r.Answers.Get(UnknownPillar, "GONE1").Selected, ","); got != "x" {
		t.Errorf("GONE1 selected %s", got)
	}
	if w := strings.Join(warnings, "\n"); !strings.Contains(w, "operationalExcellence/OPS1: choice OPS1_slo is listed twice; kept once") {
		t.Errorf("warnings %v", warnings)
	}
	if _, err := review.Parse("r.yaml", r.Marshal()); err != nil {
		t.Errorf("the imported review does not load: %v", err)
	}
}

// An empty choice id names no choice, and a review file refuses one: it
// is left out with a warning, and a question with nothing else ticked is
// not imported.
func TestImportEmptyChoiceID(t *testing.T) {
	l := opsLens(t)
	doc := `{"WorkloadId": "w", "AnswerSummaries": [
		{"PillarId": "operationalExcellence", "QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo", ""], "IsApplicable": true},
		{"PillarId": "operationalExcellence", "QuestionId": "OPS2", "SelectedChoices": [""], "IsApplicable": true}]}`
	r, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(doc), ListAnswersFile: "list.json", Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Answers.Get("operationalExcellence", "OPS1").Selected, ","); got != "OPS1_slo" {
		t.Errorf("OPS1 selected %q", got)
	}
	if a := r.Answers.Get("operationalExcellence", "OPS2"); a != nil {
		t.Errorf("OPS2 imported as %+v", a)
	}
	w := strings.Join(warnings, "\n")
	for _, want := range []string{"list.json:2:", "operationalExcellence/OPS1: an empty choice id was left out", "operationalExcellence/OPS2: an empty choice id was left out"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
	if _, err := review.Parse("r.yaml", r.Marshal()); err != nil {
		t.Errorf("the imported review does not load: %v", err)
	}
}

// AWS knows two environments: another one (STAGING) is imported as
// PRODUCTION with a warning at its place, never silently.
func TestImportUnknownEnvironment(t *testing.T) {
	l := opsLens(t)
	list := `{"WorkloadId": "w", "AnswerSummaries": [{"PillarId": "operationalExcellence", "QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo"], "IsApplicable": true}]}`
	for env, want := range map[string]string{"STAGING": review.Production, "PREPRODUCTION": review.PreProduction, "PRODUCTION": review.Production} {
		gw := `{"Workload": {"WorkloadName": "Shop",
  "Environment": "` + env + `"}}`
		r, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(list), GetWorkload: []byte(gw), GetWorkloadFile: "workload.json", Now: t0})
		if err != nil {
			t.Fatal(err)
		}
		if r.Workload.Environment != want {
			t.Errorf("%s imported as %s", env, r.Workload.Environment)
		}
		w := strings.Join(warnings, "\n")
		if env == "STAGING" && !strings.Contains(w, `workload.json:2:18: Environment "STAGING" is not PRODUCTION or PREPRODUCTION; imported as PRODUCTION`) {
			t.Errorf("warnings for STAGING: %q", w)
		}
		if env != "STAGING" && w != "" {
			t.Errorf("warnings for %s: %q", env, w)
		}
	}
}

// FuzzImportAnswers: any list-answers and get-workload input is imported
// or refused with an error, never a panic, and an imported review saves to
// a file that loads back to the same answers.
func FuzzImportAnswers(f *testing.F) {
	f.Add([]byte(`{"WorkloadId": "w", "AnswerSummaries": [{"PillarId": "operationalExcellence", "QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo", "OPS1_slo"], "IsApplicable": true}]}`),
		[]byte(`{"Workload": {"WorkloadName": "n", "Environment": "PREPRODUCTION", "Owner": "o"}}`))
	f.Add([]byte("\ufeff[{\"AnswerSummaries\": [{\"QuestionId\": \"Q\", \"SelectedChoices\": [\"\"], \"IsApplicable\": false, \"Reason\": \"OTHER\", \"Risk\": \"HIGH\"}]}]"), []byte(nil))
	f.Add([]byte(`{"AnswerSummaries": [{"QuestionId": "\u202e", "PillarId": "p/q", "SelectedChoices": ["a\nb"]}]} {"AnswerSummaries": []}`), []byte("\ufeff{}"))
	l, err := questions.Load("builtin:ops")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, list, workload []byte) {
		r, _, err := ImportAnswers(l, ImportOptions{ListAnswers: list, GetWorkload: workload, By: "aws", Now: t0})
		if err != nil {
			return
		}
		data, err := r.Encode()
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		back, err := review.Parse("r.yaml", data)
		if err != nil {
			t.Fatalf("the imported review does not load: %v\n%s", err, data)
		}
		for pid, byQ := range r.Answers {
			for qid, a := range byQ {
				b := back.Answers.Get(strings.ToValidUTF8(pid, "\uFFFD"), strings.ToValidUTF8(qid, "\uFFFD"))
				if b == nil || len(b.Selected) != len(a.Selected) || b.NotApplicable != a.NotApplicable {
					t.Fatalf("answer %q/%q changed: %+v -> %+v", pid, qid, a, b)
				}
			}
		}
	})
}

// A UTF-8 byte order mark (PowerShell 5's "-Encoding utf8") is accepted in
// both inputs; UTF-16 is refused, saying what to do (item 22).
func TestImportByteOrderMark(t *testing.T) {
	l := opsLens(t)
	bom := []byte("\xef\xbb\xbf")
	r, _, err := ImportAnswers(l, ImportOptions{ListAnswers: append(bom, fixture(t, "list-answers-ops.json")...),
		GetWorkload: append(bom, fixture(t, "get-workload.json")...), Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if r.Workload.Name != "Payments API" || r.Answers.Get("operationalExcellence", "OPS1") == nil {
		t.Errorf("imported %+v", r)
	}
	utf16 := []byte{0xff, 0xfe, '{', 0}
	if _, _, err := ImportAnswers(l, ImportOptions{ListAnswers: utf16}); !errors.Is(err, ErrUTF16) || !strings.Contains(err.Error(), "list-answers output: the file is UTF-16") {
		t.Errorf("UTF-16 list: %v", err)
	}
	if _, _, err := ImportAnswers(l, ImportOptions{ListAnswers: fixture(t, "list-answers-ops.json"), GetWorkload: utf16}); !errors.Is(err, ErrUTF16) {
		t.Errorf("UTF-16 workload: %v", err)
	}
}

// Notes are written as the team typed them: "&", "<" and ">" are not
// turned into \u0026, \u003c and \u003e; bidi controls still are escaped.
func TestExportKeepsHTMLCharacters(t *testing.T) {
	l := opsLens(t)
	r := review.New(l, review.Workload{Name: "w"})
	r.Update("operationalExcellence", "OPS1", "me", t0, func(a *review.Answer) {
		a.Selected = []string{"OPS1_no"}
		a.Notes = "R&D owns <this> \u202e"
	})
	var b bytes.Buffer
	if _, err := ExportAnswers(&b, r, l, ExportOptions{WorkloadID: "w", LensAlias: "ops"}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.Contains(got, `"Notes":"R&D owns <this> \u202e"`) || strings.Count(got, "\n") != 1 {
		t.Errorf("got %s", got)
	}
}

// Every mistake in either file, in any of the forms of list-answers (one
// page, pages one after another, a list of pages), is named at its
// file:line:column and said in words, never in encoding/json's terms.
func TestImportErrorsArePlaced(t *testing.T) {
	l := opsLens(t)
	list := fixture(t, "list-answers-ops.json")
	for _, c := range []struct{ list, workload, want string }{
		// A list of pages: a wrong type, a syntax error, a cut-off file.
		{list: "[{\"AnswerSummaries\": []},\n {\"AnswerSummaries\": [{\"QuestionId\": \"OPS1\", \"SelectedChoices\": \"OPS1_slo\"}]}]",
			want: "list.json:2:65: SelectedChoices must be a list of choice ids, such as [\"OPS1_a\", \"OPS1_b\"], found a string"},
		{list: `[{"AnswerSummaries": [,]}]`, want: "list.json:1:23: unexpected ',', expected a value"},
		{list: "[{\"AnswerSummaries\": [\n", want: "list.json:2:1: unexpected end of file, expected a value"},
		{list: `[{"AnswerSummaries": []}, 7]`, want: "list.json:1:27: a list of pages must hold list-answers outputs, each an object {...}; found a number in it"},
		// Pages one after another: the mistake on the second page.
		{list: "{\"AnswerSummaries\": []}\n{\"AnswerSummaries\": [{\"QuestionId\": 1}]}",
			want: "list.json:2:37: QuestionId must be the question's id in double quotes, found a number"},
		{list: "{\"AnswerSummaries\": []}\n{\"AnswerSummaries\": [", want: "list.json:2:22: unexpected end of file, expected a value"},
		{list: `{"AnswerSummaries": [{"QuestionId": "OPS1", "IsApplicable": "false"}]}`,
			want: "list.json:1:61: IsApplicable must be true or false, found a string"},
		{list: `{"AnswerSummaries": [{"QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo", 2]}]}`,
			want: "list.json:1:77: SelectedChoices must be a list of choice ids, each in double quotes; found a number in it"},
		{list: `{"AnswerSummaries": [{"QuestionId": "OPS1", "QuestionId": "OPS2"}]}`,
			want: "list.json:1:45: QuestionId is given twice in an answer in AnswerSummaries (first at line 1, column 23); keep one"},
		{list: `{"AnswerSummaries": ["OPS1"]}`, want: "list.json:1:22: an answer in AnswerSummaries must be an object {...}, found a string"},
		{list: `"OPS1"`, want: "list.json:1:1: expected the output of aws wellarchitected list-answers, an object {...}; found a string"},
		// get-workload: named as its own file.
		{list: string(list), workload: `{"Workload": {"WorkloadName": "x"`, want: "workload.json:1:34: unexpected end of file, expected ',' or '}'"},
		{list: string(list), workload: "", want: "workload.json: the file is empty; expected the output of aws wellarchitected get-workload"},
		{list: string(list), workload: `{"Workload": {"WorkloadName": 5}}`, want: "workload.json:1:31: WorkloadName must be the workload's name in double quotes, found a number"},
		{list: string(list), workload: `{"Workload": []}`, want: "workload.json:1:14: Workload must be an object {...}, found a list"},
		{list: string(list), workload: `[]`, want: "workload.json:1:1: the output of aws wellarchitected get-workload must be an object {...}, found a list"},
		{list: string(list), workload: "{}\n{}", want: "workload.json:2:1: a second JSON document; expected the output of one aws wellarchitected get-workload"},
	} {
		in := ImportOptions{ListAnswers: []byte(c.list), ListAnswersFile: "list.json", GetWorkloadFile: "workload.json", Now: t0}
		if c.workload != "" || c.list == string(list) {
			in.GetWorkload = []byte(c.workload)
		}
		_, _, err := ImportAnswers(l, in)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s | %s:\ngot  %v\nwant %s", c.list, c.workload, err, c.want)
		}
		if err != nil && (strings.Contains(err.Error(), "Go struct") || strings.Contains(err.Error(), "unmarshal") || strings.Contains(err.Error(), "JSON input")) {
			t.Errorf("Go's words in %v", err)
		}
	}
}

// A question listed twice (a page saved twice, two outputs put together):
// imported once, with a warning naming both places, when both say the
// same; refused, naming both and what differs, when they do not.
func TestImportDuplicateQuestions(t *testing.T) {
	l := opsLens(t)
	page1 := `{"AnswerSummaries": [{"PillarId": "operationalExcellence", "QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo", "OPS1_users"], "IsApplicable": true, "Risk": "MEDIUM"}]}`
	same := `{"AnswerSummaries": [{"PillarId": "operationalExcellence", "QuestionId": "OPS1", "SelectedChoices": ["OPS1_users", "OPS1_slo"], "IsApplicable": true, "Risk": "MEDIUM"}]}`
	r, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(page1 + "\n" + same), ListAnswersFile: "list.json", Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Answers.Get("operationalExcellence", "OPS1").Selected, ","); got != "OPS1_slo,OPS1_users" {
		t.Errorf("OPS1 selected %s", got)
	}
	want := "list.json:2:22 (page 2 of 2): operationalExcellence/OPS1 is listed twice, the same answer both times (first at list.json:1:22 (page 1 of 2)); imported once"
	if !strings.Contains(strings.Join(warnings, "\n"), want) {
		t.Errorf("warnings %q, want %q", warnings, want)
	}
	// Without a PillarId AWS's question is the lens's: still the same one.
	other := "[" + page1 + ",\n" + `{"AnswerSummaries": [{"QuestionId": "OPS1", "SelectedChoices": ["OPS1_slo"], "IsApplicable": true, "Risk": "HIGH"}]}` + "]"
	_, _, err = ImportAnswers(l, ImportOptions{ListAnswers: []byte(other), ListAnswersFile: "list.json", Now: t0})
	want = "list.json:2:22 (page 2 of 2): operationalExcellence/OPS1 is listed twice, with different SelectedChoices and Risk (first at list.json:1:23 (page 1 of 2)): keep the one that is right and remove the other"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// A Reason wafr does not know, on a not-applicable answer, is named in a
// warning with the reasons wafr knows; the answer is still not applicable.
func TestImportUnknownReason(t *testing.T) {
	l := opsLens(t)
	doc := `{"AnswerSummaries": [
		{"PillarId": "operationalExcellence", "QuestionId": "OPS3", "IsApplicable": false, "Reason": "NOT_NEEDED"},
		{"PillarId": "operationalExcellence", "QuestionId": "OPS4", "IsApplicable": false, "Reason": "OTHER"}]}`
	r, warnings, err := ImportAnswers(l, ImportOptions{ListAnswers: []byte(doc), ListAnswersFile: "list.json", Now: t0})
	if err != nil {
		t.Fatal(err)
	}
	if a := r.Answers.Get("operationalExcellence", "OPS3"); a == nil || !a.NotApplicable || a.Reason != "" {
		t.Errorf("OPS3 = %+v", a)
	}
	want := `list.json:2:96: operationalExcellence/OPS3: Reason "NOT_NEEDED" is not one wafr knows (OUT_OF_SCOPE, BUSINESS_PRIORITIES, ARCHITECTURE_CONSTRAINTS, OTHER, NONE); imported as not applicable without a reason`
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings %q\nwant %s", warnings, want)
	}
}

// Two pillars that share a question id: the warning that AWS cannot tell
// them apart comes only when both answers are exported; one left out (its
// ticks all gone from the lens) meets no other.
func TestExportWarnsOfSharedIDsOnlyWhenBothGo(t *testing.T) {
	l, err := questions.Load("../testdata/aws/reused-ids-nested.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		inform []string
		want   bool
	}{{[]string{"choice1"}, true}, {[]string{"gone"}, false}} {
		r := review.New(l, review.Workload{Name: "w"})
		r.Update("inform", "finops_co_q4", "me", t0, func(a *review.Answer) { a.Selected = c.inform })
		r.Update("optimize", "finops_co_q4", "me", t0, func(a *review.Answer) { a.Selected = []string{"choice2"} })
		warnings, err := ExportAnswers(io.Discard, r, l, ExportOptions{WorkloadID: "w", LensAlias: "a"})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(strings.Join(warnings, "\n"), "is also in pillar"); got != c.want {
			t.Errorf("inform ticks %v: shared-id warning %v, want %v: %v", c.inform, got, c.want, warnings)
		}
	}
}

// Notes over the AWS limit are cut to 2084 UTF-16 code units (as AWS
// counts), between user-perceived characters: an emoji sequence or a
// letter with its accent stays whole or goes whole.
func TestCutNotes(t *testing.T) {
	family := "👩\u200d💻" // woman technologist: 5 code units, one character
	for name, c := range map[string]struct {
		in       string
		wantLen  int // in code units
		wantTail string
	}{
		"ascii":         {strings.Repeat("a", 3000), MaxNotes, "a"},
		"fits":          {strings.Repeat("a", MaxNotes), MaxNotes, "a"},
		"emoji at edge": {strings.Repeat("a", MaxNotes-3) + family + "b", MaxNotes - 3, "a"},
		"astral counts": {strings.Repeat("😀", 1500), MaxNotes, "😀"},
		"accent":        {strings.Repeat("a", MaxNotes-1) + "e\u0301x", MaxNotes - 1, "a"},
		"japanese":      {strings.Repeat("日", 3000), MaxNotes, "日"},
		"one character": {"e" + strings.Repeat("\u0301", 3000), MaxNotes, "\u0301"}, // longer than the limit alone
	} {
		got, whole := cutNotes(c.in)
		units := len(utf16.Encode([]rune(got)))
		if units != c.wantLen || !strings.HasSuffix(got, c.wantTail) || whole != (got == c.in) {
			t.Errorf("%s: %d code units ending %q (whole %v), want %d ending %q", name, units, got[max(0, len(got)-8):], whole, c.wantLen, c.wantTail)
		}
	}
}
