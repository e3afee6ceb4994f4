//go:build unix

package resolve

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time so far, so that
// benchmarks can report CPU time besides wall time (the machine is shared).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
