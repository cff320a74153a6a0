package auth_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

// retryAfter is a 429's Retry-After in seconds (fails the test otherwise).
func retryAfter(t *testing.T, r response) int {
	t.Helper()
	s, err := strconv.Atoi(r.hdr.Get("Retry-After"))
	if r.code != 429 || err != nil {
		t.Fatalf("want 429 with Retry-After, got %d %q %q", r.code, r.hdr.Get("Retry-After"), r.body)
	}
	return s
}

// TestHostileLoginGuessingOneAccount: guesses at one account meet growing
// delays (3 free, then 1, 2, 4 … 30 s), attempts inside a delay are not
// checked, and the right password works as soon as the delay is over.
func TestHostileLoginGuessingOneAccount(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	for i := 1; i <= 3; i++ {
		if r := c.login("viewer1", "wrong-password", "/"); r.code != 401 {
			t.Fatalf("free failure %d: %d", i, r.code)
		}
	}
	if r := c.login("viewer1", "wrong-password", "/"); r.code != 401 {
		t.Fatalf("4th failure (no delay was due yet): %d", r.code)
	}
	for _, want := range []int{1, 2, 4, 8, 16, 30, 30, 30} {
		r := c.login("viewer1", pw, "/") // even the right password waits
		if got := retryAfter(t, r); got != want {
			t.Fatalf("Retry-After %d, want %d", got, want)
		}
		if !strings.Contains(r.body, strconv.Itoa(want)+" 秒") || !strings.Contains(r.body, "try again in") {
			t.Fatalf("message %q", r.body)
		}
		e.clk.Add(time.Duration(want)*time.Second - time.Millisecond)
		retryAfter(t, c.login("viewer1", "wrong-password", "/")) // a moment early: still refused, unchecked
		e.clk.Add(time.Millisecond)
		if r := c.login("viewer1", "wrong-password", "/"); r.code != 401 {
			t.Fatalf("after the %d s delay a guess is checked again: %d", want, r.code)
		}
	}
	e.clk.Add(30 * time.Second) // the cap: never longer than this
	c.mustLogin("viewer1", pw)
	// The success cleared the account: three free failures again.
	for i := 1; i <= 4; i++ {
		if r := c.login("viewer1", "wrong-password", "/"); r.code != 401 {
			t.Fatalf("failure %d after a success: %d", i, r.code)
		}
	}
	if got := retryAfter(t, c.login("viewer1", "wrong-password", "/")); got != 1 {
		t.Fatalf("after a success the delays start again at 1 s, got %d", got)
	}
	if got := c.who(); got != "viewer1" {
		t.Fatalf("the server no longer answers: %q", got)
	}
}

// TestHostileLoginGuessingCases: the account counter follows the name
// across addresses and spellings, the address counter follows the address
// across names, and neither ever keeps the right password out longer than 30 s.
func TestHostileLoginGuessingCases(t *testing.T) {
	cases := []struct {
		name    string
		attack  func(e *env, attacker *client) // the guesses
		victim  func(e *env) *client           // who then logs in, at once
		user    string
		wantNow int // 303 or 429
	}{
		{"distributed guesses at one account delay it from any address", func(e *env, a *client) {
			for i := 0; i < 10; i++ {
				a.ip = fmt.Sprintf("203.0.113.%d", i)
				a.login("analyst1", "wrong-password", "/")
			}
		}, func(e *env) *client { return e.client(t) }, "analyst1", 429},
		{"case variants share the account counter", func(e *env, a *client) {
			for _, n := range []string{"Analyst1", "ANALYST1", "analyst1", "aNaLySt1", "AnAlYsT1"} {
				a.login(n, "wrong-password", "/")
			}
		}, func(e *env) *client { return e.client(t) }, "analyst1", 429},
		{"another account from another address is not delayed", func(e *env, a *client) {
			for i := 0; i < 10; i++ {
				a.login("analyst1", "wrong-password", "/")
			}
		}, func(e *env) *client { c := e.client(t); c.ip = "198.51.100.7"; return c }, "viewer1", 303},
		{"one address spraying many names is delayed on every name", func(e *env, a *client) {
			for i := 0; i < 25; i++ {
				a.login(fmt.Sprintf("user%d", i), "wrong-password", "/")
			}
		}, func(e *env) *client { c := e.client(t); c.ip = "192.0.2.66"; return c }, "viewer1", 429}, // a colleague behind the same NAT
		{"another address is not delayed by a spraying one", func(e *env, a *client) {
			for i := 0; i < 25; i++ {
				a.login(fmt.Sprintf("user%d", i), "wrong-password", "/")
			}
		}, func(e *env) *client { c := e.client(t); c.ip = "198.51.100.8"; return c }, "viewer1", 303},
		{"a NAT under a long attack waits at most 30 s", func(e *env, a *client) {
			for i := 0; i < 30; i++ { // past the free 20, up to the cap
				a.login(fmt.Sprintf("user%d", i%10), "wrong-password", "/")
				e.clk.Add(31 * time.Second)
			}
			a.login("user1", "wrong-password", "/")
		}, func(e *env) *client { c := e.client(t); c.ip = "192.0.2.66"; return c }, "viewer1", 429},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, auth.Config{})
			addUsers(t, e.store)
			a := e.client(t)
			a.ip = "192.0.2.66"
			tc.attack(e, a)
			v := tc.victim(e)
			r := v.login(tc.user, pw, "/")
			if r.code != tc.wantNow {
				t.Fatalf("right password at once: %d, want %d (%s)", r.code, tc.wantNow, r.body)
			}
			if r.code == 429 {
				if s := retryAfter(t, r); s > 30 {
					t.Fatalf("Retry-After %d s: longer than the 30 s cap", s)
				}
				e.clk.Add(30 * time.Second)
				v.mustLogin(tc.user, pw)
			}
			if got := v.who(); got != tc.user {
				t.Fatalf("after the delay: %q", got)
			}
		})
	}
}
