package auth

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// FirstAdminName is the user EnsureAdmin creates.
const FirstAdminName = "admin"

// EnsureAdmin gives a fresh installation its first administrator. When no
// active user exists it creates user "admin" with role admin and either
// envPassword (the operator's CORRIDOR_ADMIN_PASSWORD; out then says where
// the password came from, never the password) or a generated password,
// which is written to out this once and stored nowhere in clear. There is
// no built-in default password.
//
// Two servers starting at once on an empty database could both create the
// admin with different generated passwords; the re-read below makes the
// loser say so instead of printing a password that does not work. Starting
// one server first, or setting CORRIDOR_ADMIN_PASSWORD, avoids the question.
func EnsureAdmin(ctx context.Context, store *Store, envPassword string, out io.Writer) (created bool, err error) {
	n, err := store.countActive(ctx)
	if err != nil || n > 0 {
		return false, err
	}
	pw := envPassword
	if pw == "" {
		pw = GeneratePassword(FirstAdminName)
	} else if err := ValidatePassword(FirstAdminName, pw); err != nil {
		return false, fmt.Errorf("auth: CORRIDOR_ADMIN_PASSWORD: %w", err)
	}
	mine, err := store.add(ctx, FirstAdminName, pw, Admin)
	if errors.Is(err, ErrExists) {
		return false, nil // another server was quicker; its output has the password
	}
	if err != nil {
		return false, err
	}
	now, err := store.get(ctx, FirstAdminName)
	if err != nil {
		return false, err
	}
	if now.version != mine.version {
		fmt.Fprintf(out, "Corridor: another server created the administrator %q at the same moment; its output shows the password.\n", FirstAdminName)
		return false, nil
	}
	if envPassword != "" {
		fmt.Fprintf(out, "Corridor: no users yet — created the administrator %q with the password from CORRIDOR_ADMIN_PASSWORD.\n"+
			"尚无用户：已创建管理员账号 %q，密码取自环境变量 CORRIDOR_ADMIN_PASSWORD。\n", FirstAdminName, FirstAdminName)
		return true, nil
	}
	fmt.Fprintf(out, `
================================================================
Corridor: no users yet — created the first administrator.
尚无用户：已创建首个管理员账号。

    username 用户名:  %s
    password 密码:    %s

This password is shown ONLY THIS ONCE. Log in and change it, or run
'corridor user passwd %s'.
此密码只显示这一次，请立即登录并修改（或运行 corridor user passwd %s）。
================================================================

`, FirstAdminName, pw, FirstAdminName, FirstAdminName)
	return true, nil
}
