package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// flagSet is a flag.FlagSet whose options fall back to CORRIDOR_* environment
// variables (CORRIDOR_ + the option's name in upper case, '-' → '_').
type flagSet struct {
	*flag.FlagSet
	summary string
	args    string   // usage of positional arguments; "" means none are accepted
	pos     []string // the positional arguments parse found
}

// Args returns the positional arguments, wherever they stood among the
// options. (flag.FlagSet.Args would return what follows the last option.)
func (fs *flagSet) Args() []string { return fs.pos }

// NArg is len(Args()).
func (fs *flagSet) NArg() int { return len(fs.pos) }

// Arg returns the i-th positional argument, or "".
func (fs *flagSet) Arg(i int) string {
	if i < 0 || i >= len(fs.pos) {
		return ""
	}
	return fs.pos[i]
}

// interspersed parses args piece by piece: the flag package stops at the
// first positional argument, so each positional is set aside and parsing
// resumes after it. "--" ends the options; "-" alone is positional.
func (fs *flagSet) interspersed(args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			return append(pos, args[1:]...), nil
		case len(a) < 2 || a[0] != '-':
			pos = append(pos, a)
			args = args[1:]
			continue
		}
		if err := fs.FlagSet.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.FlagSet.Args()
		if len(rest) < len(args) && len(rest) > 0 && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil // the flag package consumed the "--"
		}
		args = rest
	}
	return pos, nil
}

func newFlagSet(name, summary string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flagSet{FlagSet: fs, summary: summary}
}

// envName is the environment variable that backs option name.
func envName(name string) string {
	return "CORRIDOR_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// parse reads args, then fills every option not given on the command line
// from its environment variable. Options may come before, between or after
// the positional arguments ("ingest FILE --dry-run"): a word that starts
// with '-' is always an option, never a file name, so a misspelt option is
// a usage error rather than a file to load. Only after "--" is every word
// positional (a file named -x.csv). Positionals are in fs.Args().
func (fs *flagSet) parse(args []string) error {
	pos, err := fs.interspersed(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 && fs.args == "" {
		return fmt.Errorf("unexpected argument %q", pos[0])
	}
	fs.pos = pos
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	fs.VisitAll(func(f *flag.Flag) {
		if v, ok := os.LookupEnv(envName(f.Name)); ok && !given[f.Name] && err == nil {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s=%q: %v", envName(f.Name), v, e)
			}
		}
	})
	return err
}

func (fs *flagSet) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: corridor %s [options] %s\n\n%s\n\nOptions:\n", fs.Name(), fs.args, fs.summary)
	fs.VisitAll(func(f *flag.Flag) {
		def := ""
		if f.DefValue != "" {
			def = fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintf(w, "  --%s\n      %s%s\n      env %s\n", f.Name, f.Usage, def, envName(f.Name))
	})
}
