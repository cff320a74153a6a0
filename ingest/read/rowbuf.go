package read

// rowBuf is the memory of one chunk: its rows and their cells.
type rowBuf struct {
	rows  []Row
	cells []Cell
}

// takeBuf returns a released chunk's memory, or new memory.
func (rs *rowStream) takeBuf() *rowBuf {
	select {
	case b := <-rs.free:
		return b
	default:
		return &rowBuf{rows: make([]Row, 0, rs.chunk), cells: make([]Cell, rs.chunk*max(rs.width, 1))}
	}
}

// lend records a chunk handed out, so Release can find its memory.
func (rs *rowStream) lend(b *rowBuf, rows []Row) {
	rs.mu.Lock()
	rs.out[&rows[0]] = b
	rs.mu.Unlock()
}

// release takes a chunk back for reuse.
func (rs *rowStream) release(rows []Row) {
	rs.mu.Lock()
	b, ok := rs.out[&rows[0]]
	delete(rs.out, &rows[0])
	rs.mu.Unlock()
	if !ok {
		return
	}
	select {
	case rs.free <- b:
	default:
	}
}
