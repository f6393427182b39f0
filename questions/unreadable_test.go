package questions

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/wafr-dev/wafr/internal/unprivileged"
)

// A lens wafr may not read is the environment's problem, not the lens's:
// the error says so once, naming the file, and errors.Is finds the
// permission error (so the command exits 3, not 2).
func TestUnreadableLens(t *testing.T) {
	if unprivileged.Rerun(t) {
		return
	}
	path := filepath.Join(t.TempDir(), "secret.yaml")
	data, err := builtinFS.ReadFile("lenses/ops.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, data, 0o000)
	_, err = Load(path)
	if !errors.Is(err, fs.ErrPermission) || err.Error() != path+": error: permission denied" {
		t.Errorf("got %v", err)
	}
}
