package engine

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// ptyAsStdin makes fd 0 the slave side of a new pseudo-terminal and returns
// the master. clickhouse-local in interactive mode keeps its listeners alive
// and survives failed client handshakes only when stdin is a terminal.
func ptyAsStdin() (*os.File, error) {
	m, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("open /dev/ptmx: %w", err)
	}
	if err := unix.IoctlSetPointerInt(m, unix.TIOCSPTLCK, 0); err != nil {
		unix.Close(m)
		return nil, fmt.Errorf("unlock pty: %w", err)
	}
	n, err := unix.IoctlGetInt(m, unix.TIOCGPTN)
	if err != nil {
		unix.Close(m)
		return nil, fmt.Errorf("pty number: %w", err)
	}
	s, err := unix.Open(fmt.Sprintf("/dev/pts/%d", n), unix.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		unix.Close(m)
		return nil, fmt.Errorf("open pty slave: %w", err)
	}
	defer unix.Close(s)
	if err := unix.Dup3(s, 0, 0); err != nil {
		unix.Close(m)
		return nil, fmt.Errorf("pty as stdin: %w", err)
	}
	master := os.NewFile(uintptr(m), "ptmx")
	go io.Copy(io.Discard, master) // drain what the line editor echoes
	return master, nil
}
