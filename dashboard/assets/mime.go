package assets

import (
	"path"
	"strings"
)

// contentType returns the Content-Type for a file name and whether the
// type benefits from gzip/brotli (woff2 is brotli-compressed already).
func contentType(name string) (ctype string, compressible bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8", true // RFC 9239
	case ".css":
		return "text/css; charset=utf-8", true
	case ".json", ".geojson", ".map":
		return "application/json", true
	case ".svg":
		return "image/svg+xml", true
	case ".txt", ".md":
		return "text/plain; charset=utf-8", true
	case ".html":
		return "text/html; charset=utf-8", true
	case ".woff2":
		return "font/woff2", false
	case ".woff":
		return "font/woff", false
	case ".ttf":
		return "font/ttf", true
	case ".png":
		return "image/png", false
	default:
		return "application/octet-stream", false
	}
}
