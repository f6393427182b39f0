package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/review"
)

// When every set-aside name is taken, the message names the real file, not
// a FILE placeholder.
func TestSetAsideFullNamesTheFile(t *testing.T) {
	t.Parallel()
	w := New()
	l, err := w.Lens("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "payments.yaml")
	for i := 1; i <= 1000; i++ {
		name := path + ".wafr-unsaved"
		if i > 1 {
			name = fmt.Sprintf("%s-%d", name, i)
		}
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = w.SetAside(path, review.New(l, review.Workload{Name: "w"}))
	if err == nil || !strings.Contains(err.Error(), "("+path+".wafr-unsaved-N)") || strings.Contains(err.Error(), "FILE") {
		t.Errorf("got %v", err)
	}
}
