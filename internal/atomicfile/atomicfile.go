// Package atomicfile replaces files so that a crash, a full disk or a kill
// at any moment leaves either the old content or the new one, never a mix,
// and never a partial file under the real name.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Why Write refused, beyond what the system says: its errors name the
// file in English, and are these for errors.Is, so a caller in another
// language can word them.
var (
	// ErrNotRegular: the path names something other than a regular file.
	ErrNotRegular = errors.New("not a regular file")
	// ErrReadOnly: the file is marked read-only, or this user may not
	// write it (replacing it by a rename would get round that).
	ErrReadOnly = errors.New("the file is read-only")
	// ErrNoFolder: the file's folder does not exist.
	ErrNoFolder = errors.New("the folder does not exist")
	// ErrFolderNotWritable: the folder does not let a new file be written
	// beside the old one (the system's error is wrapped too).
	ErrFolderNotWritable = errors.New("the folder does not allow writing a new file in it")
)

// writeError is an error of Write with its message as it always read, of
// one of the kinds above, wrapping the system's error when there is one.
type writeError struct {
	msg  string
	kind error
	err  error
}

func (e *writeError) Error() string { return e.msg }

func (e *writeError) Unwrap() []error {
	if e.err == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.err}
}

// tempMarker is part of every temporary file's name, so that a temporary
// left by a killed process can be recognised and removed later.
const tempMarker = ".tmp-"

// Write replaces the file at path with data. It writes a temporary file in
// the same folder, syncs it, renames it over the old file and syncs the
// folder. Writing through a symlink updates the file it points to and keeps
// the link; an existing file keeps its permission bits.
// A file in a folder we may not write cannot be replaced this way: the
// error says so, and the file is left as it was.
func Write(path string, data []byte) error {
	target, err := Resolve(path)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	keep := fs.FileMode(0) // a new file gets the umask's mode, as any new file
	var was fs.FileInfo
	if st, err := os.Stat(target); err == nil {
		was = st
		if !st.Mode().IsRegular() {
			return &writeError{msg: fmt.Sprintf("save %s: not a regular file", path), kind: ErrNotRegular}
		}
		// A rename would replace a file its mode or owner keeps from us.
		if st.Mode().Perm()&0o222 == 0 {
			return &writeError{msg: fmt.Sprintf("save %s: the file is read-only (mode %04o), so wafr leaves it as it is: make it writable (chmod u+w) to save", path, st.Mode().Perm()),
				kind: ErrReadOnly, err: fs.ErrPermission}
		}
		if err := mayWrite(target); err != nil {
			return &writeError{msg: fmt.Sprintf("save %s: wafr may not write the file (%v), so it leaves it as it is", path, err), kind: ErrReadOnly, err: err}
		}
		keep = st.Mode().Perm()
	}
	tmp, err := newTemp(target)
	if err != nil {
		dir := folderOf(target)
		if missingFolder(dir, err) {
			return &writeError{msg: fmt.Sprintf("save %s: the folder %s does not exist", path, dir), kind: ErrNoFolder}
		}
		if isPermission(err) || errors.Is(err, fs.ErrNotExist) { // ENOENT in a folder that is there: /proc
			return &writeError{msg: fmt.Sprintf("save %s: wafr saves by writing a new file beside it and renaming it, and the folder %s does not allow that: %v",
				path, dir, err), kind: ErrFolderNotWritable, err: err}
		}
		return fmt.Errorf("save %s: %w", path, err)
	}
	if was != nil {
		keepOwner(tmp, was)
	}
	if err := finish(tmp, data, keep); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("save %s: %w", path, err)
	}
	syncDir(folderOf(target))
	return nil
}

// WriteNew writes data to a file that must not exist yet, atomically: it
// fails with an error wrapping fs.ErrExist rather than replace anything.
func WriteNew(path string, data []byte) error {
	dir := folderOf(path)
	tmp, err := newTemp(path)
	if missingFolder(dir, err) {
		return &writeError{msg: fmt.Sprintf("write %s: the folder %s does not exist", path, dir), kind: ErrNoFolder}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := finish(tmp, data, 0); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// A hard link appears complete or not at all, and never replaces.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("write %s: %w", path, fs.ErrExist)
		}
		// No hard links here (some file systems): fall back to an
		// exclusive create, which is not atomic but never replaces.
		f, cerr := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if cerr != nil {
			return fmt.Errorf("write %s: %w", path, cerr)
		}
		if err := finish(f, data, 0); err != nil {
			os.Remove(path)
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	syncDir(dir)
	return nil
}

// Resolve follows symlinks to the file they name; a path that does not exist
// yet resolves to itself.
func Resolve(path string) (string, error) {
	resolved, err := filepath.EvalSymlinks(path)
	switch {
	case err == nil:
		return resolved, nil
	case errors.Is(err, fs.ErrNotExist):
		// A dangling link still names where the file goes.
		if target, lerr := os.Readlink(path); lerr == nil {
			if !filepath.IsAbs(target) {
				target = filepath.Join(filepath.Dir(path), target)
			}
			return target, nil
		}
		return path, nil
	}
	return "", err
}

// TempPattern is the os.CreateTemp pattern of temporary files for target.
func TempPattern(target string) string {
	return "." + filepath.Base(target) + tempMarker + "*"
}

// RemoveStale deletes temporary files of target left behind by a process
// that was killed between creating and renaming them. Call it only while
// holding the lock that every writer of target holds, so that no live
// writer's temporary is taken for a stale one.
func RemoveStale(target string) {
	dir, base := filepath.Dir(target), "."+filepath.Base(target)+tempMarker
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, base) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// RemoveAbandoned deletes temporary files of the files whose names begin
// with prefix's ("review.yaml.wafr-unsaved" covers ….wafr-unsaved-2 too)
// that were last changed longer ago than age. It is for files written
// without a lock, where only age tells a killed writer's temporary from
// a live one's (a write takes milliseconds).
func RemoveAbandoned(prefix string, age time.Duration) {
	dir, base := filepath.Dir(prefix), "."+filepath.Base(prefix)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || !strings.Contains(name[len(base):], tempMarker) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// finish writes data, gives the file mode (0: the mode it was made with),
// syncs it and closes it.
func finish(f *os.File, data []byte, mode fs.FileMode) error {
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if mode != 0 {
		if err := f.Chmod(mode); err != nil && !errors.Is(err, errors.ErrUnsupported) {
			f.Close()
			return err
		}
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// newTemp makes a temporary file beside target, named for it, with the mode
// a new file gets (0666 less the umask): os.CreateTemp's 0600 would make
// every new review private, whatever the umask says.
func newTemp(target string) (*os.File, error) {
	dir, prefix := folderOf(target), strings.TrimSuffix(TempPattern(target), "*")
	for {
		var rnd [6]byte
		if _, err := rand.Read(rnd[:]); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(inFolder(dir, prefix+hex.EncodeToString(rnd[:])), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}

// folderOf is the folder that holds path as the system reads it: path
// up to its last separator. filepath.Dir cleans "nosuch/../x" to ".",
// where the system looks for nosuch first: a temporary file made there
// could never be renamed to path.
func folderOf(path string) string {
	i := len(path) - 1
	for i >= 0 && !os.IsPathSeparator(path[i]) {
		i--
	}
	vol := filepath.VolumeName(path)
	switch {
	case i < len(vol):
		return vol + "." // no separator: the current folder (of drive C: for "C:x")
	case i == len(vol):
		return path[:i+1] // the root
	}
	return path[:i]
}

// inFolder is filepath.Join(dir, name) without cleaning dir, which
// would take "nosuch/.." for ".".
func inFolder(dir, name string) string {
	if os.IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// missingFolder says whether err, from creating a file in dir, is dir
// not existing (and not a folder that exists but refuses a new file
// with the same error, as /proc does).
func missingFolder(dir string, err error) bool {
	if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	_, serr := os.Stat(dir)
	return errors.Is(serr, fs.ErrNotExist) || errors.Is(serr, syscall.ENOTDIR)
}

// syncDir makes a rename in dir survive a power cut.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func isPermission(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
