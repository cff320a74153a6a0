package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// userCmd manages dashboard users: add, passwd, role, del, list.
func userCmd(fs *flagSet) func(ctx context.Context) error {
	return userCommand(fs, os.Stdin, os.Stdout)
}

// userCommand is userCmd with its standard input and output as parameters (tests).
func userCommand(fs *flagSet, stdin io.Reader, out io.Writer) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	fs.args = "add NAME --role ROLE [--password-stdin] | passwd NAME [--password-stdin] | role NAME --role ROLE | del NAME | list\n\n" +
		"  add     create a user; prints a generated password once unless --password-stdin\n" +
		"  passwd  set a new password (generated and printed once unless --password-stdin); ends the user's sessions\n" +
		"  role    change a user's role\n" +
		"  del     delete (disable) a user; 'add' brings the name back\n" +
		"  list    list users: name, role, language, disabled, created\n\n" +
		"A password needs at least 10 characters, must not contain the user name and must not be one of\n" +
		"the 10,000 most common passwords.\n\n" +
		"Beside a running 'corridor serve' on the same data folder, the command uses that server's engine: no stop is needed.\n" +
		"With an external ClickHouse, pass the same --clickhouse (and --cluster) as serve."
	role := fs.String("role", "", "role for add and role: viewer (leaders: dashboards, chart exports, the names behind a chart), analyst (also the rows behind a chart and their exports, the data page, the SQL console) or admin (also data loads, withdrawals and reviews)")
	pwStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input instead of generating one")
	return func(ctx context.Context) error {
		args := fs.Args()
		if err := c.Validate(); err != nil {
			return err
		}
		if len(args) == 0 {
			return usageError{"name an action: add, passwd, role, del or list"}
		}
		action, rest := args[0], args[1:]
		wantArgs := map[string]int{"add": 1, "passwd": 1, "role": 1, "del": 1, "list": 0}
		n, ok := wantArgs[action]
		switch {
		case !ok:
			return usageError{fmt.Sprintf("unknown action %q; want add, passwd, role, del or list", action)}
		case len(rest) != n && n == 0:
			return usageError{fmt.Sprintf("%s takes no arguments", action)}
		case len(rest) != n:
			return usageError{fmt.Sprintf("%s takes one user name", action)}
		}
		var name string
		if n == 1 {
			name = rest[0]
		}
		var r auth.Role
		var err error
		if action == "add" || action == "role" {
			if *role == "" {
				return usageError{action + " needs --role viewer, analyst or admin"}
			}
			if r, err = auth.ParseRole(*role); err != nil {
				return usageError{fmt.Sprintf("--role %q: want viewer, analyst or admin", *role)}
			}
		} else if *role != "" {
			return usageError{"--role is for add and role only"}
		}
		if *pwStdin && action != "add" && action != "passwd" {
			return usageError{"--password-stdin is for add and passwd only"}
		}
		if action == "add" {
			if err := auth.ValidateUsername(name); err != nil {
				return usageError{err.Error()}
			}
		}
		var pw string
		generated := false
		if action == "add" || action == "passwd" {
			if pw, generated, err = userPassword(name, *pwStdin, stdin); err != nil {
				return err
			}
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		return runUserAction(ctx, &auth.Store{Conn: s.conn}, out, action, name, r, pw, generated)
	}
}

func runUserAction(ctx context.Context, st *auth.Store, out io.Writer, action, name string, r auth.Role, pw string, generated bool) error {
	switch action {
	case "add":
		if err := st.Add(ctx, name, pw, r); err != nil {
			return err
		}
		fmt.Fprintf(out, "created user %s (%s)\n", name, r)
	case "passwd":
		if err := st.SetPassword(ctx, name, pw); err != nil {
			return err
		}
		fmt.Fprintf(out, "new password set for %s; their sessions end within 30 seconds\n", name)
	case "role":
		if err := st.SetRole(ctx, name, r); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s is now %s (effective within 30 seconds)\n", name, r)
	case "del":
		if err := st.Delete(ctx, name); err != nil {
			return err
		}
		fmt.Fprintf(out, "deleted user %s; their sessions end within 30 seconds\n", name)
	case "list":
		return listUsers(ctx, st, out)
	}
	if generated {
		fmt.Fprintf(out, "password: %s\nThis password is shown only this once; pass it on over a safe channel. 此密码只显示这一次。\n", pw)
	}
	return nil
}

// userPassword reads the password for user name from the first line of
// stdin, or generates one (to be printed once). A password that breaks the
// rules (auth.ValidatePassword) is a usage error, before any engine starts.
func userPassword(name string, fromStdin bool, stdin io.Reader) (pw string, generated bool, err error) {
	if !fromStdin {
		return auth.GeneratePassword(name), true, nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("read password from standard input: %w", err)
	}
	pw = strings.TrimRight(line, "\r\n")
	if err := auth.ValidatePassword(name, pw); err != nil {
		return "", false, usageError{err.Error() + " (read from standard input)"}
	}
	return pw, false, nil
}

func listUsers(ctx context.Context, st *auth.Store, out io.Writer) error {
	list, err := st.List(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tLANG\tDISABLED\tCREATED")
	for _, a := range list {
		disabled := "no"
		if a.Disabled {
			disabled = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Name, a.Role, a.Lang, disabled, a.CreatedAt.In(cst).Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}
