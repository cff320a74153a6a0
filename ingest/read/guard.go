package read

import (
	"fmt"
	"io"
)

// minRecordBytes is the floor of recordLimit.
const minRecordBytes = 4 << 20

// recordLimit bounds one CSV record (all its lines) or one JSON Lines
// line: 4 MiB, or 8 × MaxCellBytes when that is larger. The CSV lexer and
// bufio.Scanner check it while they buffer a line, so a 1 GB line is
// refused before it is in memory.
func recordLimit(o Options) int {
	return max(minRecordBytes, 8*o.MaxCellBytes)
}

// tokenGuard bounds the length of one JSON string or literal before
// encoding/json buffers it. Escapes are not decoded, so the limit is on
// raw bytes.
type tokenGuard struct {
	r      io.Reader
	limit  int
	inStr  bool
	escape bool
	n      int
	line   int
	err    error
}

// newTokenGuard wraps r with a per-token limit.
func newTokenGuard(r io.Reader, limit int) *tokenGuard {
	return &tokenGuard{r: r, limit: limit, line: 1}
}

// Read passes bytes through until one token grows past the limit.
func (g *tokenGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i := range n {
		c := p[i]
		if c == '\n' {
			g.line++
		}
		switch {
		case g.escape:
			g.escape = false
		case g.inStr && c == '\\':
			g.escape = true
		case c == '"':
			g.inStr, g.n = !g.inStr, 0
			continue
		case !g.inStr && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' ||
			c == '[' || c == ']' || c == '{' || c == '}'):
			g.n = 0
			continue
		}
		g.n++
		if g.n > g.limit {
			g.err = limitErr(g.line, "", fmt.Sprintf("JSON value longer than %d bytes", g.limit))
			return 0, g.err
		}
	}
	return n, err
}

// xmlRunGuard bounds the bytes between two angle brackets in a zip entry:
// one text node or one tag. encoding/xml returns a text node only once it
// has buffered all of it, so an entry that is one 150 MB text node would
// otherwise be held in memory whole.
type xmlRunGuard struct {
	r     io.Reader
	name  string
	limit int
	n     int
	err   error
}

// Read passes bytes through until a run grows past the limit.
func (g *xmlRunGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for _, c := range p[:n] {
		if c == '<' || c == '>' {
			g.n = 0
			continue
		}
		g.n++
		if g.n > g.limit {
			g.err = limitErr(0, "", fmt.Sprintf("%s has a text or tag longer than %d bytes", g.name, g.limit))
			return 0, g.err
		}
	}
	return n, err
}
