package dashboard

import (
	"context"
	"errors"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/sys/unix"
)

// watchEvery is how often a running console query looks for its client.
const watchEvery = 200 * time.Millisecond

// watchClient cancels a running query when its client hangs up: fasthttp
// does not end a handler's context then, so the connection is peeked
// (MSG_PEEK takes nothing from it) until stop is called. A peer that closed
// reads as 0 bytes; pending data (a pipelined request) or nothing yet means
// it is still there. Connections that are not sockets (app.Test) are not
// watched.
func watchClient(c *fiber.Ctx, cancel context.CancelFunc) (stop func()) {
	conn := c.Context().Conn()
	sc, ok := conn.(syscall.Conn)
	if !ok {
		return func() {}
	}
	// The request is read: lift the server's read deadline (ReadTimeout),
	// which would otherwise make every peek after it fail without calling
	// peerGone, so a query running longer than that could no longer be
	// cancelled by its client leaving. fasthttp sets a new deadline before
	// it reads the connection's next request.
	_ = conn.SetReadDeadline(time.Time{})
	raw, err := sc.SyscallConn()
	if err != nil {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(watchEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if peerGone(raw) {
					cancel()
					return
				}
			}
		}
	}()
	return func() { close(done) }
}

func peerGone(raw syscall.RawConn) bool {
	gone := false
	_ = raw.Read(func(fd uintptr) bool {
		var b [1]byte
		n, _, err := unix.Recvfrom(int(fd), b[:], unix.MSG_PEEK|unix.MSG_DONTWAIT)
		gone = (n == 0 && err == nil) || errors.Is(err, unix.ECONNRESET)
		return true
	})
	return gone
}
