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
	args    string // usage of positional arguments; "" means none are accepted
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
// from its environment variable.
func (fs *flagSet) parse(args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 && fs.args == "" {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
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
