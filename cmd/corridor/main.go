// Command corridor is the Qilu Science and Technology Innovation Corridor
// analytics system: one binary with subcommands (serve, migrate, engine, …).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/zibo-kj/corridor/sql/engine"
)

// Exit codes shared by all subcommands.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// command is one subcommand: its flags are declared in setup, run does the work.
type command struct {
	name    string
	summary string
	setup   func(fs *flagSet) func(ctx context.Context) error
}

func commands() []command {
	return []command{
		{"serve", "start the engine, apply migrations and serve the dashboard", serveCmd},
		{"migrate", "apply the database migrations and show the ledger", migrateCmd},
		{"engine", "run the embedded ClickHouse alone (or find the one serve runs) and print its read-only DSN", engineCmd},
		{"ingest", "load spreadsheets, registers and policy texts; list, show and withdraw loads", ingestCmd},
		{"query", "run one SQL statement as the read-only user and print the result", queryCmd},
		{"demo", "write the demo data set (2017–2025, sample data) and load it through ingest; --remove withdraws all sample data", demoCmd},
		{"engine-lib", "fetch and verify the engine library once; print its path", engineLibCmd},
		{"user", "add, change, delete and list dashboard users", userCmd},
		{"backup", "write a backup of the database (full, or incremental with --base) into a new folder", backupCmd},
		{"restore", "restore a backup into a data folder that holds no database, and check it", restoreCmd},
		{"token", "add, list and revoke API tokens for scripts (Authorization: Bearer)", tokenCmd},
		{"export", "write a page's charts and tables (png, svg, csv) or a report (xlsx, docx, html) to files; --page monthly is the monthly report", exportCmd},
	}
}

func main() {
	engine.MaybeRunChild() // the same binary serves as the engine's child process
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and returns the process exit code.
func run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		return help(args)
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		fs := newFlagSet(c.name, c.summary)
		do := c.setup(fs)
		if err := fs.parse(args[1:]); err != nil {
			fmt.Fprintf(os.Stderr, "corridor %s: %v\n\n", c.name, err)
			fs.usage(os.Stderr)
			return exitUsage
		}
		if err := do(ctx); err != nil {
			var u usageError
			if errors.As(err, &u) {
				fmt.Fprintf(os.Stderr, "corridor %s: %v\n", c.name, err)
				return exitUsage
			}
			var x exitError
			if errors.As(err, &x) {
				fmt.Fprintf(os.Stderr, "corridor %s: %v\n", c.name, x.err)
				return x.code
			}
			fmt.Fprintf(os.Stderr, "corridor %s: %v\n", c.name, err)
			return exitFailure
		}
		return exitOK
	}
	fmt.Fprintf(os.Stderr, "corridor: unknown command %q; see 'corridor help'\n", args[0])
	return exitUsage
}

// usageError marks an error in how the command was called (exit 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// exitError carries a specific exit code.
type exitError struct {
	code int
	err  error
}

func (x exitError) Error() string { return x.err.Error() }

func help(args []string) int {
	if len(args) >= 2 {
		for _, c := range commands() {
			if c.name == args[1] {
				fs := newFlagSet(c.name, c.summary)
				c.setup(fs)
				fs.usage(os.Stdout)
				return exitOK
			}
		}
		fmt.Fprintf(os.Stderr, "corridor help: unknown command %q\n", args[1])
		return exitUsage
	}
	fmt.Println("corridor — Qilu Science and Technology Innovation Corridor analytics (齐鲁科创大走廊)")
	fmt.Println("\nUsage: corridor <command> [options] [arguments]   (options may also follow the arguments; '--' ends them)\n\nCommands:")
	for _, c := range commands() {
		fmt.Printf("  %-10s %s\n", c.name, c.summary)
	}
	fmt.Println("  help       'corridor help <command>' documents every option of a command")
	fmt.Println("\nEvery option can also be set by an environment variable, named in the command's help.")
	fmt.Println("The database is the embedded engine's in --data (default ./data of the current folder) or an external")
	fmt.Println("ClickHouse (--clickhouse); each command that uses it names it on stderr. Only serve and demo create a")
	fmt.Println("database; the other commands refuse a folder that holds none.")
	fmt.Println("\nExit codes: 0 ok, 1 failure (e.g. a file rejected: nothing was loaded from it), 2 usage (e.g. an unknown option).")
	return exitOK
}
