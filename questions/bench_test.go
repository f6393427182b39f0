package questions

import (
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
)

func BenchmarkLoadBuiltinOps(b *testing.B) {
	for b.Loop() {
		if _, err := Load("builtin:ops"); err != nil {
			b.Fatal(err)
		}
	}
}

// A 200-question lens with 8 choices each (8 pillars of 25).
func BenchmarkParse200Questions(b *testing.B) {
	data := lensgen.YAML(8, 25, 8)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if l, problems := Parse("gen.yaml", data, Options{}); l == nil {
			b.Fatal(problems)
		}
	}
}
