// Package unprivileged lets a test about permissions run as root too: root
// reads and writes any file, so such a test runs itself again without that
// power (setpriv drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH).
package unprivileged

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// marker is set in the environment of the test run again.
const marker = "WAFR_TEST_UNPRIVILEGED"

// Rerun, called first in a test, runs that test again without root's
// powers over files when the process is root, reports how it went, and
// returns true: the caller then returns. Otherwise (not root, or already
// run again) it returns false and the test goes on. Without setpriv
// (util-linux), a root test is skipped.
func Rerun(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 || os.Getenv(marker) != "" {
		return false
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv is not installed (util-linux): as root, permissions cannot be tested without it")
	}
	cmd := exec.Command(setpriv, "--bounding-set=-dac_override,-dac_read_search", os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), marker+"=1")
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Errorf("without root's powers: %v\n%s", err, out)
	}
	return true
}
