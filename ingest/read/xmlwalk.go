package read

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxXMLDepth bounds element nesting. Worksheets nest about eight deep;
// "<a><a><a>…" would otherwise grow encoding/xml's stack without bound.
const maxXMLDepth = 100

// walkXML streams the tokens of one zip entry to fn, enforcing the depth
// bound and, through xmlRunGuard, the length of one text or tag. CharData
// passed to fn is only valid during the call.
func walkXML(f *zip.File, runLimit int, fn func(tok xml.Token) error) error {
	rc, err := f.Open()
	if err != nil {
		return &Error{Msg: fmt.Sprintf("opening %s: %v", f.Name, err), Err: ErrFormat}
	}
	defer rc.Close()
	guard := &xmlRunGuard{r: rc, name: f.Name, limit: runLimit}
	dec := xml.NewDecoder(guard)
	depth := 0
	for {
		tok, err := dec.RawToken() // no namespace translation: names are matched by local part, and Token is twice as slow
		if err == io.EOF {
			return nil
		}
		if guard.err != nil { // encoding/xml may report a cut-off rune instead
			return guard.err
		}
		if err != nil {
			return xmlReadErr(f.Name, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxXMLDepth {
				return limitErr(0, "", fmt.Sprintf("%s nests deeper than %d elements", f.Name, maxXMLDepth))
			}
		case xml.EndElement:
			depth--
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

// xmlReadErr explains a failure while inflating or parsing an entry.
func xmlReadErr(name string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
		return &Error{Msg: fmt.Sprintf("%s: corrupt zip entry (inflates past its declared size or fails its checksum)", name), Err: ErrFormat}
	}
	return &Error{Msg: fmt.Sprintf("%s: %v", name, err), Err: ErrFormat}
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// intAttr parses an integer attribute; ok is false when absent or bad.
func intAttr(se xml.StartElement, local string) (int, bool) {
	v := attr(se, local)
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	return n, err == nil
}

// boolAttr reads "1"/"true" attributes.
func boolAttr(se xml.StartElement, local string) bool {
	v := attr(se, local)
	return v == "1" || strings.EqualFold(v, "true")
}

// unescapeOOXML decodes the _xHHHH_ escapes Excel writes for characters
// XML cannot carry (such as _x000D_ for a carriage return); _x005F_ is an
// escaped underscore, which keeps a following "_xHHHH_" literal.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if r, ok := ooxmlEscape(s[i:]); ok {
			if r == '_' {
				b.WriteByte('_')
			} else {
				b.WriteRune(r)
			}
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// ooxmlEscape parses "_xHHHH_" at the start of s.
func ooxmlEscape(s string) (rune, bool) {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[2:6], 16, 16)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}
