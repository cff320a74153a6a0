package ingest

import (
	"context"
	"io"
	"runtime"
	"sync"

	"github.com/zibo-kj/corridor/ingest/read"
)

// rowSource hands out data rows a chunk at a time: a read.Stream, or a
// reshaping of one (a wide table's rows unpivoted into observations).
type rowSource interface {
	Next() ([]read.Row, error)
	Release(rows []read.Row)
}

// pipeline converts a stream's chunks on several workers while one reader
// goroutine reads ahead, and hands the results to a sink in input order.
// At most a few chunks are in flight, so memory stays flat.
type pipeline struct {
	stream  rowSource
	layout  *layout
	newV    func() *validator
	stamp   stamp
	keepBad bool
}

// run feeds every chunk to sink in order; it stops at the first error of
// the reader, the sink or ctx, and returns once its goroutines have ended.
// A chunk is reused after sink returns.
func (p *pipeline) run(ctx context.Context, sink func(*chunk) error) error {
	ctx, cancel := context.WithCancel(ctx)
	workers := max(1, runtime.GOMAXPROCS(0))
	type job struct {
		rows []read.Row
		out  chan *chunk
	}
	jobs := make(chan job)
	order := make(chan chan *chunk, workers+1)
	free := make(chan *chunk, workers+2)
	var readErr error
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	wg.Add(1)
	go func() { // reader
		defer wg.Done()
		defer close(jobs)
		defer close(order)
		for {
			rows, err := p.stream.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = err
				return
			}
			out := make(chan *chunk, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{rows, out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var buildErr error
	var once sync.Once
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := p.newV()
			vals := make([]any, len(p.layout.cols))
			for j := range jobs {
				var c *chunk
				select {
				case c = <-free:
				default:
					var err error
					if c, err = newChunk(p.layout, len(j.rows)); err != nil {
						once.Do(func() { buildErr = err })
						cancel()
						continue
					}
				}
				v.convertRows(j.rows, c, vals, p.stamp, p.keepBad)
				p.stream.Release(j.rows)
				j.out <- c
			}
		}()
	}
	for out := range order {
		var c *chunk

		select {
		case c = <-out:

		case <-ctx.Done():
			if buildErr != nil {
				return buildErr
			}
			return ctx.Err()
		}
		if err := sink(c); err != nil {
			return err
		}
		c.reset()
		select {
		case free <- c:
		default:
		}
	}
	if buildErr != nil {
		return buildErr
	}
	if readErr != nil {
		return readErr
	}
	return ctx.Err()
}
