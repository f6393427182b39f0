package workspace

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/wafr-dev/wafr/internal/atomicfile"
	"github.com/wafr-dev/wafr/review"
)

// ErrOutputIsInput is returned when an output path names one of the
// command's own input files.
var ErrOutputIsInput = errors.New("is the file being read")

// WriteOutput writes a command's output to path: "-" or "" means stdout; a
// regular file is replaced atomically; a FIFO, a device or a terminal is
// written to as it is, never replaced by a regular file. It refuses a path
// that names one of inputs (the review, or its lens), so that output never
// replaces what it was made from.
func WriteOutput(path string, data []byte, stdout io.Writer, inputs ...string) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	for _, in := range inputs {
		if in != "" && in != "-" && SameFile(path, in) {
			return fmt.Errorf("-o %s %w (an input of this command); write the output somewhere else", path, ErrOutputIsInput)
		}
	}
	st, err := os.Stat(path)
	switch {
	case err == nil && !st.Mode().IsRegular() && !st.IsDir():
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	case err == nil && st.IsDir():
		return fmt.Errorf("-o %s is a folder; name a file", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return atomicfile.Write(path, data)
}

// SameFile reports whether two paths name the same existing file.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// SetAside writes a session's answers beside the review file when they
// cannot go into it (the file changed and the user chose to leave it
// alone, or saving keeps failing). It never replaces an earlier set-aside
// file: the first free name of FILE.wafr-unsaved, FILE.wafr-unsaved-2, …
// is used. It returns the path written.
func (w *Workspace) SetAside(path string, r *review.Review) (string, error) {
	data, err := r.Encode()
	if err != nil {
		return "", err
	}
	for i := 1; i <= 1000; i++ {
		name := path + ".wafr-unsaved"
		if i > 1 {
			name = fmt.Sprintf("%s-%d", name, i)
		}
		if _, err := os.Lstat(name); err == nil {
			continue // taken: skip the write (and its fsyncs); WriteNew still guards the race
		}
		err := atomicfile.WriteNew(name, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("%s: too many set-aside files already (%s.wafr-unsaved-N); remove some", path, path)
}
