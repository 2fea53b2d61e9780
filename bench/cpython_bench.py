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


SMALL_ITEMS = 200_000
RTT_WARMUP, RTT_ROUNDS = 200, 1_000
LARGE_ITEMS, LARGE_SIZE = 64, 1024 * 1024


def produce(q, n):
    for i in range(n):
        q.put(i)


def produce_large(q, n):
    item = bytes(LARGE_SIZE)
    for i in range(n):
        q.put(item)


def echo(conn):
    try:
        while True:
            conn.send(conn.recv())
    except EOFError:
        conn.close()


def drain(target, n):
    """A child runs target(q, n); the parent gets the n items; returns the seconds it took."""
    ctx = mp.get_context('forkserver')
    q = ctx.Queue()
    t0 = time.perf_counter()
    p = ctx.Process(target=target, args=(q, n))
    p.start()
    for i in range(n):
        q.get()
    seconds = time.perf_counter() - t0
    p.join()
    return seconds


def queue_throughput():
    return SMALL_ITEMS / drain(produce, SMALL_ITEMS)


def pipe_rtt():
    ctx = mp.get_context('forkserver')
    left, right = ctx.Pipe()
    p = ctx.Process(target=echo, args=(right,))
    p.start()
    right.close()
    for i in range(RTT_WARMUP):
        left.send(i)
        left.recv()
    t0 = time.perf_counter()
    for i in range(RTT_ROUNDS):
        left.send(i)
        left.recv()
    us = (time.perf_counter() - t0) * 1e6 / RTT_ROUNDS
    left.close()
    p.join()
    return us


def queue_large():
    return LARGE_ITEMS * LARGE_SIZE / 1e6 / drain(produce_large, LARGE_ITEMS)


SCENARIOS = {
    'start.cold': start_cold,
    'start.warm': start_warm,
    'start.parallel10': start_parallel10,
    'queue.throughput': queue_throughput,
    'pipe.rtt': pipe_rtt,
    'queue.large': queue_large,
}

if __name__ == '__main__':
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        print('usage: cpython_bench.py <%s>' % '|'.join(SCENARIOS), file=sys.stderr)
        sys.exit(64)
    print('VALUE %.4f' % SCENARIOS[sys.argv[1]]())
