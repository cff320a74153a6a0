package analytics

import "testing"

func TestQuoteLit(t *testing.T) {
	for in, want := range map[string]string{`a`: `'a'`, `it's`: `'it\'s'`, `back\slash`: `'back\\slash'`, `技术合同成交额`: `'技术合同成交额'`} {
		if got := quoteLit(in); got != want {
			t.Errorf("quoteLit(%q) = %s, want %s", in, got, want)
		}
	}
}
