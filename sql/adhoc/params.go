package adhoc

import (
	"crypto/rand"
	"encoding/hex"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// paramEscaper: the server reads a parameter value as TSV-escaped text, so
// a backslash, tab, newline, CR or NUL in a value is escaped to mean itself.
// Quotes need nothing: the value is data, never SQL.
var paramEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`, "\x00", `\0`)

// escapeParams readies values for clickhouse.WithParameters: the statement
// names them as {name:Type} and the server parses each as its type. They
// are never spliced into the SQL text.
func escapeParams(in map[string]string) clickhouse.Parameters {
	out := make(clickhouse.Parameters, len(in))
	for k, v := range in {
		out[k] = paramEscaper.Replace(v)
	}
	return out
}

// NewQueryID is a random id (UUID form) for one query, shown to the user and
// stored in the audit and the server's query log.
func NewQueryID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// stripComments drops -- and /* */ comments, for the "is there any SQL"
// check only: the statement itself goes to the server as written.
func stripComments(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "--"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return b.String()
			}
			i += j - 1 // the newline itself is kept
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return b.String()
			}
			i += j + 3
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
