package main

import (
	"reflect"
	"testing"
)

// TestOptionsAnywhere: every command takes its options before, between or
// after its positional arguments, and a word that starts with '-' is an
// option (an unknown one a usage error), never a positional — only "--"
// makes the rest positional.
func TestOptionsAnywhere(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			fresh := func() *flagSet {
				fs := newFlagSet(c.name, c.summary)
				c.setup(fs)
				return fs
			}
			takesArgs := fresh().args != ""
			cases := []struct {
				args []string
				pos  []string // nil: want a usage error
			}{
				{[]string{"--log-level", "debug"}, []string{}},
				{[]string{"A", "--log-level", "debug"}, []string{"A"}},
				{[]string{"A", "--log-level=debug", "B"}, []string{"A", "B"}},
				{[]string{"--log-level", "debug", "A", "--cache", "/c", "B"}, []string{"A", "B"}},
				{[]string{"A", "--no-such-option"}, nil},
				{[]string{"A", "-x.csv"}, nil},
				{[]string{"--log-level", "debug", "--", "-x.csv", "--cache"}, []string{"-x.csv", "--cache"}},
			}
			for _, tc := range cases {
				fs := fresh()
				err := fs.parse(tc.args)
				want := tc.pos
				if !takesArgs && len(want) > 0 {
					want = nil // a command with no positionals refuses one
				}
				switch {
				case want == nil && err == nil:
					t.Errorf("%q: no error, positionals %q", tc.args, fs.Args())
				case want != nil && err != nil:
					t.Errorf("%q: %v", tc.args, err)
				case want != nil && (!reflect.DeepEqual(append([]string{}, fs.Args()...), want) || fs.Lookup("log-level").Value.String() != "debug"):
					t.Errorf("%q: positionals %q, log-level %s; want %q, debug", tc.args, fs.Args(), fs.Lookup("log-level").Value, want)
				}
			}
		})
	}
}

// TestOptionsAnywhereOverrideEnvironment: an option given after a
// positional beats its environment variable, as one given before does.
func TestOptionsAnywhereOverrideEnvironment(t *testing.T) {
	t.Setenv("CORRIDOR_FORMAT", "table")
	fs := newFlagSet("query", "")
	queryCmd(fs)
	if err := fs.parse([]string{"SELECT 1", "--format", "csv"}); err != nil {
		t.Fatal(err)
	}
	if got := fs.Lookup("format").Value.String(); got != "csv" || fs.Arg(0) != "SELECT 1" {
		t.Fatalf("format %s, arg %q", got, fs.Arg(0))
	}
}
