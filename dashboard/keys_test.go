package dashboard

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// keyUses are the ways code and templates name a catalogue string with a
// literal key: tr(lang, "key"), i18n.T(lang, "key"), i18n.F(lang, "key", …),
// {{call .T "key"}}.
var keyUses = regexp.MustCompile(`(?:\btr\(|i18n\.[TF]\()[\w.]+, "([a-z0-9_]+)"[,)]|call \$?\.T "([a-z0-9_]+)"`)

// TestEveryKeyInCatalogue: a key used with a literal name is in the
// catalogue, so no page shows a raw key.
func TestEveryKeyInCatalogue(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("charts/*.go")
	tmpl, _ := filepath.Glob("templates/*.html")
	n := 0
	for _, f := range append(append(files, more...), tmpl...) {
		if f == "keys_test.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyUses.FindAllStringSubmatch(string(b), -1) {
			key := m[1] + m[2]
			n++
			if !i18n.Has(key) {
				t.Errorf("%s: key %q is not in the catalogue", f, key)
			}
		}
	}
	if n < 200 {
		t.Errorf("found only %d key uses: the pattern no longer matches the code", n)
	}
}
