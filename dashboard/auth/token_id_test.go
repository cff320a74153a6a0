package auth

import (
	"regexp"
	"testing"
)

// TestTokenIDsReadAsArguments: a token's id is typed after "corridor token
// revoke"; one starting with "-" was read as an option.
func TestTokenIDsReadAsArguments(t *testing.T) {
	hexID := regexp.MustCompile(`^[0-9a-f]{18}$`)
	seen := map[string]bool{}
	for range 2000 {
		id := newTokenID()
		if !hexID.MatchString(id) || seen[id] {
			t.Fatalf("token id %q: want 18 hex digits, each id new", id)
		}
		seen[id] = true
	}
}
