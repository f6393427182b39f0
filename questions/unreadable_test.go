package questions

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A lens wafr may not read is the environment's problem, not the lens's:
// the error says so once, naming the file, and errors.Is finds the
// permission error (so the command exits 3, not 2). Root reads any file,
// so as root the test runs itself again without that power.
func TestUnreadableLens(t *testing.T) {
	if os.Geteuid() == 0 && os.Getenv("QUESTIONS_NO_DAC") == "" {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("setpriv is not installed (util-linux): root reads any file without it")
		}
		cmd := exec.Command(setpriv, "--bounding-set=-dac_override,-dac_read_search", os.Args[0], "-test.run=^TestUnreadableLens$", "-test.v")
		cmd.Env = append(os.Environ(), "QUESTIONS_NO_DAC=1")
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "--- PASS: TestUnreadableLens") {
			t.Errorf("without root's powers: %v\n%s", err, out)
		}
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
