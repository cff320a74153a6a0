package adhoc

import (
	"reflect"
	"testing"
)

// The messages are ClickHouse 26.7's own, as the console's account gets them.
func TestSuggestReadsTheServersGuesses(t *testing.T) {
	for _, c := range []struct {
		msg, name string
		meant     []string
	}{
		{"Unknown expression identifier `district_cod` in scope SELECT district_cod FROM platforms_current. Maybe you meant: ['district_code']", "district_cod", []string{"district_code"}},
		{"Unknown table expression identifier 'platform_current' in scope SELECT count() FROM platform_current. Maybe you meant corridor.platforms_current?", "platform_current", []string{"platforms_current"}},
		{"Unknown function cont. Maybe you meant: ['count', 'cot']", "cont", []string{"count", "cot"}},
		{"Unknown expression identifier `zzz` in scope SELECT zzz", "zzz", nil},
	} {
		name, meant := suggest(c.msg)
		if name != c.name || !reflect.DeepEqual(meant, c.meant) {
			t.Errorf("%q → %q %q, want %q %q", c.msg, name, meant, c.name, c.meant)
		}
	}
}
