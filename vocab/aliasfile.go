package vocab

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxAliasLine bounds one line of an alias file.
const maxAliasLine = 64 * 1024

// LoadAliases reads an editable alias file on top of base (DefaultAliases()
// when base is nil) and returns a new Aliases; base is not changed.
//
// The file is UTF-8 text, one canonical name per line, its aliases after
// "=" separated by commas (, ， 、 ; ；):
//
//	# universities
//	山东大学 = 山大, 山东大学(济南), Shandong University
//	淄博市工业和信息化局 = 淄博市工信局
//
// '#' starts a comment; blank lines are skipped; a line without "=" just
// declares a canonical name. The file wins over base: it may move a default
// alias to another organisation. Within the file an alias may name only one
// organisation, and a canonical name cannot be an alias of another one.
// Errors name the line: `vocab: aliases line 3: ...`.
func LoadAliases(r io.Reader, base *Aliases) (*Aliases, error) {
	if base == nil {
		base = DefaultAliases()
	}
	a := base.clone()
	l := aliasLoader{a: a, line: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxAliasLine)
	n := 0
	for sc.Scan() {
		n++
		if err := l.parseLine(n, sc.Text()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("vocab: aliases line %d: longer than %d bytes", n+1, maxAliasLine)
		}
		return nil, fmt.Errorf("vocab: aliases: %w", err)
	}
	return a, nil
}

// aliasLoader holds the state of one LoadAliases call.
type aliasLoader struct {
	a    *Aliases
	line map[string]int // alias key → line of the file that set it
}

// parseLine reads one line "canonical = alias, alias".
func (l *aliasLoader) parseLine(n int, text string) error {
	if n == 1 {
		text = strings.TrimPrefix(text, "\uFEFF")
	}
	text, _, _ = strings.Cut(text, "#")
	text = strings.ReplaceAll(CleanText(text), "＝", "=")
	if text == "" {
		return nil
	}
	left, right, _ := strings.Cut(text, "=")
	canon := displayName(left)
	if canon == "" {
		return fmt.Errorf("vocab: aliases line %d: %q has no canonical name before '='", n, shorten(text))
	}
	if err := l.addCanonical(n, canon); err != nil {
		return err
	}
	for _, alias := range splitAliases(right) {
		if err := l.addAlias(n, canon, alias); err != nil {
			return err
		}
	}
	return nil
}

// addCanonical records canon as a canonical name mapping to itself.
func (l *aliasLoader) addCanonical(n int, canon string) error {
	k := aliasKey(canon)
	if at, ok := l.line[k]; ok && l.a.byKey[k] != canon {
		return fmt.Errorf("vocab: aliases line %d: %q is already an alias of %q (line %d)", n, canon, l.a.byKey[k], at)
	}
	l.a.byKey[k] = canon
	l.a.canon[canon] = true
	l.line[k] = n
	return nil
}

// addAlias maps alias to canon, refusing clashes with earlier lines of the
// file and with other canonical names.
func (l *aliasLoader) addAlias(n int, canon, alias string) error {
	k := aliasKey(alias)
	old, known := l.a.byKey[k]
	switch {
	case !known || old == canon:
	case l.a.canon[old] && aliasKey(old) == k:
		return fmt.Errorf("vocab: aliases line %d: alias %q of %q is itself a canonical name", n, alias, canon)
	case l.line[k] > 0:
		return fmt.Errorf("vocab: aliases line %d: alias %q of %q already names %q (line %d)", n, alias, canon, old, l.line[k])
	}
	l.a.byKey[k] = canon
	l.line[k] = n
	return nil
}

// splitAliases splits the right side of a line on ASCII and Chinese commas
// and semicolons, dropping empty pieces.
func splitAliases(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；", r) })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
