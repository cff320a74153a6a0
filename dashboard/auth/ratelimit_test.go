package auth_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

func TestLoginRateLimitPerUser(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	for i := 1; i <= 5; i++ {
		if r := c.login("viewer1", "wrong-password", "/"); r.code != 401 || r.body != "用户名或密码错误" {
			t.Fatalf("failure %d: %d %q", i, r.code, r.body)
		}
	}
	r := c.login("viewer1", "wrong-password", "/")
	if r.code != 429 {
		t.Fatalf("6th attempt: %d, want 429", r.code)
	}
	if s, err := strconv.Atoi(r.hdr.Get("Retry-After")); err != nil || s < 590 || s > 600 {
		t.Fatalf("Retry-After %q", r.hdr.Get("Retry-After"))
	}
	if r := c.login("viewer1", pw, "/"); r.code != 429 {
		t.Fatalf("right password while blocked: %d, want 429", r.code)
	}
	// Another user from the same address, and the same user from another address, may go on.
	if r := c.login("analyst1", pw, "/"); r.code != 303 {
		t.Fatalf("other user, same IP: %d", r.code)
	}
	other := e.client(t)
	other.ip = "198.51.100.7"
	other.mustLogin("viewer1", pw)

	e.clk.Add(10 * time.Minute)
	c.mustLogin("viewer1", pw)

	// A success resets the (IP, username) count.
	for i := 1; i <= 4; i++ {
		if r := c.login("viewer1", "wrong-password", "/"); r.code != 401 {
			t.Fatalf("failure %d: %d", i, r.code)
		}
	}
	c.mustLogin("viewer1", pw)
	for i := 1; i <= 5; i++ {
		if r := c.login("viewer1", "wrong-password", "/"); r.code != 401 {
			t.Fatalf("failure %d after a success: %d, want 401", i, r.code)
		}
	}
	if r := c.login("viewer1", "wrong-password", "/"); r.code != 429 {
		t.Fatalf("6th failure after a success: %d, want 429", r.code)
	}
}

func TestLoginRateLimitPerIP(t *testing.T) {
	e := newEnv(t, auth.Config{})
	addUsers(t, e.store)
	c := e.client(t)
	for i := 0; i < 20; i++ { // 4 guesses each at 5 names: under the per-name limit
		if r := c.login(fmt.Sprintf("user%d", i/4), "wrong-password", "/"); r.code != 401 {
			t.Fatalf("failure %d: %d", i+1, r.code)
		}
	}
	r := c.login("viewer1", pw, "/")
	if r.code != 429 || r.hdr.Get("Retry-After") == "" {
		t.Fatalf("21st attempt from one IP: %d, Retry-After %q", r.code, r.hdr.Get("Retry-After"))
	}
	e.clk.Add(10*time.Minute + time.Second)
	c.mustLogin("viewer1", pw)
}
