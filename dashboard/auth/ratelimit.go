package auth

import (
	"strings"
	"sync"
	"time"
)

// Login limits: failures allowed within the window before logins are
// refused with 429. Counted in this process's memory only, so with several
// servers each counts its own (see the package comment).
const (
	failWindow   = 10 * time.Minute
	failsPerUser = 5  // per (IP, username)
	failsPerIP   = 20 // per IP, over all usernames
	sweepEvery   = time.Minute
)

// limiter counts recent login failures per key, keeping at most the limit's
// number of timestamps per key (older ones no longer matter).
type limiter struct {
	now       func() time.Time
	mu        sync.Mutex
	fails     map[string][]time.Time
	lastSweep time.Time
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, fails: map[string][]time.Time{}}
}

// keys of the two buckets; the username is case-folded and cut short so
// that spelling variants share a bucket and keys stay small.
func limitKeys(ip, user string) (pair, perIP string) {
	user = strings.ToLower(user)
	if len(user) > 64 {
		user = user[:64]
	}
	return "u\x00" + ip + "\x00" + user, "i\x00" + ip
}

// allow reports whether a login attempt may proceed, and if not, how long
// until it may.
func (l *limiter) allow(ip, user string) (wait time.Duration, ok bool) {
	pair, perIP := limitKeys(ip, user)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	for _, b := range []struct {
		key   string
		limit int
	}{{pair, failsPerUser}, {perIP, failsPerIP}} {
		ts := l.recent(b.key, now)
		if len(ts) >= b.limit {
			if w := ts[len(ts)-b.limit].Add(failWindow).Sub(now); w > wait {
				wait = w
			}
		}
	}
	return wait, wait <= 0
}

// fail counts a failed attempt against both buckets.
func (l *limiter) fail(ip, user string) {
	pair, perIP := limitKeys(ip, user)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.add(pair, now, failsPerUser)
	l.add(perIP, now, failsPerIP)
}

// succeed clears the (IP, username) bucket; the IP's bucket stays, so a
// correct password does not buy an address more guesses at other names.
func (l *limiter) succeed(ip, user string) {
	pair, _ := limitKeys(ip, user)
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, pair)
}

func (l *limiter) add(key string, now time.Time, limit int) {
	ts := append(l.recent(key, now), now)
	if len(ts) > limit {
		ts = ts[len(ts)-limit:]
	}
	l.fails[key] = ts
}

// recent returns key's failures inside the window, dropping older ones.
func (l *limiter) recent(key string, now time.Time) []time.Time {
	ts := l.fails[key]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= failWindow {
		i++
	}
	if i == len(ts) {
		delete(l.fails, key)
		return nil
	}
	ts = ts[i:]
	l.fails[key] = ts
	return ts
}

// sweep forgets keys with no recent failure, so the map stays as small as
// the last ten minutes' failures.
func (l *limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < sweepEvery {
		return
	}
	l.lastSweep = now
	for k := range l.fails {
		l.recent(k, now)
	}
}
