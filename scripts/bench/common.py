"""Shared by the numpy bench children: timing and peak-RSS report as one JSON line on stdout."""
import json
import resource
import sys
import time


def arg(name, fallback):
    argv = sys.argv
    return type(fallback)(argv[argv.index("--" + name) + 1]) if "--" + name in argv else fallback


def rss_mb():
    # Current RSS from /proc (Linux); ru_maxrss below is the peak, in KB on Linux.
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def timed(work):
    base = rss_mb()
    t0 = time.perf_counter()
    c0 = time.process_time()
    check = work()
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds, "peakRssMB": peak, "baseRssMB": base, "check": float(check)}))
