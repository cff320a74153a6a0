// Package auth is the dashboard's authentication and authorization: users
// stored in ClickHouse, signed session cookies, CSRF tokens, login rate
// limiting, role checks and the wall-screen kiosk mode.
//
// Roles are ordered: admin ⊃ analyst ⊃ viewer. Viewers (leaders) see the
// dashboards; analysts also drill down to raw rows and use the SQL console;
// admins also load data and manage users.
//
// Corridor servers are stateless and may run several behind a load balancer,
// so everything they must agree on lives in ClickHouse: the users table and
// the session-signing key (table app_secrets). Some state is deliberately
// kept per server, in memory, and the consequences are accepted:
//
//   - The user lookup behind each session is cached for 30 s. A role change,
//     a password change or a deletion made on another server (or with the
//     CLI) takes effect on this server within that time; changes made
//     through this server's Manager take effect at once (Manager.Forget).
//   - The login rate limits (5 failures per IP and username, 20 per IP, per
//     10 minutes) are counted per server. Behind a load balancer an attacker
//     gets up to that many attempts per server; Fiber must be told to take
//     the client address from the proxy header (fiber.Config.ProxyHeader),
//     or every client shares the balancer's address and one bucket.
//
// Sessions are stateless signed cookies: logout clears the cookie in the
// browser, but a copied cookie stays valid until it expires. A password
// change, a deletion or disabling ends every session of that user (the
// cookie carries a fingerprint of the password hash, checked on each
// lookup).
package auth
