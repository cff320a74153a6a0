package read

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gb18030 encodes s as Chinese Excel saves "CSV (逗号分隔)".
func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
