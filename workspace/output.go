package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wafr-dev/wafr/internal/atomicfile"
	"github.com/wafr-dev/wafr/review"
)

// ErrOutputIsInput is returned when an output path names one of the
// command's own input files.
var ErrOutputIsInput = errors.New("is the file being read")

// ErrOutputIsReview is returned when an output path names a wafr review:
// a report or a lens written over it would lose its answers.
var ErrOutputIsReview = errors.New("is a wafr review, which output never replaces")

// WriteOutput writes a command's output to path: "-" or "" means stdout; a
// regular file is replaced atomically; a FIFO, a device or a terminal is
// written to as it is, never replaced by a regular file. A path that names
// an open file descriptor (/dev/stdout, /dev/fd/N, /proc/self/fd/N, or a
// symlink to one) is written through, never replaced: descriptor 1 is
// stdout itself, others are appended to, as a shell's >> would. It
// refuses a path that names one of inputs (the review, or its lens), so
// that output never replaces what it was made from, and a file that loads
// as a review, whose answers no output holds. Any other file is replaced.
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
	if fd, ok := descriptorPath(path); ok {
		if fd == 1 {
			_, err := stdout.Write(data)
			return err
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return fmt.Errorf("-o %s: %w", path, err)
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		return f.Close()
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
	case err == nil && isReview(path, st):
		return fmt.Errorf("-o %s %w: remove it first, or write the output under another name", path, ErrOutputIsReview)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return atomicfile.Write(path, data)
}

// isReview reports whether the regular file at path is a review: one that
// loads, or one that does not (a typo in a hand edit) but is a review all
// the same, which the loader tells from a lens, Markdown or other YAML. An
// empty or binary file is not one.
func isReview(path string, st os.FileInfo) bool {
	if !st.Mode().IsRegular() || st.Size() > review.MaxFileSize {
		return false
	}
	data, err := os.ReadFile(path)
	if err != nil || len(bytes.TrimSpace(data)) == 0 || bytes.IndexByte(data, 0) >= 0 {
		return false
	}
	_, err = review.Parse(path, data)
	return err == nil || !errors.Is(err, review.ErrNotReview)
}

// descriptorName parses the names Linux gives a process's open
// descriptors: /dev/fd/N, /proc/self/fd/N, /proc/thread-self/fd/N and
// /proc/PID/fd/N.
func descriptorName(p string) (fd string, ok bool) {
	rest, ok := strings.CutPrefix(p, "/dev/fd/")
	if !ok {
		var proc string
		if proc, ok = strings.CutPrefix(p, "/proc/"); !ok {
			return "", false
		}
		var who string
		if who, rest, ok = strings.Cut(proc, "/fd/"); !ok || (who != "self" && who != "thread-self" && !allDigits(who)) {
			return "", false
		}
	}
	return rest, allDigits(rest)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// descriptorPath reports whether path is, or is a chain of symlinks to, a
// name of an open file descriptor, and which. Replacing such a file by
// renaming over it would cut the stream (a shell's "> out" or ">> log") off
// from what wafr writes.
func descriptorPath(path string) (int, bool) {
	p := path
	for range 40 {
		if name, ok := descriptorName(filepath.Clean(p)); ok {
			fd, err := strconv.Atoi(name)
			return fd, err == nil
		}
		target, err := os.Readlink(p)
		if err != nil {
			return 0, false
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = target
	}
	return 0, false
}

// SameFile reports whether two paths name the same existing file.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// setAsideSuffix ends the name of a set-aside file (then -2, -3, …).
const setAsideSuffix = ".wafr-unsaved"

// SetAside writes a session's answers beside the review file when they
// cannot go into it (the file changed and the user chose to leave it
// alone, or saving keeps failing). It never replaces an earlier set-aside
// file: the first free name of FILE.wafr-unsaved, FILE.wafr-unsaved-2, …
// is used. It returns the path written.
//
// A set-aside file is a rescue copy, so it is written even when it is over
// the size limit of a review file (which wafr then refuses to open until
// old milestones or long notes are cut from it): refusing would lose the
// answers, often because that limit is why the review file could not be
// saved. It must still read back.
func (w *Workspace) SetAside(path string, r *review.Review) (string, error) {
	data, err := r.Encode()
	if err != nil {
		return "", fmt.Errorf("%s%s: %w", path, setAsideSuffix, err)
	}
	if err := parsesBack(path+setAsideSuffix, data); err != nil {
		return "", err
	}
	for i := 1; i <= maxAside; i++ {
		name := asideCandidate(path, i)
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

// maxAside is how many set-aside files one review file may have.
const maxAside = 1000

// asideCandidate is the i-th name (from 1) SetAside tries for path.
func asideCandidate(path string, i int) string {
	if i == 1 {
		return path + setAsideSuffix
	}
	return fmt.Sprintf("%s%s-%d", path, setAsideSuffix, i)
}

// AsideFiles are the set-aside files of path that are there now, in the
// order SetAside wrote them (up to the first free name).
func AsideFiles(path string) []string {
	var out []string
	for i := 1; i <= maxAside; i++ {
		name := asideCandidate(path, i)
		if _, err := os.Lstat(name); err != nil {
			break
		}
		out = append(out, name)
	}
	return out
}

// AsideName is the file SetAside would write for path now: the first of
// its names that is free. Dialogs name it before the user chooses.
func AsideName(path string) string {
	for i := 1; i <= maxAside; i++ {
		name := asideCandidate(path, i)
		if _, err := os.Lstat(name); err != nil {
			return name
		}
	}
	return asideCandidate(path, 1)
}
