package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// otherEnv are the CORRIDOR_* variables that are no command's option.
var otherEnv = map[string]string{
	"CORRIDOR_ADMIN_PASSWORD": "serve reads the first admin's password from it (never a flag: flags show in ps)",
}

// optionsOf returns the options of command name, or nil if there is no
// such command.
func optionsOf(name string) *flagSet {
	for _, c := range commands() {
		if c.name == name {
			fs := newFlagSet(c.name, c.summary)
			c.setup(fs)
			return fs
		}
	}
	return nil
}

// checkCommandText checks a `corridor …` text as the docs or a help page
// write it: the command exists and every --option it names is one of that
// command's. Placeholders (FILE, SQL, <cmd>) are positionals and pass.
func checkCommandText(text string) string {
	_, words := envAndArgs(text)
	if len(words) < 2 || words[0] != "corridor" {
		return ""
	}
	if words[1] == "help" {
		if len(words) > 2 && optionsOf(words[2]) == nil && !strings.ContainsAny(words[2], "<>") && words[2] != "CMD" {
			return "no command " + words[2]
		}
		return ""
	}
	fs := optionsOf(words[1])
	if fs == nil {
		return "no command " + words[1]
	}
	for _, w := range words[2:] {
		if name, ok := strings.CutPrefix(w, "--"); ok && name != "" {
			name, _, _ = strings.Cut(name, "=")
			if fs.Lookup(strings.TrimRight(name, "…,.;:)")) == nil {
				return "corridor " + words[1] + " has no option --" + name
			}
		}
	}
	return ""
}

// TestDocsPromiseOnlyWhatExists: every `corridor …` code span in README.md
// and docs/*.md names a command that exists with options it has, and every
// CORRIDOR_* variable they name backs an option (or is listed in otherEnv).
// The fenced examples are run by TestDocsCommands; these are the ones in
// the text.
func TestDocsPromiseOnlyWhatExists(t *testing.T) {
	for _, bad := range []string{"corridor frob", "corridor ingest --no-such", "corridor help frob"} {
		if checkCommandText(bad) == "" {
			t.Fatalf("the check passes %q", bad)
		}
	}
	env := map[string]bool{}
	for k := range otherEnv {
		env[k] = true
	}
	for _, c := range commands() {
		optionsOf(c.name).VisitAll(func(f *flag.Flag) { env[envName(f.Name)] = true })
	}
	docs, _ := filepath.Glob("../../docs/*.md")
	docs = append([]string{"../../README.md"}, docs...)
	span := regexp.MustCompile("`([^`\n]+)`")
	for _, doc := range docs {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range span.FindAllStringSubmatch(string(b), -1) {
			text := m[1]
			if strings.HasPrefix(text, "corridor ") || strings.HasPrefix(text, "CORRIDOR_") && strings.Contains(text, " corridor ") {
				if why := checkCommandText(text); why != "" {
					t.Errorf("%s: `%s`: %s", doc, text, why)
				}
			}
		}
		for _, v := range regexp.MustCompile(`CORRIDOR_[A-Z_]+`).FindAllString(string(b), -1) {
			if !env[v] {
				t.Errorf("%s names %s, which no option reads", doc, v)
			}
		}
	}
}

// TestHelpPromisesOnlyWhatExists: `corridor help` lists the commands that
// exist, and each `corridor help CMD` names only options CMD has, and
// commands (`corridor X --y`) that exist with those options.
func TestHelpPromisesOnlyWhatExists(t *testing.T) {
	out, _, code := capture(t, func() int { return run(context.Background(), []string{"help"}) })
	if code != exitOK {
		t.Fatalf("help: exit %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, "  "+c.name+" ") {
			t.Errorf("corridor help does not list %s", c.name)
		}
		fs := optionsOf(c.name)
		var b bytes.Buffer
		fs.usage(&b)
		page := b.String()
		refs := regexp.MustCompile(`corridor [a-z-]+(?: [^\s'"()]+)*`)
		for _, m := range refs.FindAllString(page, -1) {
			if why := checkCommandText(m); why != "" {
				t.Errorf("corridor help %s: %q: %s", c.name, m, why)
			}
		}
		own := refs.ReplaceAllString(page, "") // options named in a reference to a command were checked there
		for _, m := range regexp.MustCompile(`(?:^|[\s(,'/])--([a-z][a-z-]*)`).FindAllStringSubmatch(own, -1) {
			if fs.Lookup(m[1]) == nil {
				t.Errorf("corridor help %s names --%s, which it does not have", c.name, m[1])
			}
		}
	}
}
