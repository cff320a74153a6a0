package read

// Peek returns the first chunk of data rows without using it up: the next
// call to Next returns the same rows. It lets a consumer look at the data
// (do the 编号 cells count 1, 2, 3?) before it decides how to read them.
// Call it once, before Next; at the end of the input it returns io.EOF.
func (s *Stream) Peek() ([]Row, error) {
	rows, err := s.next()
	rest := s.next // read after the call: the first call may replace it
	s.next = func() ([]Row, error) {
		s.next = rest
		return rows, err
	}
	return rows, err
}
