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

func (p *progress) update(done, total int) {
	if !p.tty || total == 0 || time.Since(p.start) < time.Second {
		return
	}
	const width = 30
	n := done * width / total
	fmt.Fprintf(os.Stderr, "\r%s [%s%s] %d/%d", p.name, strings.Repeat("█", n), strings.Repeat("·", width-n), done, total)
	p.drawn = true
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(os.Stderr)
	}
}
