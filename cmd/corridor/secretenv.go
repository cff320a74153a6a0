package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// adminPasswordEnv holds the first administrator's password for serve.
const adminPasswordEnv = "CORRIDOR_ADMIN_PASSWORD"

// takeSecretEnv returns the environment variable name and removes it from
// the process, so that nothing started later (the engine child among them)
// inherits it and /proc/PID/environ no longer shows it. os.Unsetenv alone
// does the first but not the second: the kernel shows the environment block
// the process was started with, which Go copied and never touches again, so
// the value is also overwritten there. An error says that overwriting
// failed; the variable is gone from the environment all the same.
func takeSecretEnv(name string) (string, error) {
	v, ok := os.LookupEnv(name)
	if !ok {
		return "", nil
	}
	if err := os.Unsetenv(name); err != nil {
		return v, fmt.Errorf("clear %s: %w", name, err)
	}
	if err := scrubStartEnv(name); err != nil {
		return v, fmt.Errorf("clear %s from /proc/self/environ: %w", name, err)
	}
	return v, nil
}

// scrubStartEnv overwrites the value of name=value in the process's initial
// environment block (between env_start and env_end of /proc/self/stat) with
// NUL bytes, through /proc/self/mem.
func scrubStartEnv(name string) error {
	start, end, err := envBlock()
	if err != nil {
		return err
	}
	mem, err := os.OpenFile("/proc/self/mem", os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer mem.Close()
	block := make([]byte, end-start)
	if _, err := mem.ReadAt(block, start); err != nil {
		return err
	}
	prefix := []byte(name + "=")
	for off := 0; off < len(block); {
		n := bytes.IndexByte(block[off:], 0)
		if n < 0 {
			n = len(block) - off
		}
		if bytes.HasPrefix(block[off:off+n], prefix) {
			val := int64(off + len(prefix))
			if _, err := mem.WriteAt(make([]byte, n-len(prefix)), start+val); err != nil {
				return err
			}
		}
		off += n + 1
	}
	return nil
}

// envBlock reads env_start and env_end, fields 50 and 51 of /proc/self/stat
// (counted after the command name, which may hold spaces and parentheses).
func envBlock() (start, end int64, err error) {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0, 0, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, 0, fmt.Errorf("/proc/self/stat: no command name")
	}
	f := strings.Fields(string(b[i+1:])) // f[0] is field 3 (state)
	if len(f) < 49 {
		return 0, 0, fmt.Errorf("/proc/self/stat has no env_start/env_end")
	}
	if start, err = strconv.ParseInt(f[47], 10, 64); err == nil {
		end, err = strconv.ParseInt(f[48], 10, 64)
	}
	if err != nil || end <= start {
		return 0, 0, fmt.Errorf("/proc/self/stat: bad env_start/env_end %q %q", f[47], f[48])
	}
	return start, end, nil
}
