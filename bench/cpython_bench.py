#!/usr/bin/env python3
"""CPython's side of multiproc's benchmark: the twin of each scenario in io.multiproc.bench.

Usage: python3 cpython_bench.py <scenario>
Prints one line, "VALUE <number>", in the scenario's unit (see Scenarios.java); the Java bench runs
this script in the same run, on the same machine, and prints both sides with the speedup.
"""
import multiprocessing as mp
import statistics
import sys
import time


def noop():
    pass


def start_join(ctx, warmup, iterations):
    times = []
    for i in range(warmup + iterations):
        t0 = time.perf_counter()
        p = ctx.Process(target=noop)
        p.start()
        p.join()
        if i >= warmup:
            times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times)


def start_cold():
    return start_join(mp.get_context('spawn'), 3, 15)


def start_warm():
    return start_join(mp.get_context('forkserver'), 5, 30)


def start_parallel10():
    ctx = mp.get_context('forkserver')
    times = []
    for i in range(2 + 5):
        t0 = time.perf_counter()
        ps = [ctx.Process(target=noop) for _ in range(10)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        if i >= 2:
            times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times)


SCENARIOS = {
    'start.cold': start_cold,
    'start.warm': start_warm,
    'start.parallel10': start_parallel10,
}

if __name__ == '__main__':
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        print('usage: cpython_bench.py <%s>' % '|'.join(SCENARIOS), file=sys.stderr)
        sys.exit(64)
    print('VALUE %.4f' % SCENARIOS[sys.argv[1]]())
