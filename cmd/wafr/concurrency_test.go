package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/review"
)

// Two processes answering different questions of the same file, 50 times
// each, never lose each other's answers.
func TestConcurrentWriters(t *testing.T) {
	bin := wafrBinary(t)
	dir := t.TempDir()
	lens := filepath.Join(dir, "lens.yaml")
	if err := os.WriteFile(lens, lensgen.YAML(4, 25, 3), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "review.yaml")
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				n := w*50 + i
				q := fmt.Sprintf("pillar%d/P%dQ%d", n/25, n/25, n%25)
				cmd := exec.Command(bin, "answer", file, q, "--select", fmt.Sprintf("P%dQ%d_c0", n/25, n%25), "--lens", lens, "--by", fmt.Sprint("writer", w))
				if out, err := cmd.CombinedOutput(); err != nil {
					errs <- fmt.Errorf("%s: %v\n%s", q, err, out)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	r, err := review.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, byQ := range r.Answers {
		n += len(byQ)
	}
	if n != 100 {
		t.Errorf("%d answers in the file, want all 100", n)
	}
}
