package assets

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

// asset is one servable file with its lazily built compressed variants.
type asset struct {
	data         []byte
	ctype        string
	compressible bool
	tag          string // ETag value (without quotes) of data
	gzip         func() []byte
	brotli       func() []byte
}

// set is every servable file keyed by URL name (the path after the prefix),
// plus the hash of the whole set.
type set struct {
	files map[string]*asset
	hash  string
}

// index reads the embedded files once; the embedded data never changes, so
// this is the only state the package keeps (besides per-file compression).
var index = sync.OnceValue(func() *set {
	s, err := buildSet(files)
	if err != nil {
		panic(err) // embedded data is fixed at build time; tests catch this
	}
	return s
})

// buildSet maps vendor/<name> to <name> and static/<name> to static/<name>,
// so go-echarts finds echarts.min.js and maps/… right under the prefix.
func buildSet(fsys fs.FS) (*set, error) {
	raw := make(map[string][]byte)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		var name string
		switch {
		case strings.HasPrefix(p, "vendor/"):
			name = strings.TrimPrefix(p, "vendor/")
		case strings.HasPrefix(p, "static/"):
			name = p
		default:
			return nil
		}
		if _, dup := raw[name]; dup {
			return fmt.Errorf("assets: %s is both in vendor/ and static/", name)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("assets: read %s: %w", p, err)
		}
		raw[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	s := &set{files: make(map[string]*asset, len(raw)), hash: setHash(raw)}
	for name, data := range raw {
		s.files[name] = newAsset(name, data)
	}
	return s, nil
}

func newAsset(name string, data []byte) *asset {
	ctype, compressible := contentType(name)
	a := &asset{data: data, ctype: ctype, compressible: compressible, tag: fileTag(data)}
	// Compressed on first request for that encoding, then kept: gzip costs
	// ~50 ms and brotli ~230 ms for the 1.1 MB echarts.min.js on 2 cores.
	a.gzip = sync.OnceValue(func() []byte { return smaller(data, gzipBytes(data)) })
	a.brotli = sync.OnceValue(func() []byte { return smaller(data, brotliBytes(data)) })
	return a
}
