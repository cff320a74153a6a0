package auth

import (
	"strings"
	"sync"

	"github.com/trustelem/zxcvbn/frequency"
)

// commonRank is how far down the frequency-ranked list of leaked passwords
// a password is refused: the 10,000 most common ones are what online
// guessing tries first.
const commonRank = 10_000

// commonPasswords is the refused part of the list, built on first use. The
// list comes from zxcvbn's "passwords" frequency list (ranked by how often
// each appeared in leaks, lower-cased), taken from the Go module rather
// than copied into this repository. Entries shorter than MinPasswordLen are
// left out: the length rule refuses them already.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	list := frequency.FrequencyLists["passwords"]
	list = list[:min(len(list), commonRank)]
	set := make(map[string]struct{}, 512)
	for _, p := range list {
		if len([]rune(p)) >= MinPasswordLen {
			set[p] = struct{}{}
		}
	}
	return set
})

// isCommonPassword reports whether pw, compared case-insensitively as the
// list is lower-case, is among the commonRank most common passwords.
func isCommonPassword(pw string) bool {
	_, ok := commonPasswords()[strings.ToLower(pw)]
	return ok
}
