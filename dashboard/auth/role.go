package auth

import "fmt"

// Role is what a user may do. Roles are ordered: Admin ⊃ Analyst ⊃ Viewer.
type Role string

// The three roles, from least to most privileged.
const (
	Viewer  Role = "viewer"  // leaders: the dashboards, chart exports, the named items behind a chart
	Analyst Role = "analyst" // also the rows behind a chart with their exports, the data page and the SQL 控制台 (SQL console)
	Admin   Role = "admin"   // also data loads, withdrawals, reviews and the console's audit (users are managed with corridor user)
)

// rank orders the roles; an unknown role ranks 0 and is allowed nothing, so
// a damaged users row can never grant access.
func (r Role) rank() int {
	switch r {
	case Viewer:
		return 1
	case Analyst:
		return 2
	case Admin:
		return 3
	}
	return 0
}

// ParseRole accepts "viewer", "analyst" or "admin".
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if r.rank() == 0 {
		return "", &FieldError{Field: "role", Reason: fmt.Sprintf("%q is not a role; want viewer, analyst or admin", s)}
	}
	return r, nil
}

// Allows reports whether a user with role r may do what needs role need.
func (r Role) Allows(need Role) bool {
	return r.rank() > 0 && need.rank() > 0 && r.rank() >= need.rank()
}

// User is who is making a request, as handlers and templates see it.
type User struct {
	Name  string `json:"name"`
	Role  Role   `json:"role"`
	Lang  string `json:"lang"`
	Kiosk bool   `json:"kiosk,omitempty"` // the synthetic read-only wall-screen user
}

// KioskName is the synthetic user's name in kiosk mode; no real user may take it.
const KioskName = "kiosk"

func kioskUser() *User { return &User{Name: KioskName, Role: Viewer, Kiosk: true} }
