// Package readlimit reads a whole input, a file or a stream, up to a size
// limit: what wafr reads (lenses, reviews, AWS CLI outputs) is bounded, so
// that a wrong file or an endless pipe is refused instead of filling
// memory.
package readlimit

import (
	"errors"
	"io"
)

// ErrTooLarge is an input longer than the limit.
var ErrTooLarge = errors.New("the input is over the size limit")

// All reads r to its end into one buffer sized from sizeHint (a file's
// size, or 0 when unknown) plus a byte to see the end, so that a file is
// read without the copies of a growing buffer. An input of more than max
// bytes gives ErrTooLarge, even one that grows while it is read.
func All(r io.Reader, sizeHint int64, max int) ([]byte, error) {
	data := make([]byte, 0, min(sizeHint, int64(max))+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > max {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
