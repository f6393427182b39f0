package workspace

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

func TestDescriptorPath(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "out")
	os.Symlink("/dev/stdout", link)
	twice := filepath.Join(dir, "out2")
	os.Symlink("out", twice)
	for path, want := range map[string]int{"/dev/stdout": 1, "/dev/stderr": 2, "/dev/fd/3": 3, "/proc/self/fd/1": 1, "/proc/123/fd/7": 7, link: 1, twice: 1} {
		if fd, ok := descriptorPath(path); !ok || fd != want {
			t.Errorf("descriptorPath(%q) = %d, %v; want %d", path, fd, ok, want)
		}
	}
	for _, path := range []string{"/dev/null", filepath.Join(dir, "plan.md"), "/proc/self/fdinfo/1", "fd/1"} {
		if _, ok := descriptorPath(path); ok {
			t.Errorf("descriptorPath(%q) is a descriptor", path)
		}
	}
	// Descriptor 1 is the stdout writer, whatever it is.
	var stdout bytes.Buffer
	if err := WriteOutput(link, []byte("plan"), &stdout); err != nil || stdout.String() != "plan" {
		t.Errorf("%v %q", err, stdout.String())
	}
}

// descriptorName reads exactly the names the pattern it replaced matched.
func TestDescriptorName(t *testing.T) {
	pattern := regexp.MustCompile(`^/(?:dev|proc/(?:self|thread-self|[0-9]+))/fd/([0-9]+)$`)
	for _, p := range []string{"/dev/fd/1", "/dev/fd/", "/dev/fd/12a", "/proc/self/fd/2", "/proc/thread-self/fd/30",
		"/proc/123/fd/4", "/proc/12x/fd/4", "/proc/self/fd/", "/proc//fd/1", "/proc/self/fd/1/2", "/proc/a/b/fd/1",
		"/dev/stdout", "/proc/self/fdinfo/1", "dev/fd/1", "/dev/fd/1/fd/2", "/proc/1/fd/2/fd/3", "", "/", "/proc/fd/1"} {
		m := pattern.FindStringSubmatch(p)
		fd, ok := descriptorName(p)
		if ok != (m != nil) || ok && fd != m[1] {
			t.Errorf("descriptorName(%q) = %q, %v; the pattern says %q", p, fd, ok, m)
		}
	}
}

// -o never replaces a file that loads as a review, whatever the command;
// another file (an old plan) is replaced.
func TestWriteOutputKeepsReviews(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.yaml")
	r := review.New(&questions.Lens{ID: "ops"}, review.Workload{Name: "W", Environment: review.Production})
	os.WriteFile(keep, r.Marshal(), 0o644)
	before, _ := os.ReadFile(keep)
	err := WriteOutput(keep, []byte("# plan\n"), io.Discard)
	if !errors.Is(err, ErrOutputIsReview) || !strings.Contains(err.Error(), "-o "+keep+" is a wafr review") || !strings.Contains(err.Error(), "remove it first") {
		t.Errorf("got %v", err)
	}
	if after, _ := os.ReadFile(keep); !bytes.Equal(after, before) {
		t.Error("the review was replaced")
	}
	// A review that no longer loads (a typo in a hand edit) is a review.
	broken := filepath.Join(dir, "broken.yaml")
	os.WriteFile(broken, bytes.Replace(before, []byte("environment: PRODUCTION"), []byte("environment: PRODUCTOIN"), 1), 0o644)
	if _, err := review.Load(broken); err == nil {
		t.Fatal("the broken review loads: the test does not test it")
	}
	if err := WriteOutput(broken, []byte("# plan\n"), io.Discard); !errors.Is(err, ErrOutputIsReview) {
		t.Errorf("a review that does not load was replaced: %v", err)
	}
	// Anything else is replaced: an old plan, a lens, an empty file.
	ops, err := questions.Load("builtin:ops")
	if err != nil {
		t.Fatal(err)
	}
	lens, err := questions.MarshalYAML(ops)
	if err != nil {
		t.Fatal(err)
	}
	for name, old := range map[string]string{"plan.md": "# Old plan\n\nText.\n", "lens.yaml": string(lens), "empty.md": ""} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(old), 0o644)
		if err := WriteOutput(path, []byte("new\n"), io.Discard); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, _ := os.ReadFile(path); string(got) != "new\n" {
			t.Errorf("%s holds %q", name, got)
		}
	}
}
