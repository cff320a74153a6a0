package chsql

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/ClickHouse/clickhouse-go/v2"
)

// Kind classifies database errors for the layers above (HTTP status, messages).
type Kind string

// Error kinds.
const (
	KindSyntax      Kind = "syntax"
	KindUnknown     Kind = "unknown_object"
	KindTimeout     Kind = "timeout"
	KindTooLarge    Kind = "too_large"
	KindMemory      Kind = "memory"
	KindReadonly    Kind = "readonly"
	KindAccess      Kind = "access_denied"
	KindAuth        Kind = "auth"
	KindLimit       Kind = "limit" // a setting outside the account's bounds
	KindQuota       Kind = "quota" // the account's (or person's) budget for the hour is spent
	KindUnavailable Kind = "unavailable"
	KindCancelled   Kind = "cancelled"
	KindBadQuery    Kind = "bad_query"
	KindDiskFull    Kind = "disk_full" // the engine's disk has no room for a write
	KindOther       Kind = "other"
)

// Error is a ClickHouse error mapped to a kind, with the server's code and,
// for syntax errors, the 1-based character position of the fault.
type Error struct {
	Kind     Kind
	Code     int32
	Message  string
	Position int
	Err      error
}

// diskFullText opens a disk-full error: what happened and what to do.
const diskFullText = "数据库磁盘已满，本次写入未完成，已存数据不受影响；请释放数据目录所在磁盘的空间后重试 (the database's disk is full: this write did not happen and the data already stored is intact; free space on the data folder's disk and retry)"

func (e *Error) Error() string {
	if e.Kind == KindDiskFull {
		return fmt.Sprintf("%s — %s (ClickHouse code %d)", diskFullText, e.Message, e.Code)
	}
	if e.Code != 0 {
		return fmt.Sprintf("%s (ClickHouse code %d)", e.Message, e.Code)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

var codeKinds = map[int32]Kind{
	62: KindSyntax, 60: KindUnknown, 47: KindUnknown, 46: KindUnknown, 81: KindUnknown, 16: KindUnknown,
	159: KindTimeout, 160: KindTimeout, 452: KindLimit, 201: KindQuota, 396: KindTooLarge, 158: KindTooLarge, 307: KindTooLarge, 241: KindMemory,
	164: KindReadonly, 497: KindAccess, 291: KindAccess, 516: KindAuth, 192: KindAuth,
	243: KindDiskFull, // NOT_ENOUGH_SPACE
	// a shard of a cluster is unreachable (ALL_CONNECTION_TRIES_FAILED, NETWORK_ERROR, SOCKET_TIMEOUT):
	// the Distributed table refuses rather than answer with the other shards' rows only
	279: KindUnavailable, 210: KindUnavailable, 209: KindUnavailable,
	394: KindCancelled, 43: KindBadQuery, 53: KindBadQuery, 36: KindBadQuery, 42: KindBadQuery, 215: KindBadQuery, 184: KindBadQuery,
}

var posRE = regexp.MustCompile(`position (\d+)`)

// Wrap maps err to *Error; nil stays nil and an *Error is returned as is.
func Wrap(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	var ex *clickhouse.Exception
	if errors.As(err, &ex) {
		k, ok := codeKinds[ex.Code]
		if !ok {
			k = KindOther
		}
		if strings.Contains(ex.Message, "No space left on device") { // ENOSPC while writing a file (codes vary)
			k = KindDiskFull
		}
		out := &Error{Kind: k, Code: ex.Code, Message: ex.Message, Err: err}
		if m := posRE.FindStringSubmatch(ex.Message); m != nil && k == KindSyntax {
			out.Position, _ = strconv.Atoi(m[1])
		}
		return out
	}
	if errors.Is(err, context.Canceled) {
		return &Error{Kind: KindCancelled, Message: "query cancelled", Err: err}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Kind: KindTimeout, Message: "query timed out", Err: err}
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, driver.ErrBadConn) {
		return &Error{Kind: KindUnavailable, Message: "database unavailable: " + err.Error(), Err: err}
	}
	return &Error{Kind: KindOther, Message: err.Error(), Err: err}
}

// KindOf returns the kind of err after Wrap ("" for nil).
func KindOf(err error) Kind {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(Wrap(err), &e) {
		return e.Kind
	}
	return KindOther
}
