package auth

import (
	"sync"
	"time"
)

// userCache remembers user lookups, with the user's revoked sessions, for a
// short time so that a page with a dozen API calls does not query
// ClickHouse a dozen times for who is asking. Misses (unknown names) are
// cached too. Entries exist only for names taken
// from validly signed cookies, so the map is bounded by the number of users.
type userCache struct {
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]cachedUser
}

type cachedUser struct {
	acct    Account
	found   bool
	revoked map[string]struct{} // ids of the user's sessions ended by logout
	at      time.Time
}

func newUserCache(ttl time.Duration) *userCache {
	return &userCache{ttl: ttl, m: map[string]cachedUser{}}
}

// get returns the cached lookup of name, if there is a fresh one.
func (uc *userCache) get(name string, now time.Time) (cachedUser, bool) {
	uc.mu.Lock()
	defer uc.mu.Unlock()
	e, ok := uc.m[name]
	if !ok || now.Sub(e.at) >= uc.ttl || now.Before(e.at) {
		return cachedUser{}, false
	}
	return e, true
}

func (uc *userCache) put(name string, e cachedUser) {
	uc.mu.Lock()
	defer uc.mu.Unlock()
	uc.m[name] = e
}

func (uc *userCache) forget(name string) {
	uc.mu.Lock()
	defer uc.mu.Unlock()
	delete(uc.m, name)
}
