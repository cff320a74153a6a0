package auth

import (
	"fmt"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

// TestDummyHashCost: the hash compared for unknown users must cost what a
// real one does, or the timing tells which names exist.
func TestDummyHashCost(t *testing.T) {
	if c, err := bcrypt.Cost([]byte(dummyHash)); err != nil || c != bcryptCost {
		t.Fatalf("dummy hash cost %d (%v), want %d", c, err, bcryptCost)
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/":                 "/",
		"/data?year=2021#x": "/data?year=2021#x",
		"/a/b/../c":         "/a/b/../c",
		"/%2F%2Fevil.com":   "/%2F%2Fevil.com", // a path: browsers do not decode it into a host
		"":                  "/",
		"data":              "/",
		"//evil.com":        "/",
		"///evil.com":       "/",
		"/\\evil.com":       "/",
		"/a\\b":             "/",
		"/\t/evil.com":      "/",
		"/\r\nSet-Cookie:x": "/",
		"http://evil.com":   "/",
		"HTTPS://evil.com":  "/",
		"javascript:x":      "/",
		" /data":            "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHostileLimiterNameSpray: a flood of made-up names keeps the limiter's
// memory bounded, and a counter that delays someone survives the flood.
func TestHostileLimiterNameSpray(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	for i := 0; i < 10; i++ {
		l.fail("192.0.2.1", "alice")
	}
	for i := 0; i < 3*maxKeys; i++ {
		l.fail(fmt.Sprintf("2001:db8::%x", i), fmt.Sprintf("name%d", i))
		if len(l.keys) > maxKeys {
			t.Fatalf("%d keys after %d sprayed failures, want at most %d", len(l.keys), i+1, maxKeys)
		}
	}
	if wait, ok := l.allow("198.51.100.1", "Alice"); ok || wait != maxDelay {
		t.Fatalf("alice's counter lost in the flood: wait %v ok %v", wait, ok)
	}
	now = now.Add(forgetAfter)
	l.allow("x", "y") // sweeps
	if len(l.keys) != 0 {
		t.Fatalf("%d stale counters kept", len(l.keys))
	}
}

// TestDelayAfter: free failures, then doubling from 1 s, capped at 30 s.
func TestDelayAfter(t *testing.T) {
	for n, want := range map[int]time.Duration{0: 0, 3: 0, 4: time.Second, 5: 2 * time.Second, 8: 16 * time.Second, 9: maxDelay, 1000: maxDelay} {
		if got := delayAfter(n, freeAccountFails); got != want {
			t.Errorf("delayAfter(%d) = %v, want %v", n, got, want)
		}
	}
}
