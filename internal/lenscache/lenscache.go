// Package lenscache keeps parsed lenses on disk between runs of wafr (a
// questions.Cache), in the user's cache folder, never beside the files.
//
// Nothing read back is trusted. An entry holds the identity of the build
// that wrote it, its key, the payload's length and a CRC-32 of the
// payload; a file that is short, long, damaged, written by another build
// or for another key is a miss, and the lens is parsed and stored again.
// Entries are written to a temporary name and renamed, so a reader sees a
// whole entry or none; two processes storing the same key store the same
// bytes. Every error is a miss: a cache that cannot be read or written
// only makes wafr as slow as it was without one.
package lenscache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The environment variables of the cache: EnvSwitch turns it off ("off",
// "0", "false" or "no"); EnvDir puts it in another folder.
const (
	EnvSwitch = "WAFR_CACHE"
	EnvDir    = "WAFR_CACHE_DIR"
)

// MaxEntries is how many entries the folder keeps; storing one more
// removes the oldest. Each build of wafr writes its own entries, so old
// builds' entries age out this way.
const MaxEntries = 32

// maxEntrySize bounds what Get reads: a lens file is at most 10 MB, and its
// entry is about its size.
const maxEntrySize = 32 << 20

// staleTemp is the age past which a temporary file was left by a run that
// died while storing.
const staleTemp = time.Hour

const magic = "wafr lens cache\n"

// Store is a cache folder. Its zero value is not ready: use New.
type Store struct {
	dir string
	// build names the running program (its Go build ID), read once.
	build func() string
	// settle is stampSettle but in tests.
	settle time.Duration
}

// New returns the store in dir (created when first written), or nil when
// the environment (getenv) turns the cache off.
func New(dir string, getenv func(string) string) *Store {
	switch strings.ToLower(getenv(EnvSwitch)) {
	case "off", "0", "false", "no":
		return nil
	}
	build := sync.OnceValue(running)
	if runtime.GOOS != "linux" {
		build() // now, before a newer build can replace the executable
	}
	return newStore(dir, build)
}

func newStore(dir string, build func() string) *Store {
	return &Store{dir: dir, build: build, settle: stampSettle}
}

// DefaultDir is the folder the environment (getenv) names in EnvDir, else
// wafr's folder under the user's cache folder ($XDG_CACHE_HOME, ~/.cache,
// ~/Library/Caches, %LocalAppData%).
func DefaultDir(getenv func(string) string) (string, error) {
	if dir := getenv(EnvDir); dir != "" {
		return filepath.Abs(dir)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	if !filepath.IsAbs(base) { // HOME=. would put it in the current folder
		return "", fmt.Errorf("the cache folder %q is not an absolute path", base)
	}
	return filepath.Join(base, "wafr", "lenses"), nil
}

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// path names the entry of a key for this build.
func (s *Store) path(key string) string {
	sum := sha256.Sum256([]byte(s.build() + "\x00" + key))
	return filepath.Join(s.dir, hex.EncodeToString(sum[:20])+".lens")
}

// header is what precedes the payload of an entry.
func (s *Store) header(key string, payload []byte) []byte {
	h := []byte(magic)
	for _, field := range []string{s.build(), key} {
		h = binary.AppendUvarint(h, uint64(len(field)))
		h = append(h, field...)
	}
	h = binary.BigEndian.AppendUint32(h, crc32.ChecksumIEEE(payload))
	return binary.AppendUvarint(h, uint64(len(payload)))
}

// Get returns the payload stored under key by this build, if a whole and
// undamaged entry is there. A nil Store has nothing. The payload is the
// caller's, freshly read, and callers may keep strings that share it (the
// lens decoder does): nothing may change it afterwards.
func (s *Store) Get(key string) ([]byte, bool) {
	if s == nil || s.build() == "" {
		return nil, false
	}
	// Non-blocking, so that a FIFO put in an entry's place cannot hold the
	// open (it is refused below as not a regular file).
	f, err := os.OpenFile(s.path(key), os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxEntrySize {
		return nil, false
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, false
	}
	return s.payload(key, data)
}

// payload checks an entry read for key and returns its payload.
func (s *Store) payload(key string, data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, false
	}
	for _, want := range []string{s.build(), key} {
		n, w := binary.Uvarint(rest)
		if w <= 0 || n != uint64(len(want)) || len(rest)-w < len(want) || string(rest[w:w+len(want)]) != want {
			return nil, false
		}
		rest = rest[w+len(want):]
	}
	if len(rest) < 4 {
		return nil, false
	}
	sum := binary.BigEndian.Uint32(rest)
	n, w := binary.Uvarint(rest[4:])
	if w <= 0 || n != uint64(len(rest)-4-w) {
		return nil, false
	}
	payload := rest[4+w:]
	if crc32.ChecksumIEEE(payload) != sum {
		return nil, false
	}
	return payload, true
}

// Put stores payload under key, quietly doing nothing when it cannot (or
// for a nil Store).
func (s *Store) Put(key string, payload []byte) {
	if s == nil || s.build() == "" || os.MkdirAll(s.dir, 0o700) != nil {
		return
	}
	tmp, err := os.CreateTemp(s.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(append(s.header(key, payload), payload...))
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), s.path(key)) != nil {
		os.Remove(tmp.Name())
		return
	}
	s.prune()
}

// prune keeps the newest MaxEntries entries and removes temporary files
// left by runs that died while storing.
func (s *Store) prune() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	type aged struct {
		name string
		mod  time.Time
	}
	var kept []aged
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		switch {
		case strings.HasPrefix(e.Name(), ".tmp-"):
			if time.Since(info.ModTime()) > staleTemp {
				os.Remove(filepath.Join(s.dir, e.Name()))
			}
		case strings.HasSuffix(e.Name(), ".lens"):
			kept = append(kept, aged{e.Name(), info.ModTime()})
		}
	}
	if len(kept) <= MaxEntries {
		return
	}
	slices.SortFunc(kept, func(a, b aged) int { return b.mod.Compare(a.mod) })
	for _, e := range kept[MaxEntries:] {
		os.Remove(filepath.Join(s.dir, e.name))
	}
}

// running names the running program by its Go build ID, which changes
// with any change to its code; "" (no caching) when it has none (a build
// with -buildid= empty). On Linux it reads /proc/self/exe, the file this
// process runs even after a newer wafr replaced it on disk; elsewhere New
// reads the executable at once, before anything could replace it.
func running() string {
	exe := "/proc/self/exe"
	if _, err := os.Stat(exe); err != nil {
		if exe, err = os.Executable(); err != nil {
			return ""
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	if id := goBuildID(head[:n]); id != "" {
		return "go:" + id
	}
	return ""
}

// goBuildID finds the Go build ID in the first bytes of an executable: in
// an ELF note (type 4, owner "Go"), or as the marked string the linker
// puts at the start of the code of other formats.
func goBuildID(head []byte) string {
	if i := bytes.Index(head, []byte("\x04\x00\x00\x00Go\x00\x00")); i >= 8 && binary.LittleEndian.Uint32(head[i-8:]) == 4 {
		n := int(binary.LittleEndian.Uint32(head[i-4:]))
		if start := i + 8; n > 0 && n <= 1024 && start+n <= len(head) {
			return string(head[start : start+n])
		}
	}
	const mark = "\xff Go build ID: \""
	if i := bytes.Index(head, []byte(mark)); i >= 0 {
		rest := head[i+len(mark):]
		if j := bytes.IndexByte(rest, '"'); j > 0 && j <= 1024 {
			return string(rest[:j])
		}
	}
	return ""
}
