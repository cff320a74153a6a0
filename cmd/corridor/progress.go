package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

var cst = time.FixedZone("CST", 8*3600)

// progress draws a bar on a terminal for loads that take over a second.
type progress struct {
	name  string
	start time.Time
	tty   bool
	drawn bool
}

func newProgress(path string) *progress {
	_, err := unix.IoctlGetTermios(int(os.Stderr.Fd()), unix.TCGETS)
	return &progress{name: filepath.Base(path), start: time.Now(), tty: err == nil}
}

// update draws the bar from the share of the file read and the rows sent.
func (p *progress) update(rows int, share float64) {
	if !p.tty || time.Since(p.start) < time.Second {
		return
	}
	const width = 30
	n := min(width, max(0, int(share*width)))
	fmt.Fprintf(os.Stderr, "\r%s [%s%s] %3.0f%% %d rows", p.name, strings.Repeat("█", n), strings.Repeat("·", width-n), share*100, rows)
	p.drawn = true
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(os.Stderr)
	}
}
