//go:build !unix

package filelock

// noFollow is not needed where symlinks need privileges to make.
const noFollow = 0
