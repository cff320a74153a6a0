package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The docs test runs the command examples of README.md and docs/*.md, so
// that a documented command that fails fails the tests. What it runs:
// every line of a fenced shell block (```sh, ```bash, ```shell), in
// document order, each document in a fresh temporary folder (its ./data is
// the default data folder) holding the files the examples name. A line
// fails unless it exits 0, or the code its comment states ("→ exit 1").
// Every line that is not run falls under a rule of skipRules, which says why.
// A document whose first command is not serve or demo (the commands that
// create a database) starts from a data folder holding an empty database,
// as an administrator's first `corridor serve` leaves it.

// skipRules are the only lines of the fenced blocks that are not run.
var skipRules = []struct{ prefix, reason string }{
	{"make run", "builds the binary and runs 'corridor serve --demo' until Ctrl-C; that command is run from docs/admin.md"},
	{"make test", "is the test run that this test is part of"},
}

// docFixtures are the files the examples name, made from the test data.
var docFixtures = map[string]string{
	"平台.xlsx":       "../../ingest/testdata/sheets/platforms-2023.xlsx",
	"张店区-资金.xlsx":   "../../ingest/testdata/context/funding-title.xlsx",
	"项目.csv":        "../../ingest/testdata/bad/projects-fiscal.csv",
	"答复.txt":        "../../ingest/testdata/seed-letter.txt",
	"平台-更正.xlsx":    "../../ingest/testdata/sheets/platforms-2023.xlsx",
	"季度技术合同.xlsx":   "../../ingest/testdata/context/quarterly-wide.xlsx",
	"淄川区-月度指标.xlsx": "../../ingest/testdata/context/monthly-wide.xlsx",
}

// loadIDWord in an example stands for the id of the document's latest
// load ("loaded as …"); the test puts that id in its place.
const loadIDWord = "LOAD_ID"

// docCommand is one runnable line of a document.
type docCommand struct {
	file, text string
	line, code int // code: the exit code the line's comment states (0 if none)
}

func TestDocsCommands(t *testing.T) {
	docs, _ := filepath.Glob("../../docs/*.md")
	docs = append([]string{"../../README.md"}, docs...)
	for _, doc := range docs {
		cmds, skipped := docCommands(t, doc)
		for _, s := range skipped {
			t.Logf("%s: not run: %s", doc, s)
		}
		if len(cmds) == 0 {
			continue
		}
		t.Run(filepath.Base(doc), func(t *testing.T) { runDoc(t, cmds) })
	}
}

// docCommands reads the fenced shell blocks of a document: the lines to
// run, and the skipped ones with their rule. A line no rule covers that is
// not a corridor command fails the test: it would otherwise go untested.
func docCommands(t *testing.T, path string) (cmds []docCommand, skipped []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in := false
	var cont string
	for i, line := range strings.Split(string(b), "\n") {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "```") {
			in = !in && (trim == "```sh" || trim == "```bash" || trim == "```shell")
			continue
		}
		if !in || trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		if strings.HasSuffix(trim, `\`) {
			cont += strings.TrimSuffix(trim, `\`) + " "
			continue
		}
		text, comment := splitComment(cont + trim)
		cont = ""
		c := docCommand{file: filepath.Base(path), text: text, line: i + 1}
		if m := regexp.MustCompile(`→ exit (\d)`).FindStringSubmatch(comment); m != nil {
			c.code, _ = strconv.Atoi(m[1])
		}
		if reason := skipReason(text); reason != "" {
			skipped = append(skipped, fmt.Sprintf("line %d %q: %s", c.line, text, reason))
			continue
		}
		if _, args := envAndArgs(text); len(args) == 0 || args[0] != "corridor" {
			t.Errorf("%s:%d: %q is neither a corridor command nor covered by a rule of skipRules", path, c.line, text)
			continue
		}
		cmds = append(cmds, c)
	}
	return cmds, skipped
}

func skipReason(text string) string {
	for _, r := range skipRules {
		if text == r.prefix || strings.HasPrefix(text, r.prefix+" ") {
			return r.reason
		}
	}
	return ""
}

// splitComment cuts a shell line at its comment: a # after a blank and
// outside quotes.
func splitComment(s string) (code, comment string) {
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return strings.TrimSpace(s[:i]), s[i+1:]
		}
	}
	return strings.TrimSpace(s), ""
}

// envAndArgs splits a shell line into its leading VAR=value assignments
// and its words, honouring single and double quotes.
func envAndArgs(s string) (env [][2]string, args []string) {
	var words []string
	var cur strings.Builder
	var quote rune
	have := false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, have = r, true
		case r == ' ' || r == '\t':
			if have || cur.Len() > 0 {
				words = append(words, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
		}
	}
	if have || cur.Len() > 0 {
		words = append(words, cur.String())
	}
	for len(words) > 0 && regexp.MustCompile(`^[A-Z_][A-Z0-9_]*=`).MatchString(words[0]) {
		k, v, _ := strings.Cut(words[0], "=")
		env = append(env, [2]string{k, v})
		words = words[1:]
	}
	return env, words
}

// runDoc runs one document's commands in order in a fresh folder.
func runDoc(t *testing.T, cmds []docCommand) {
	dir := t.TempDir()
	for name, src := range docFixtures {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, k := range []string{"CORRIDOR_DATA", "CORRIDOR_CLICKHOUSE", "CORRIDOR_ADDR"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("CORRIDOR_LOG_LEVEL", "warn")
	if _, first := envAndArgs(cmds[0].text); len(first) < 2 || first[1] != "serve" && first[1] != "demo" {
		s, _ := testStore(t, "--data", "data")
		s.close()
	}
	lastID := ""
	loaded := regexp.MustCompile(`loaded as (\S+)`)
	for _, c := range cmds {
		text := c.text
		if strings.Contains(text, loadIDWord) {
			if lastID == "" {
				t.Fatalf("%s:%d: %q needs a load id, and no earlier example loaded a file", c.file, c.line, text)
			}
			text = strings.ReplaceAll(text, loadIDWord, lastID)
		}
		env, args := envAndArgs(text)
		restore := setEnv(t, env)
		out, errOut, code := runDocCommand(t, args[1:])
		restore()
		if code != c.code {
			t.Errorf("%s:%d: %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", c.file, c.line, text, code, c.code, out, errOut)
		}
		if m := loaded.FindAllStringSubmatch(out, -1); m != nil {
			lastID = m[len(m)-1][1]
		}
	}
}

// runDocCommand runs one command in process. serve and engine run until
// stopped: they are stopped once ready (serve answers /healthz, engine has
// printed its DSN), which is what the example shows.
func runDocCommand(t *testing.T, args []string) (string, string, int) {
	t.Helper()
	if len(args) == 0 || (args[0] != "serve" && args[0] != "engine") {
		return capture(t, func() int { return run(context.Background(), args) })
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var addr string
	if args[0] == "serve" {
		fs := newFlagSet("serve", "")
		serveCmd(fs)
		_, _ = fs.interspersed(args[1:]) // only --addr matters here; run reports the errors
		if addr = fs.Lookup("addr").Value.String(); !fs.given("addr") && os.Getenv("CORRIDOR_ADDR") == "" {
			addr, _ = freeAddr(t) // not the default 8080, which may be taken
			args = append(args, "--addr", addr)
		} else if !fs.given("addr") {
			addr = os.Getenv("CORRIDOR_ADDR")
		}
	}
	var out syncBuffer
	ready := func() bool { return strings.Contains(out.String(), "read-only DSN") }
	if addr != "" {
		ready = func() bool {
			r, err := http.Get("http://" + addr + "/healthz")
			if err != nil {
				return false
			}
			r.Body.Close()
			return r.StatusCode == http.StatusOK
		}
	}
	go func() {
		deadline := time.Now().Add(3 * time.Minute)
		for !ready() && time.Now().Before(deadline) && ctx.Err() == nil {
			time.Sleep(200 * time.Millisecond)
		}
		cancel()
	}()
	return captureTo(t, &out, func() int { return run(ctx, args) })
}

// setEnv sets a command line's VAR=value assignments for one command and
// returns what puts the environment back.
func setEnv(t *testing.T, env [][2]string) (restore func()) {
	t.Helper()
	var undo []func()
	for _, kv := range env {
		old, had := os.LookupEnv(kv[0])
		t.Setenv(kv[0], kv[1]) // restored at the end of the test, and now:
		undo = append(undo, func() {
			if had {
				os.Setenv(kv[0], old)
			} else {
				os.Unsetenv(kv[0])
			}
		})
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}

// given reports whether option name was on the command line.
func (fs *flagSet) given(name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}
