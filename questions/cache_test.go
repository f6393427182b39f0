package questions

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
)

// checkCacheRoundTrip fails unless a lens comes back from the cache's
// encoding the same in every field, unexported ones and nil slices too.
func checkCacheRoundTrip(t *testing.T, l *Lens) {
	t.Helper()
	got, ok := decodeLens(encodeLens(l))
	if !ok {
		t.Fatal("the encoding of a lens does not decode")
	}
	if !reflect.DeepEqual(got, l) {
		t.Fatalf("the lens decoded from the cache differs from the one parsed:\n%#v\n%#v", got, l)
	}
}

// cacheTestLenses lists lens files of every kind: the built-ins, the AWS
// files of testdata, a generated 400 KB lens and, when ../shared is there,
// the real AWS lenses written by others.
func cacheTestLenses(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{"gen.json": lensgen.AWSJSON(6, 57, 6, 170), "gen.yaml": lensgen.YAML(3, 10, 6)}
	for _, name := range Builtins() {
		data, err := builtinFS.ReadFile("lenses/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		out[name+".yaml"] = data
	}
	for _, glob := range []string{"../testdata/aws/*.json", "../../shared/aws-lenses/*.json"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(f)] = data
		}
	}
	return out
}

// Every lens that parses comes back from the cache's encoding as Parse
// made it, with and without the options that change warnings.
func TestCacheRoundTrip(t *testing.T) {
	parsed := 0
	for name, data := range cacheTestLenses(t) {
		for _, opts := range []Options{{}, {Lint: true}, {AWS: true, Lint: true}} {
			l, _ := Parse(name, data, opts)
			if l == nil {
				continue
			}
			parsed++
			t.Run(name, func(t *testing.T) { checkCacheRoundTrip(t, l) })
		}
	}
	if parsed < 20 {
		t.Fatalf("only %d lenses parsed", parsed)
	}
}

// The encoding covers every field of a lens: a field added to one of these
// types fails here until encodeLens and decodeLens carry it (or it is
// listed as rebuilt on decoding).
func TestCacheCoversEveryField(t *testing.T) {
	want := map[reflect.Type][]string{
		reflect.TypeFor[Lens](): {"SchemaVersion", "Name", "Description", "ID", "Version", "Language", "Pillars",
			"Source", "Digest", "Warnings", "idFromFile", "file", "linted"},
		reflect.TypeFor[Problem]():            {"File", "Line", "Column", "Severity", "Where", "Msg", "err", "awsLimit"}, // err (the file was not read) and awsLimit (only on errors) are never cached
		reflect.TypeFor[Pillar]():             {"ID", "Name", "Questions", "pos"},
		reflect.TypeFor[Question]():           {"ID", "Title", "Description", "HelpfulResource", "Choices", "RiskRules", "pos", "choices", "rulesBroken"},
		reflect.TypeFor[Choice]():             {"ID", "Title", "HelpfulResource", "ImprovementPlan", "AdditionalResources", "pos"},
		reflect.TypeFor[Resource]():           {"DisplayText", "URL"},
		reflect.TypeFor[AdditionalResource](): {"Type", "Content"},
		reflect.TypeFor[Rule]():               {"Condition", "Risk", "Compiled", "pos"}, // Compiled is compiled again
		reflect.TypeFor[Pos]():                {"Line", "Column"},
	}
	for typ, fields := range want {
		var got []string
		for f := range typ.Fields() {
			got = append(got, f.Name)
		}
		if !slices.Equal(got, fields) {
			t.Errorf("%s has fields %v; the cache encoding knows %v", typ.Name(), got, fields)
		}
	}
}

// Damaged entries never decode: every truncation, and a changed byte
// anywhere, gives false or a lens (never a panic); a lens from a changed
// byte is at least a lens whose conditions compile.
func TestCacheDamagedEntries(t *testing.T) {
	l, problems := Parse("gen.yaml", lensgen.YAML(1, 3, 4), Options{Lint: true})
	if l == nil {
		t.Fatal(problems)
	}
	enc := encodeLens(l)
	for n := range len(enc) {
		if _, ok := decodeLens(enc[:n]); ok {
			t.Fatalf("an entry cut at %d of %d bytes decoded", n, len(enc))
		}
	}
	if _, ok := decodeLens(append(slices.Clone(enc), 0)); ok {
		t.Fatal("an entry with a byte too many decoded")
	}
	for i := range enc {
		for _, b := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			damaged := slices.Clone(enc)
			damaged[i] = b
			decodeLens(damaged)
		}
	}
}

// FuzzDecodeLens: no bytes make the decoder panic, and whatever it
// accepts encodes back to the same bytes.
func FuzzDecodeLens(f *testing.F) {
	l, _ := Parse("gen.yaml", lensgen.YAML(1, 2, 3), Options{Lint: true})
	f.Add(encodeLens(l))
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := decodeLens(data)
		if !ok {
			return
		}
		if again := encodeLens(got); string(again) != string(data) {
			t.Fatalf("decoded %x, which encodes as %x", data, again)
		}
	})
}

// memoryCache is a Cache in a map, counting what reaches it. Its stamps
// are what the test says: stamps[path] in turn, the last one kept.
type memoryCache struct {
	mu         sync.Mutex
	entries    map[string][]byte
	stamps     map[string][]string
	gets, puts int
	// stampOf, when set, stamps instead.
	stampOf func(path string, st fs.FileInfo) (string, bool)
}

func (c *memoryCache) Stamp(path string, st fs.FileInfo) (string, bool) {
	if c.stampOf != nil {
		return c.stampOf(path, st)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	seq := c.stamps[path]
	if len(seq) == 0 {
		return "", false
	}
	if len(seq) > 1 {
		c.stamps[path] = seq[1:]
	}
	return seq[0], seq[0] != ""
}

func (c *memoryCache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets++
	e, ok := c.entries[key]
	return e, ok
}

func (c *memoryCache) Put(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.puts++
	if c.entries == nil {
		c.entries = map[string][]byte{}
	}
	c.entries[key] = data
}

// A lens file loads through the cache the same as without it: stored on
// the first load, decoded on the second; a damaged entry is parsed again
// and replaced; a changed file, another name or other options are other
// keys; a built-in lens and a lens with errors are never stored.
func TestCheckThroughCache(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lens.json")
	if err := os.WriteFile(path, lensgen.AWSJSON(2, 5, 4, 40), 0o644); err != nil {
		t.Fatal(err)
	}
	plain, problems := Check(path, Options{})
	if plain == nil {
		t.Fatal(problems)
	}
	c := &memoryCache{}
	first, _ := Check(path, Options{Cache: c})
	second, warnings := Check(path, Options{Cache: c})
	if c.puts != 1 || c.gets != 2 {
		t.Fatalf("gets %d, puts %d; want 2 and 1", c.gets, c.puts)
	}
	for _, l := range []*Lens{first, second} {
		if !reflect.DeepEqual(l, plain) {
			t.Fatal("a lens loaded through the cache differs")
		}
	}
	if !reflect.DeepEqual(warnings, plain.Warnings) {
		t.Fatal("the warnings of a cached lens differ")
	}
	for key := range c.entries {
		c.entries[key] = c.entries[key][:len(c.entries[key])/2]
	}
	if again, _ := Check(path, Options{Cache: c}); !reflect.DeepEqual(again, plain) || c.puts != 2 {
		t.Fatalf("a damaged entry: puts %d, same %v", c.puts, reflect.DeepEqual(again, plain))
	}
	if l, _ := Check(path, Options{Cache: c, Lint: true}); l == nil || len(c.entries) != 2 {
		t.Fatalf("Lint is not part of the key: %d entries", len(c.entries))
	}
	if err := os.WriteFile(path, lensgen.AWSJSON(2, 6, 4, 40), 0o644); err != nil {
		t.Fatal(err)
	}
	if l, _ := Check(path, Options{Cache: c}); l == nil || l.QuestionCount() != 6 || len(c.entries) != 3 {
		t.Fatalf("a changed file was not parsed again (%d entries)", len(c.entries))
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"name": "x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	before := c.puts
	for range 2 {
		if l, problems := Check(bad, Options{Cache: c}); l != nil || !HasErrors(problems) {
			t.Fatal("a lens with errors loaded")
		}
		if l, _ := Check(BuiltinPrefix+"ops", Options{Cache: c}); l == nil {
			t.Fatal("the built-in lens does not load")
		}
	}
	if c.puts != before {
		t.Fatal("a lens with errors, or a built-in lens, was stored")
	}
	if !strings.Contains(first.file, "lens.json") {
		t.Fatalf("file %q", first.file)
	}
}

// A file with a stamp is found by it without being read: what is stored
// for the stamp is what a load returns, even if the bytes on disk changed
// (a real stamp changes with them); a new stamp reads the file again; a
// stamp that changed while the file was read is not stored.
func TestCheckByStamp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lens.json")
	if err := os.WriteFile(path, lensgen.AWSJSON(2, 5, 4, 40), 0o644); err != nil {
		t.Fatal(err)
	}
	plain, _ := Check(path, Options{})
	c := &memoryCache{stamps: map[string][]string{path: {"s1"}}}
	first, _ := Check(path, Options{Cache: c})
	if !reflect.DeepEqual(first, plain) || c.puts != 2 {
		t.Fatalf("first load: same %v, %d puts (want the lens and its stamp)", reflect.DeepEqual(first, plain), c.puts)
	}
	if err := os.WriteFile(path, lensgen.AWSJSON(2, 6, 4, 40), 0o644); err != nil {
		t.Fatal(err)
	}
	byStamp, _ := Check(path, Options{Cache: c})
	if !reflect.DeepEqual(byStamp, plain) {
		t.Fatal("a lens found by its stamp differs from the one stored")
	}
	if c.puts != 2 {
		t.Fatalf("a load by stamp stored something (%d puts)", c.puts)
	}
	c.stamps[path] = []string{"s2", "s3"} // changed while read
	changed, _ := Check(path, Options{Cache: c})
	if changed == nil || changed.QuestionCount() != 6 || c.puts != 3 {
		t.Fatalf("a new stamp: %d puts", c.puts)
	}
	c.stamps[path] = []string{"s2"}
	if again, _ := Check(path, Options{Cache: c}); again.QuestionCount() != 6 || c.puts != 4 {
		t.Fatalf("the stamp that changed while read was stored, or the next one not (%d puts)", c.puts)
	}
	// A stamp pointing at a damaged entry: the file is read.
	for key, e := range c.entries {
		if len(e) > 100 {
			c.entries[key] = e[:10]
		}
	}
	if l, _ := Check(path, Options{Cache: c}); l == nil || l.QuestionCount() != 6 {
		t.Fatal("a stamp pointing at a damaged entry")
	}
}

// An entry that decodes into a lens Parse would never return is refused:
// anyone who can write the cache folder can write any entry, and the
// commands rely on what a loaded lens guarantees.
func TestCacheRefusesWhatParseWouldNot(t *testing.T) {
	parse := func() *Lens {
		l, problems := Parse("gen.yaml", lensgen.YAML(1, 2, 3), Options{})
		if l == nil {
			t.Fatal(problems)
		}
		return l
	}
	for name, spoil := range map[string]func(l *Lens){
		"a question without choices": func(l *Lens) { l.Pillars[0].Questions[0].Choices = nil },
		"no pillars":                 func(l *Lens) { l.Pillars = nil },
		"a rule's risk UNANSWERED":   func(l *Lens) { l.Pillars[0].Questions[0].RiskRules[0].Risk = Unanswered },
		"a warning that is an error": func(l *Lens) { l.Warnings = append(l.Warnings, Problem{Severity: Error, Msg: "x"}) },
		"a javascript: link": func(l *Lens) {
			l.Pillars[0].Questions[0].Choices[0].ImprovementPlan = &Resource{URL: "javascript:alert(1)"}
		},
		"an unknown resource type": func(l *Lens) {
			l.Pillars[0].Questions[0].Choices[0].AdditionalResources = []AdditionalResource{{Type: "X"}}
		},
		"a condition naming no choice": func(l *Lens) { l.Pillars[0].Questions[0].RiskRules[0].Condition = "nope" },
		"a duplicate choice id": func(l *Lens) {
			q := l.Pillars[0].Questions[0]
			q.Choices[1].ID = q.Choices[0].ID
		},
		"a choice without an id": func(l *Lens) { l.Pillars[0].Questions[0].Choices[0].ID = "" },
		"text that is not UTF-8": func(l *Lens) { l.Pillars[0].Questions[0].Title = "caf\xe9" },
	} {
		l := parse()
		spoil(l)
		if _, ok := decodeLens(encodeLens(l)); ok {
			t.Errorf("an entry with %s decoded", name)
		}
	}
	if _, ok := decodeLens(encodeLens(parse())); !ok {
		t.Fatal("the unspoilt lens does not decode")
	}
}

// However an entry claims its lengths, decoding allocates in proportion to
// its size: here every count claims all the bytes left, at each level.
func TestCacheDecodeMemoryIsBounded(t *testing.T) {
	const size = 1 << 20
	var e lensEncoder
	e.strs("", "", "", "", "", "", "", "")
	e.bools(false, false)
	e.str("")
	e.count(0, true) // warnings
	for range 4 {    // pillars, then questions, then choices, then additional resources
		e.uint(size)
		e.strs("x", "y")
		e.ints(1, 1)
	}
	data := append(e.b, make([]byte, size)...)
	for i := len(e.b); i < len(data); i++ {
		data[i] = 0x01 // an endless run of one-byte fields
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, ok := decodeLens(data); ok {
		t.Fatal("a crafted entry decoded")
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64*uint64(len(data)) {
		t.Fatalf("decoding %d bytes allocated %d", len(data), grew)
	}
}

// The stamp that is stored is that of the file read, not of whatever the
// path names after the read: a link that points elsewhere while the lens
// is read (and back) must not map the first file's stamp to the other's
// lens.
func TestCheckStampsTheFileRead(t *testing.T) {
	dir := t.TempDir()
	a, b, link := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json"), filepath.Join(dir, "lens.json")
	os.WriteFile(a, lensgen.AWSJSON(2, 10, 4, 40), 0o644)
	os.WriteFile(b, lensgen.AWSJSON(2, 6, 4, 40), 0o644)
	point := func(target string) {
		t.Helper()
		os.Remove(link)
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	point(a)
	identity := func(st fs.FileInfo) string {
		return fmt.Sprintf("%v:%d:%d", st.ModTime().UnixNano(), st.Size(), st.Sys())
	}
	calls := 0
	c := &memoryCache{}
	c.stampOf = func(path string, st fs.FileInfo) (string, bool) {
		calls++
		switch calls {
		case 1:
			point(b) // between the stamp and the read
		case 2:
			point(a) // and back, before the stamp is taken again
			if bInfo, _ := os.Stat(b); !os.SameFile(st, bInfo) {
				t.Error("the stamp after the read is not of the file read")
			}
		}
		return identity(st), true
	}
	if l, _ := Check(link, Options{Cache: c}); l == nil || l.QuestionCount() != 6 {
		t.Fatal("the load during the swap did not read b")
	}
	c.stampOf = func(_ string, st fs.FileInfo) (string, bool) { return identity(st), true }
	if l, _ := Check(link, Options{Cache: c}); l == nil || l.QuestionCount() != 10 {
		t.Fatalf("with the link on a again, the lens has %d questions, not a's 10", l.QuestionCount())
	}
}
