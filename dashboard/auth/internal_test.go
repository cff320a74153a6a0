package auth

import (
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

// TestLimiterWindow: failures age out of the window one by one.
func TestLimiterWindow(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	for i := 0; i < failsPerUser; i++ {
		l.fail("ip", "Alice")
		now = now.Add(time.Minute)
	}
	wait, ok := l.allow("ip", "alice") // case-folded: the same bucket
	if ok || wait != 5*time.Minute {
		t.Fatalf("after 5 failures: ok %v, wait %v, want 5m", ok, wait)
	}
	now = now.Add(5 * time.Minute) // the first failure leaves the window
	if _, ok := l.allow("ip", "alice"); !ok {
		t.Fatal("still blocked once the oldest failure aged out")
	}
	now = now.Add(time.Hour)
	l.allow("other", "x") // sweeps
	if len(l.fails) != 0 {
		t.Fatalf("stale entries kept: %v", l.fails)
	}
}
