package auth

import (
	"strings"
	"sync"
	"time"
)

// Login throttling slows guessing down with growing delays instead of
// locking anyone out: after a few free failures, the next attempt must wait
// 1 s after the latest failure, then 2 s, 4 s … up to maxDelay. A correct
// password is therefore never refused for longer than maxDelay after the
// last failure; once the wait is over it is checked like any other.
//
// Two counters apply to each attempt, and the longer wait wins: one per
// account (the user name, whichever address the guesses come from) and one
// per client address (over all names, with more free failures, since many
// people may share an office's NAT address). A success clears the account's
// counter, not the address's, so one known password does not buy an
// address more guesses at other names. Counted in this process's memory
// only (see the package comment).
const (
	freeAccountFails = 3                // failures per account before any delay
	freeIPFails      = 20               // failures per address before any delay
	firstDelay       = time.Second      // the wait after the first failure beyond the free ones
	maxDelay         = 30 * time.Second // the longest wait, however many failures
	forgetAfter      = 15 * time.Minute // a counter with no failure for this long starts again at 0
	maxKeys          = 50_000           // counters kept at most: names are chosen by the guesser
	sweepEvery       = time.Minute
)

// strikes is one counter: failures since it was last cleared, and when the
// latest happened.
type strikes struct {
	n    int
	last time.Time
}

// limiter holds the account and address counters.
type limiter struct {
	now       func() time.Time
	mu        sync.Mutex
	keys      map[string]strikes
	lastSweep time.Time
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, keys: map[string]strikes{}}
}

// limitKeys are the two counters' keys; the name is case-folded and cut
// short so that spelling variants share a counter and keys stay small.
func limitKeys(ip, user string) (account, addr string) {
	user = strings.ToLower(user)
	if len(user) > 64 {
		user = user[:64]
	}
	return "u\x00" + user, "i\x00" + ip
}

// delayAfter is how long after its latest failure a counter at n failures,
// free of them allowed, makes the next attempt wait.
func delayAfter(n, free int) time.Duration {
	if n <= free {
		return 0
	}
	return min(firstDelay<<min(n-free-1, 16), maxDelay)
}

// allow reports whether a login attempt may be checked now, and if not,
// how long until it may.
func (l *limiter) allow(ip, user string) (wait time.Duration, ok bool) {
	account, addr := limitKeys(ip, user)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	for _, k := range []struct {
		key  string
		free int
	}{{account, freeAccountFails}, {addr, freeIPFails}} {
		s, ok := l.keys[k.key]
		if !ok {
			continue
		}
		if w := s.last.Add(delayAfter(s.n, k.free)).Sub(now); w > wait {
			wait = w
		}
	}
	return wait, wait <= 0
}

// fail counts a failed attempt against both counters.
func (l *limiter) fail(ip, user string) {
	account, addr := limitKeys(ip, user)
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.add(account, now)
	l.add(addr, now)
}

// succeed clears the account's counter.
func (l *limiter) succeed(ip, user string) {
	account, _ := limitKeys(ip, user)
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.keys, account)
}

func (l *limiter) add(key string, now time.Time) {
	s, ok := l.keys[key]
	if !ok && len(l.keys) >= maxKeys {
		l.makeRoom(now)
	}
	if now.Sub(s.last) >= forgetAfter {
		s.n = 0
	}
	s.n++
	s.last = now
	l.keys[key] = s
}

// makeRoom runs when the map is full, in a flood of made-up names: it
// drops the forgotten counters and then those still within the free
// failures of an account (the ones that delay nobody yet), so the map stays
// bounded and the counters that do delay someone survive.
func (l *limiter) makeRoom(now time.Time) {
	l.forget(now)
	if len(l.keys) < maxKeys {
		return
	}
	for k, s := range l.keys {
		if s.n <= freeAccountFails {
			delete(l.keys, k)
		}
	}
}

// sweep forgets stale counters at most once a minute, so the map holds
// only the last quarter hour's failures.
func (l *limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < sweepEvery {
		return
	}
	l.lastSweep = now
	l.forget(now)
}

func (l *limiter) forget(now time.Time) {
	for k, s := range l.keys {
		if now.Sub(s.last) >= forgetAfter {
			delete(l.keys, k)
		}
	}
}
