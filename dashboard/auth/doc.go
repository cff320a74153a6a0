// Package auth is the dashboard's authentication and authorization: users
// stored in ClickHouse, signed session cookies, CSRF tokens, login rate
// limiting, role checks and the wall-screen kiosk mode.
//
// Roles are ordered: admin ⊃ analyst ⊃ viewer. Viewers (leaders) see the
// dashboards, export the charts' tables and see the named items behind a
// chart; analysts also see and export the rows behind a chart, open the
// data page and the SQL console; admins also load, withdraw and review data
// and see the console's audit. Accounts are `corridor user` and API tokens
// `corridor token`, on the command line: the web has no users page. A script
// sends a token as "Authorization: Bearer" to /api/v1/ (see Bearer).
//
// Corridor servers are stateless and may run several behind a load balancer,
// so everything they must agree on lives in ClickHouse: the users table, the
// session-signing key (table app_secrets) and the sessions ended by logout
// (table session_revocations). Some state is deliberately
// kept per server, in memory, and the consequences are accepted:
//
//   - The user lookup behind each session, with the user's revoked
//     sessions, is cached for 30 s. A role change, a password change, a
//     deletion or a logout made on another server (or with the CLI) takes
//     effect on this server within that time; changes made through this
//     server's Manager take effect at once (Manager.Forget).
//   - Login throttling (ratelimit.go) is counted per server, in memory: a
//     few free failures per account and more per client address, then
//     growing delays (1 s, 2 s, 4 s … at most 30 s after the latest
//     failure) instead of a lockout, so the right password is never kept
//     out for longer than 30 s. Behind a load balancer a guesser gets that
//     pace once per server, and a restart forgets the counters; Fiber must
//     be told to take the client address from the proxy header
//     (fiber.Config.ProxyHeader), or every client shares the balancer's
//     address and one counter.
//
// Sessions are signed cookies, not stored, with two server-side checks on
// each lookup: logout records the session id in session_revocations, so a
// copied cookie stops working (see revoke.go); and the cookie carries a
// fingerprint of the password hash, so a password change, a deletion or
// disabling ends every session of that user.
package auth
