package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Hostile files are refused quickly with a clear message: never a panic,
// a hang or running out of memory. Each is tried as a lens and as a review.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = name
	}
	// Few values, but one 1 MB note repeated by 300 aliases: 300 MB.
	noteBomb := "wafr: 1\nnotes: &n " + strings.Repeat("x", 1<<20) + "\nanswers:\n" + strings.Repeat("  - *n\n", 300)
	files := map[string]struct {
		content string
		size    int64 // a sparse file of this size instead
		lens    string
		review  string
	}{
		"bomb.yaml":        {content: bomb, lens: "aliases expand to more than", review: "aliases expand to more than"},
		"note-bomb.yaml":   {content: noteBomb, lens: "aliases expand to more than 10 MB of text", review: "aliases expand to more than 10 MB of text"},
		"deep.yaml":        {content: "a: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000), lens: "lists and mappings nest deeper than 10000 levels here", review: "lists and mappings nest deeper than 10000 levels here"},
		"deep.json":        {content: strings.Repeat("[", 20000) + strings.Repeat("]", 20000), lens: "nesting deeper than 256 levels"},
		"huge.yaml":        {size: 50 << 20, lens: "lens files are at most 10 MB", review: "review files are at most 10 MB"},
		"badutf8.yaml":     {content: "name: \"caf\xe9\"\nwafr: 1\n", lens: "invalid", review: "invalid"},
		"badutf8.json":     {content: "{\"name\": \"caf\xe9\"}", lens: "invalid UTF-8"},
		"binary.yaml":      {content: "\x7fELF\x02\x01\x01\x00\x00\x00garbage\xff\xfe", lens: "binary file", review: "binary file"},
		"empty.yaml":       {content: "", lens: "empty.yaml:1:1: error: lens: the file is empty", review: "empty.yaml:1:1: the file is empty"},
		"blank.json":       {content: "  \n\t\n", lens: "blank.json:1:1: error: lens: the file is empty", review: "blank.json:1:1: the file is empty"},
		"array.json":       {content: `[{"schemaVersion": "2021-11-01"}]`, lens: "expected a mapping for the lens, found a list", review: "not a wafr review file"},
		"scalar.yaml":      {content: "just text\n", lens: "expected a mapping for the lens, found a string", review: "not a wafr review file"},
		"long-line.yaml":   {content: "name: " + strings.Repeat("x", 5<<20) + "\n", lens: "no pillars", review: "not a wafr review file"},
		"many-fields.yaml": {content: strings.Repeat("k: v\n", 3), lens: "appears twice", review: "not a wafr review file"},
	}
	for name, f := range files {
		path := filepath.Join(dir, name)
		if f.size > 0 {
			fh, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			fh.Truncate(f.size)
			fh.Close()
		} else if err := os.WriteFile(path, []byte(f.content), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			args []string
			want string
		}{{[]string{"lens", "show", path}, f.lens}, {[]string{"summary", path}, f.review}} {
			if c.want == "" {
				continue
			}
			io, _, errOut := testStreams()
			start := time.Now()
			code := run(c.args, io)
			took := time.Since(start)
			if code != 2 || !strings.Contains(errOut.String(), c.want) || !strings.Contains(errOut.String(), name) {
				t.Errorf("%s %s: exit %d, stderr %.300q; want exit 2 naming the file and saying %q", c.args[0], name, code, errOut, c.want)
			}
			if took > time.Second {
				t.Errorf("%s %s took %v", c.args[0], name, took)
			}
		}
	}
}
