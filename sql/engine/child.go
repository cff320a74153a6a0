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

// childEnv marks a process started by the supervisor as the engine child.
const childEnv = "CORRIDOR_ENGINE_CHILD"

// MaybeRunChild must be called first thing in main (and in TestMain of any
// test binary that starts an engine). When this process is an engine child it
// runs the engine until told to stop and exits; otherwise it returns at once.
func MaybeRunChild() {
	if os.Getenv(childEnv) != "1" {
		return
	}
	os.Exit(runChild(os.Args[1:]))
}

// runChild is the child's main: args are lib path, then clickhouse argv.
// Exit codes: 0 clean stop, 3 engine failed to start or stopped unasked.
func runChild(args []string) int {
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "engine child: usage: LIB ARGV...")
		return 2
	}
	signal.Ignore(syscall.SIGPIPE, syscall.SIGHUP)
	lib, err := loadLib(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	parent, err := dupFD(0, "parent-stdin")
	if err != nil {
		fmt.Fprintln(os.Stderr, "engine child:", err)
		return 3
	}
	master, err := ptyAsStdin()
	if err != nil {
		fmt.Fprintln(os.Stderr, "engine child:", err)
		return 3
	}
	logw, failed, err := scanStderr()
	if err != nil {
		fmt.Fprintln(os.Stderr, "engine child:", err)
		return 3
	}
	var asked, broken atomic.Bool
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
		case l := <-failed:
			why = "engine reported an error: " + l
			broken.Store(true)
		}
		fmt.Fprintf(logw, "engine child: %s; typing exit into the engine terminal\n", why)
		master.Write([]byte("exit\r"))
		time.Sleep(300 * time.Millisecond)
		master.Write([]byte{4}) // Ctrl-D as a fallback
	}()
	t0 := time.Now()
	errText := lib.run(args[1:])
	if broken.Load() || !asked.Load() {
		fmt.Fprintf(logw, "engine child: engine stopped unasked after %v (%s)\n", time.Since(t0).Round(time.Millisecond), errText)
		return 3
	}
	fmt.Fprintf(logw, "engine child: stopped cleanly after %v\n", time.Since(t0).Round(time.Millisecond))
	return 0
}

// scanStderr routes fd 2 through a pipe so that the engine's
// "Received exception" lines (a failed START LISTEN, a locked path) are seen:
// the interactive loop would otherwise carry on without listeners.
func scanStderr() (io.Writer, <-chan string, error) {
	orig, err := dupFD(2, "orig-stderr")
	if err != nil {
		return nil, nil, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	if err := syscall.Dup3(int(w.Fd()), 2, 0); err != nil {
		return nil, nil, err
	}
	w.Close()
	failed := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			l := sc.Text()
			if strings.Contains(l, "Received exception") || strings.HasPrefix(l, "Code: ") {
				select {
				case failed <- l:
				default:
				}
			}
			fmt.Fprintln(orig, l)
		}
	}()
	return orig, failed, nil
}

func dupFD(fd int, name string) (*os.File, error) {
	n, err := syscall.Dup(fd)
	if err != nil {
		return nil, fmt.Errorf("dup fd %d: %w", fd, err)
	}
	syscall.CloseOnExec(n)
	return os.NewFile(uintptr(n), name), nil
}
