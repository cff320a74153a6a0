package engine

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// childEnv marks a process started by the supervisor as the engine child;
// readyEnv carries the marker the engine prints once its listeners are up.
const (
	childEnv = "CORRIDOR_ENGINE_CHILD"
	readyEnv = "CORRIDOR_ENGINE_READY"
)

// Exit codes of the child.
const (
	exitClean  = 0 // stopped when asked
	exitFailed = 3 // failed to start, or stopped unasked
	exitLocked = 4 // another engine still holds the data folder (one being stopped): retry
)

// MaybeRunChild must be called first thing in main (and in TestMain of any
// test binary that starts an engine). When this process is an engine child it
// runs the engine until told to stop and exits; otherwise it returns at once.
func MaybeRunChild() {
	if os.Getenv(childEnv) != "1" {
		return
	}
	os.Exit(runChild(os.Args[1:], os.Getenv(readyEnv)))
}

// runChild is the child's main: args are lib path, then clickhouse argv.
func runChild(args []string, marker string) int {
	if len(args) < 2 || marker == "" {
		fmt.Fprintln(os.Stderr, "engine child: usage: "+readyEnv+"=MARKER LIB ARGV...")
		return 2
	}
	signal.Ignore(syscall.SIGPIPE, syscall.SIGHUP)
	lib, err := loadLib(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return exitFailed
	}
	parent, err := dupFD(0, "parent-stdin")
	if err != nil {
		fmt.Fprintln(os.Stderr, "engine child:", err)
		return exitFailed
	}
	master, err := ptyAsStdin()
	if err != nil {
		fmt.Fprintln(os.Stderr, "engine child:", err)
		return exitFailed
	}
	w, err := watchStart(marker)
	if err != nil {
		fmt.Fprintln(os.Stderr, "engine child:", err)
		return exitFailed
	}
	var asked atomic.Bool
	var failure atomic.Pointer[string]
	stop := make(chan string, 2)
	go func() { io.Copy(io.Discard, parent); stop <- "parent closed stdin" }()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	go func() { s := <-sigs; stop <- "signal " + s.String() }()
	go func() {
		var why string
		select {
		case why = <-stop:
			asked.Store(true)
		case l := <-w.failed:
			failure.Store(&l)
			why = "engine failed to start: " + l
		}
		fmt.Fprintf(w.log, "engine child: %s; typing exit into the engine terminal\n", why)
		master.Write([]byte("exit\r"))
		time.Sleep(300 * time.Millisecond)
		master.Write([]byte{4}) // Ctrl-D as a fallback
	}()
	t0 := time.Now()
	errText := lib.run(args[1:])
	took := time.Since(t0).Round(time.Millisecond)
	if f := failure.Load(); f != nil {
		if isFolderLocked(*f) {
			return exitLocked
		}
		return exitFailed
	}
	if !asked.Load() {
		fmt.Fprintf(w.log, "engine child: engine stopped unasked after %v (%s)\n", took, errText)
		return exitFailed
	}
	fmt.Fprintf(w.log, "engine child: stopped cleanly after %v\n", took)
	return exitClean
}

// isFolderLocked recognises the engine's refusal to open a data folder
// that another engine process still holds.
func isFolderLocked(line string) bool {
	return strings.Contains(line, "Cannot lock file") && strings.Contains(line, "Another server instance")
}

// startWatch follows the engine client's own output during start-up.
type startWatch struct {
	log    io.Writer       // the child's log (the original stderr)
	failed <-chan string   // an error line of a start query
	ready  <-chan struct{} // closed when the marker was printed
}

// watchStart routes fd 1 and fd 2 through pipes. The start queries end with
// SELECT of a marker, which the client prints only when every listener
// started (the client stops at the first failed statement). Until then an
// error line on fd 2 is the start's failure; afterwards fd 2 is only copied
// to the log and never acted on: nothing a client sends can stop the engine.
// The server log does not come here at all (see writeConfig).
func watchStart(marker string) (*startWatch, error) {
	orig, err := dupFD(2, "orig-stderr")
	if err != nil {
		return nil, err
	}
	outR, err := redirect(1)
	if err != nil {
		return nil, err
	}
	errR, err := redirect(2)
	if err != nil {
		return nil, err
	}
	failed := make(chan string, 1)
	var up atomic.Bool
	go copyLines(outR, orig, func(l string) {
		if strings.Contains(l, marker) {
			up.Store(true)
		}
	})
	go copyLines(errR, orig, func(l string) {
		if up.Load() {
			return
		}
		if strings.Contains(l, "Received exception") || strings.HasPrefix(l, "Code: ") {
			select {
			case failed <- l:
			default:
			}
		}
	})
	return &startWatch{log: orig, failed: failed}, nil
}

// redirect points fd at a new pipe and returns the pipe's reading end.
func redirect(fd int) (*os.File, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	if err := syscall.Dup3(int(w.Fd()), fd, 0); err != nil {
		return nil, fmt.Errorf("redirect fd %d: %w", fd, err)
	}
	w.Close()
	return r, nil
}

// copyLines copies r to w line by line, calling see on each line; past a
// line too long to scan it copies the rest as it is, so the engine never
// blocks on a full pipe.
func copyLines(r io.Reader, w io.Writer, see func(string)) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		see(l)
		fmt.Fprintln(w, l)
	}
	_, _ = io.Copy(w, r)
}

func dupFD(fd int, name string) (*os.File, error) {
	n, err := syscall.Dup(fd)
	if err != nil {
		return nil, fmt.Errorf("dup fd %d: %w", fd, err)
	}
	syscall.CloseOnExec(n)
	return os.NewFile(uintptr(n), name), nil
}
