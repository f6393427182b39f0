package questions

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
)

// benchLenses writes the lenses the load benchmarks read: a generated lens
// of about 400 KB, as YAML and as JSON, and the real ECS lens when
// ../shared/aws-lenses is there.
func benchLenses(b *testing.B) map[string]string {
	b.Helper()
	dir := b.TempDir()
	gen := filepath.Join(dir, "gen400k.yaml")
	if err := os.WriteFile(gen, lensgen.YAML(7, 25, 8), 0o644); err != nil {
		b.Fatal(err)
	}
	l, problems := Check(gen, Options{})
	if l == nil {
		b.Fatal(problems)
	}
	js, err := MarshalJSON(l)
	if err != nil {
		b.Fatal(err)
	}
	genJSON := filepath.Join(dir, "gen400k.json")
	if err := os.WriteFile(genJSON, js, 0o644); err != nil {
		b.Fatal(err)
	}
	out := map[string]string{"gen400k.yaml": gen, "gen400k.json": genJSON}
	ecs := filepath.Join("..", "..", "shared", "aws-lenses", "aws-samples__custom-lens-wa-hub__Amazon_ECS_Lens.json")
	if _, err := os.Stat(ecs); err == nil {
		out["ecs.json"] = ecs
	}
	return out
}

// BenchmarkCheck measures a whole lens load from a file: read, parse,
// decode, validate and digest, as most commands load a lens ("load") and
// as lint, show and review do, with the rule analysis ("lint").
func BenchmarkCheck(b *testing.B) {
	for _, name := range []string{"gen400k.yaml", "gen400k.json", "ecs.json"} {
		for _, mode := range []struct {
			name string
			opts Options
		}{{"load", Options{}}, {"lint", Options{Lint: true}}} {
			b.Run(name+"/"+mode.name, func(b *testing.B) {
				path, ok := benchLenses(b)[name]
				if !ok {
					b.Skip("no ../shared/aws-lenses folder here")
				}
				st, _ := os.Stat(path)
				b.SetBytes(st.Size())
				b.ReportAllocs()
				for b.Loop() {
					if l, problems := Check(path, mode.opts); l == nil {
						b.Fatal(problems)
					}
				}
			})
		}
	}
}

// BenchmarkDigest measures the digest alone.
func BenchmarkDigest(b *testing.B) {
	for _, name := range []string{"gen400k.yaml", "ecs.json"} {
		b.Run(name, func(b *testing.B) {
			path, ok := benchLenses(b)[name]
			if !ok {
				b.Skip("no ../shared/aws-lenses folder here")
			}
			l, problems := Check(path, Options{})
			if l == nil {
				b.Fatal(problems)
			}
			b.ReportAllocs()
			for b.Loop() {
				digest(l)
			}
		})
	}
}

// BenchmarkAnalyze measures the rule analysis of every question of a lens.
func BenchmarkAnalyze(b *testing.B) {
	for _, name := range []string{"gen400k.yaml", "ecs.json"} {
		b.Run(name, func(b *testing.B) {
			path, ok := benchLenses(b)[name]
			if !ok {
				b.Skip("no ../shared/aws-lenses folder here")
			}
			l, problems := Check(path, Options{})
			if l == nil {
				b.Fatal(problems)
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range l.Pillars {
					for _, q := range p.Questions {
						q.Analyze()
					}
				}
			}
		})
	}
}
