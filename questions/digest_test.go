package questions

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// digestSources are the lenses the digest tests try: the built-ins, our
// fixtures, and the real lenses in ../shared/aws-lenses when present.
func digestSources(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, name := range Builtins() {
		out = append(out, BuiltinPrefix+name)
	}
	for _, pattern := range []string{
		filepath.Join("..", "testdata", "aws", "*.json"),
		filepath.Join("..", "testdata", "hostile", "*.yaml"),
		filepath.Join("..", "..", "shared", "aws-lenses", "*.json"),
	} {
		files, _ := filepath.Glob(pattern)
		out = append(out, files...)
	}
	return out
}

// The digest covers the lens model, so a pure format change keeps it:
// export to YAML or JSON under another file name, load again, same digest;
// and so does JSON -> YAML -> JSON. Lenses without an id of their own stay
// without one.
func TestExportKeepsDigest(t *testing.T) {
	dir := t.TempDir()
	loaded := 0
	for _, src := range digestSources(t) {
		l, _ := Check(src, Options{})
		if l == nil {
			continue // fixtures of broken lenses
		}
		loaded++
		t.Run(filepath.Base(src), func(t *testing.T) {
			y, err := MarshalYAML(l)
			if err != nil {
				t.Fatal(err)
			}
			yamlFile := filepath.Join(dir, "exported-"+filepath.Base(src)+".yaml")
			if err := os.WriteFile(yamlFile, y, 0o644); err != nil {
				t.Fatal(err)
			}
			ly, problems := Check(yamlFile, Options{})
			if ly == nil {
				t.Fatalf("exported YAML does not load:\n%s", problemList(problems))
			}
			if ly.Digest != l.Digest {
				t.Errorf("YAML export changed the digest: %s -> %s", l.Digest, ly.Digest)
			}
			if ly.IDFromFile() != l.IDFromFile() {
				t.Errorf("id from the file name: %v, exported %v", l.IDFromFile(), ly.IDFromFile())
			}
			js, err := MarshalJSON(ly)
			if err != nil {
				t.Fatal(err)
			}
			jsonFile := filepath.Join(dir, "again-"+filepath.Base(src)+".json")
			if err := os.WriteFile(jsonFile, js, 0o644); err != nil {
				t.Fatal(err)
			}
			lj, problems := Check(jsonFile, Options{})
			if lj == nil {
				t.Fatalf("JSON export of the YAML export does not load:\n%s", problemList(problems))
			}
			if lj.Digest != l.Digest {
				t.Errorf("JSON -> YAML -> JSON changed the digest: %s -> %s", l.Digest, lj.Digest)
			}
			js0, _ := MarshalJSON(l)
			if !bytes.Equal(js0, js) {
				t.Errorf("JSON export differs after a trip through YAML")
			}
		})
	}
	if loaded < len(Builtins())+3 {
		t.Fatalf("only %d lenses loaded", loaded)
	}
}

// The canonical encoding the digest hashes is exactly encoding/json's
// Marshal of the lens, which is how digests were computed before they were
// streamed: every digest a review recorded stays valid.
func TestCanonicalIsJSONMarshal(t *testing.T) {
	for _, src := range digestSources(t) {
		data, err := readForTest(src)
		if err != nil {
			t.Fatal(err)
		}
		l, _ := Parse(src, data, Options{})
		if l == nil {
			continue
		}
		checkCanonical(t, src, l)
	}
	// Text that needs every kind of escape, and empty and nil lists.
	odd := "q\"uote\\ \b\f\n\r\t \x01\x1f\x7f <b>&amp; \u2028\u2029 \ufffd \xff\xfe é 日本 😀 " + strings.Repeat("long ", 2000)
	l := &Lens{SchemaVersion: odd, Name: odd, Description: odd, ID: odd, Version: odd, Language: odd, Pillars: []*Pillar{
		{ID: odd, Name: odd},
		{ID: "p", Questions: []*Question{}},
		{ID: "p2", Questions: []*Question{
			{ID: odd, Title: odd, HelpfulResource: &Resource{}, Choices: []*Choice{
				{ID: odd, Title: odd, HelpfulResource: &Resource{URL: odd}, ImprovementPlan: &Resource{DisplayText: odd},
					AdditionalResources: []AdditionalResource{{Type: odd}, {Type: "t", Content: []Resource{{}, {DisplayText: odd, URL: odd}}}}},
				{ID: "c", AdditionalResources: []AdditionalResource{}},
			}, RiskRules: []*Rule{{Condition: odd, Risk: HighRisk}, {Condition: "a && b", Risk: NoRisk}, {Condition: "x", Risk: Risk(99)}}},
			{ID: "q"},
		}},
	}}
	checkCanonical(t, "odd text", l)
	valid := "ok… \u2028 \u2029 \u2027 \u202a é 日本 😀 <&> \x7f \x1f \"quoted\" \u0085 \ufffd end\u2028"
	checkCanonical(t, "valid UTF-8", &Lens{Name: valid, Description: valid + "\xe2\x80", Pillars: []*Pillar{{ID: valid}}})
	checkCanonical(t, "empty lens", &Lens{})
}

func checkCanonical(t *testing.T, name string, l *Lens) {
	t.Helper()
	want, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	writeCanonical(&got, l)
	if !bytes.Equal(got.Bytes(), want) {
		g, w := got.String(), string(want)
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("%s: canonical encoding differs from json.Marshal at byte %d:\n got %.80q\nwant %.80q", name, i, g[i:], w[i:])
	}
}
