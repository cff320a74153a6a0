package auth

import (
	"crypto/rand"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Password hashing is bcrypt at cost 10 rather than argon2id: bcrypt needs
// only a few KiB per hash, so a burst of logins cannot exhaust the memory of
// a small office server the way argon2id's tens of MiB per hash could, and
// it has no parameters to get wrong. Cost 10 is about 50–100 ms per check:
// cheap enough for people, and together with the login rate limit too slow
// for online guessing. Its one limit, 72 bytes, is enforced on input.
const bcryptCost = 10

// Password and username rules.
const (
	MinPasswordLen = 10 // characters
	maxPasswordLen = 72 // bytes: bcrypt ignores anything longer
	minNameLen     = 2  // characters
	maxNameLen     = 32 // characters
)

// dummyHash is a cost-10 bcrypt hash of a random, forgotten password. Verify
// compares against it when the user does not exist, so a login for an
// unknown name takes as long as one with a wrong password and does not
// reveal which names exist.
const dummyHash = "$2a$10$HWDAXuMqN0eEzs2pi0ao2.905KVYMmpMf7ixLwbJK/duJ.l7PaaeW"

// FieldError is invalid input, naming the field so a form or the CLI can
// point at it.
type FieldError struct {
	Field  string // "username", "password", "role" or "lang"
	Reason string
}

func (e *FieldError) Error() string { return "auth: " + e.Field + ": " + e.Reason }

// ValidateUsername checks the username rules: 2–32 characters, each an
// ASCII letter or digit, '.', '_', '-' or a CJK ideograph, starting with a
// letter, digit or ideograph (so it never looks like a command-line option).
func ValidateUsername(name string) error {
	n := utf8.RuneCountInString(name)
	if n < minNameLen || n > maxNameLen {
		return &FieldError{Field: "username", Reason: fmt.Sprintf("must be %d–%d characters long (got %d)", minNameLen, maxNameLen, n)}
	}
	for i, r := range name {
		alnum := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		switch {
		case alnum || unicode.Is(unicode.Han, r):
		case i > 0 && (r == '.' || r == '_' || r == '-'):
		default:
			return &FieldError{Field: "username", Reason: fmt.Sprintf("character %q is not allowed; use letters, digits, Chinese characters and . _ - (not first)", r)}
		}
	}
	if name == KioskName {
		return &FieldError{Field: "username", Reason: fmt.Sprintf("%q is reserved for the kiosk mode", KioskName)}
	}
	return nil
}

// ValidatePassword checks the password rules for the user name: at least
// 10 characters; at most 72 bytes, because bcrypt reads no further; not the
// name, nor containing it (case-insensitive); and not one of the 10,000
// most common passwords (see common.go). Messages say what to do, in
// Chinese and English, as forms and the CLI show them.
func ValidatePassword(name, pw string) error {
	if n := utf8.RuneCountInString(pw); n < MinPasswordLen {
		return &FieldError{Field: "password", Reason: fmt.Sprintf("密码至少需要 %d 个字符（当前 %d 个），请加长 (must be at least %d characters long, got %d: make it longer)", MinPasswordLen, n, MinPasswordLen, n)}
	}
	if len(pw) > maxPasswordLen {
		return &FieldError{Field: "password", Reason: fmt.Sprintf("密码最多 %d 字节（当前 %d 字节，一个汉字占 3 字节），请缩短 (must be at most %d bytes long, got %d; a Chinese character takes 3: make it shorter)", maxPasswordLen, len(pw), maxPasswordLen, len(pw))}
	}
	if name != "" && strings.Contains(strings.ToLower(pw), strings.ToLower(name)) {
		return &FieldError{Field: "password", Reason: "密码不能包含用户名，请另选一个 (must not contain the user name: choose another)"}
	}
	if isCommonPassword(pw) {
		return &FieldError{Field: "password", Reason: "这是最常见的密码之一，容易被猜中，请另选一个，例如几个不相关的词加数字 (is one of the 10,000 most common passwords: choose another, e.g. a few unrelated words and a number)"}
	}
	return nil
}

// GeneratePassword returns a new random password for the user name: 26
// characters of base32 from crypto/rand (130 bits), easy to read aloud and
// to type. It draws again in the rare case the result breaks a rule (a
// short name such as "ab" can occur in random text).
func GeneratePassword(name string) string {
	for {
		if pw := rand.Text(); ValidatePassword(name, pw) == nil {
			return pw
		}
	}
}

func hashPassword(name, pw string) (string, error) {
	if err := ValidatePassword(name, pw); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcryptCost)
	if err != nil {
		return "", fmt.Errorf("auth: hash password: %w", err)
	}
	return string(h), nil
}

// checkPassword reports whether pw matches hash. A malformed hash matches
// nothing.
func checkPassword(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}
