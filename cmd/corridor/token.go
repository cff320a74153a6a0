package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// tokenCmd manages API tokens for scripts: add, list, revoke.
func tokenCmd(fs *flagSet) func(ctx context.Context) error {
	return tokenCommand(fs, os.Stdout)
}

// tokenCommand is tokenCmd with its output as a parameter (tests).
func tokenCommand(fs *flagSet, out io.Writer) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	fs.args = "add USER [--expires 90d] [--name NAME] | list [USER] | revoke ID\n\n" +
		"  add     make a token for USER's scripts (Python, R, Excel Power Query); it is printed once and stored hashed\n" +
		"  list    list tokens (all, or USER's): id, user, name, created, expires, state\n" +
		"  revoke  end a token at once\n\n" +
		"Scripts send it as the header  Authorization: Bearer TOKEN  to any /api/v1/ route and act with the user's role."
	expires := fs.String("expires", "90d", "lifetime of a new token: days (90d) or a Go duration (12h); at most 366d")
	name := fs.String("name", "", "what the token is for, shown in lists")
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		args := fs.Args()
		if len(args) == 0 {
			return usageError{"name an action: add, list or revoke"}
		}
		action, rest := args[0], args[1:]
		switch {
		case action != "add" && action != "list" && action != "revoke":
			return usageError{fmt.Sprintf("unknown action %q; want add, list or revoke", action)}
		case action == "list" && len(rest) > 1, action != "list" && len(rest) != 1:
			return usageError{action + ": wrong number of arguments"}
		}
		ttl, err := parseLifetime(*expires)
		if err != nil {
			return usageError{err.Error()}
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		st := &auth.Store{Conn: s.conn}
		switch action {
		case "add":
			return addToken(ctx, st, out, rest[0], *name, ttl)
		case "revoke":
			t, err := st.RevokeToken(ctx, rest[0], "")
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "revoked token %s of %s\n", t.ID, t.Username)
			return nil
		}
		user := ""
		if len(rest) == 1 {
			user = rest[0]
		}
		return listTokens(ctx, st, out, user)
	}
}

func addToken(ctx context.Context, st *auth.Store, out io.Writer, user, name string, ttl time.Duration) error {
	plain, t, err := st.CreateToken(ctx, user, name, ttl)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "token %s for %s, expires %s\n%s\nThis token is shown only this once; keep it like a password. 此令牌只显示这一次。\n",
		t.ID, t.Username, t.ExpiresAt.In(cst).Format("2006-01-02 15:04"), plain)
	return nil
}

func listTokens(ctx context.Context, st *auth.Store, out io.Writer, user string) error {
	list, err := st.ListTokens(ctx, user)
	if err != nil {
		return err
	}
	now := time.Now()
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSER\tNAME\tCREATED\tEXPIRES\tSTATE")
	for _, t := range list {
		state := "active"
		switch {
		case t.Revoked == 1:
			state = "revoked"
		case !t.Active(now):
			state = "expired"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Username, t.Name, t.CreatedAt.In(cst).Format("2006-01-02 15:04"), t.ExpiresAt.In(cst).Format("2006-01-02 15:04"), state)
	}
	return tw.Flush()
}

// parseLifetime reads "90d" or a Go duration ("12h").
func parseLifetime(s string) (time.Duration, error) {
	var d time.Duration
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil {
			return 0, fmt.Errorf("--expires %q: want days such as 90d, or a duration such as 12h", s)
		}
		d = time.Duration(days) * 24 * time.Hour
	} else if x, err := time.ParseDuration(s); err == nil {
		d = x
	} else {
		return 0, fmt.Errorf("--expires %q: want days such as 90d, or a duration such as 12h", s)
	}
	if d <= 0 || d > auth.MaxTokenTTL {
		return 0, fmt.Errorf("--expires %q: want more than 0 and at most 366d", s)
	}
	return d, nil
}
