package main

// area2 is twice the signed area of r (shoelace); positive when the ring
// runs counter-clockwise with x east and y north. Exact in int64 for
// province-sized rings at 1/1024 degree.
func area2(r Ring) int64 {
	var s int64
	for i := range r {
		j := (i + 1) % len(r)
		s += r[i].X*r[j].Y - r[j].X*r[i].Y
	}
	return s
}

// polygonArea2 is twice the unsigned area of p: outer ring minus holes.
func polygonArea2(p Polygon) int64 {
	var s int64
	for i, r := range p {
		a := abs(area2(r))
		if i == 0 {
			s += a
		} else {
			s -= a
		}
	}
	return s
}

// featureArea2 is twice the unsigned area covered by polys.
func featureArea2(polys []Polygon) int64 {
	var s int64
	for _, p := range polys {
		s += polygonArea2(p)
	}
	return s
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func reversed(r Ring) Ring {
	out := make(Ring, len(r))
	for i, p := range r {
		out[len(r)-1-i] = p
	}
	return out
}

// orient returns r running counter-clockwise if ccw, else clockwise.
func orient(r Ring, ccw bool) Ring {
	if (area2(r) > 0) != ccw {
		return reversed(r)
	}
	return r
}

// containsPoint reports whether pt lies strictly inside r (even-odd rule);
// points on the boundary may go either way, callers use interior vertices.
func containsPoint(r Ring, pt Point) bool {
	in := false
	for i := range r {
		a, b := r[i], r[(i+1)%len(r)]
		if (a.Y > pt.Y) != (b.Y > pt.Y) {
			// x of the edge at pt.Y, compared without division.
			lhs := (pt.X - a.X) * (b.Y - a.Y)
			rhs := (b.X - a.X) * (pt.Y - a.Y)
			if (b.Y > a.Y && lhs < rhs) || (b.Y < a.Y && lhs > rhs) {
				in = !in
			}
		}
	}
	return in
}

// isSimple reports whether r has no self-intersections or repeated
// vertices. Quadratic, which is fine for a few thousand edges at build time.
func isSimple(r Ring) bool {
	seen := make(map[Point]bool, len(r))
	for _, p := range r {
		if seen[p] {
			return false
		}
		seen[p] = true
	}
	n := len(r)
	for i := 0; i < n; i++ {
		a1, a2 := r[i], r[(i+1)%n]
		for j := i + 1; j < n; j++ {
			if j == i+1 || (i == 0 && j == n-1) {
				continue // adjacent edges share a vertex by construction
			}
			if segmentsIntersect(a1, a2, r[j], r[(j+1)%n]) {
				return false
			}
		}
	}
	return true
}

func cross(o, a, b Point) int64 {
	return (a.X-o.X)*(b.Y-o.Y) - (a.Y-o.Y)*(b.X-o.X)
}

func sign(v int64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func onSegment(p, q, r Point) bool {
	return min(p.X, r.X) <= q.X && q.X <= max(p.X, r.X) && min(p.Y, r.Y) <= q.Y && q.Y <= max(p.Y, r.Y)
}

// segmentsIntersect reports whether closed segments p1p2 and q1q2 touch.
func segmentsIntersect(p1, p2, q1, q2 Point) bool {
	d1 := sign(cross(q1, q2, p1))
	d2 := sign(cross(q1, q2, p2))
	d3 := sign(cross(p1, p2, q1))
	d4 := sign(cross(p1, p2, q2))
	if d1 != d2 && d3 != d4 && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0 {
		return true
	}
	return (d1 == 0 && onSegment(q1, p1, q2)) || (d2 == 0 && onSegment(q1, p2, q2)) ||
		(d3 == 0 && onSegment(p1, q1, p2)) || (d4 == 0 && onSegment(p1, q2, p2))
}
