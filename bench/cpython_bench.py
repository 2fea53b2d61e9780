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
RTT_WARMUP, RTT_WARMUP_SECONDS, RTT_ROUNDS = 10_000, 2.0, 5_000
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
    i, warm = 0, time.perf_counter()
    while i < RTT_WARMUP or time.perf_counter() - warm < RTT_WARMUP_SECONDS:
        left.send(i)
        left.recv()
        i += 1
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


LOCK_WARMUP, LOCK_LOOPS = 100_000, 2_000_000
CONTENDED_WARMUP, CONTENDED_LOOPS = 10_000, 200_000
EVENT_WARMUP, EVENT_ROUNDS = 200, 1_000


def lock_loop(lock, n):
    for i in range(n):
        lock.acquire()
        lock.release()


def lock_uncontended_child(lock, result):
    lock_loop(lock, LOCK_WARMUP)
    t0 = time.perf_counter()
    lock_loop(lock, LOCK_LOOPS)
    result.put(LOCK_LOOPS / (time.perf_counter() - t0))


def lock_uncontended():
    ctx = mp.get_context('forkserver')
    lock, result = ctx.Lock(), ctx.Queue()
    p = ctx.Process(target=lock_uncontended_child, args=(lock, result))
    p.start()
    rate = result.get()
    p.join()
    return rate


def lock_contended_child(lock, go, said):
    lock_loop(lock, CONTENDED_WARMUP)
    said.put('ready')
    go.wait()
    lock_loop(lock, CONTENDED_LOOPS)
    said.put('done')


def lock_contended():
    ctx = mp.get_context('forkserver')
    lock, go, said = ctx.Lock(), ctx.Event(), ctx.Queue()
    ps = [ctx.Process(target=lock_contended_child, args=(lock, go, said)) for _ in range(2)]
    for p in ps:
        p.start()
    said.get()
    said.get()
    t0 = time.perf_counter()
    go.set()
    said.get()
    said.get()
    seconds = time.perf_counter() - t0
    for p in ps:
        p.join()
    return 2 * CONTENDED_LOOPS / seconds


def event_pong(ping, pong, rounds):
    for i in range(rounds):
        ping.wait()
        ping.clear()
        pong.set()


def event_rtt():
    ctx = mp.get_context('forkserver')
    ping, pong = ctx.Event(), ctx.Event()
    p = ctx.Process(target=event_pong, args=(ping, pong, EVENT_WARMUP + EVENT_ROUNDS))
    p.start()
    t0 = 0
    for i in range(EVENT_WARMUP + EVENT_ROUNDS):
        if i == EVENT_WARMUP:
            t0 = time.perf_counter()
        ping.set()
        pong.wait()
        pong.clear()
    us = (time.perf_counter() - t0) * 1e6 / EVENT_ROUNDS
    p.join()
    return us


INCREMENT_PROCESSES, INCREMENTS = 4, 1_000


def value_increment_child(v, go, said):
    said.put('ready')
    go.wait()
    for i in range(INCREMENTS):
        with v.get_lock():
            v.value += 1
    said.put('done')


def value_increment():
    ctx = mp.get_context('forkserver')
    v, go, said = ctx.Value('i', 0), ctx.Event(), ctx.Queue()
    ps = [ctx.Process(target=value_increment_child, args=(v, go, said))
          for _ in range(INCREMENT_PROCESSES)]
    for p in ps:
        p.start()
    for p in ps:
        said.get()
    t0 = time.perf_counter()
    go.set()
    for p in ps:
        said.get()
    seconds = time.perf_counter() - t0
    for p in ps:
        p.join()
    expected = INCREMENT_PROCESSES * INCREMENTS
    if v.value != expected:
        raise AssertionError('value.increment counted %d, not %d' % (v.value, expected))
    return expected / seconds


POOL_WORKERS = 2
APPLY_WARMUP, APPLY_ROUNDS = 2_000, 5_000
ASYNC_WARMUP, ASYNC_TASKS = 5_000, 20_000
MAP_WARMUP, MAP_ITEMS = 200_000, 1_000_000
IMAP_WARMUP, IMAP_ITEMS = 10_000, 100_000
START_WORKERS = 8


def pool_noop():
    return None


def identity(x):
    return x


def pool_apply():
    with mp.get_context('forkserver').Pool(POOL_WORKERS) as p:
        for _ in range(APPLY_WARMUP):
            p.apply(pool_noop)
        t0 = time.perf_counter()
        for _ in range(APPLY_ROUNDS):
            p.apply(pool_noop)
        return (time.perf_counter() - t0) * 1e6 / APPLY_ROUNDS


def gather(p, n):
    for r in [p.apply_async(pool_noop) for _ in range(n)]:
        r.get()


def pool_apply_async():
    with mp.get_context('forkserver').Pool(POOL_WORKERS) as p:
        gather(p, ASYNC_WARMUP)
        t0 = time.perf_counter()
        gather(p, ASYNC_TASKS)
        return ASYNC_TASKS / (time.perf_counter() - t0)


def pool_map():
    with mp.get_context('forkserver').Pool(POOL_WORKERS) as p:
        p.map(identity, range(MAP_WARMUP))
        items = list(range(MAP_ITEMS))
        t0 = time.perf_counter()
        out = p.map(identity, items)
        rate = MAP_ITEMS / (time.perf_counter() - t0)
        assert len(out) == MAP_ITEMS and out[-1] == MAP_ITEMS - 1
        return rate


def pool_imap_unordered():
    with mp.get_context('forkserver').Pool(POOL_WORKERS) as p:
        for _ in p.imap_unordered(identity, range(IMAP_WARMUP)):
            pass
        t0 = time.perf_counter()
        n = sum(1 for _ in p.imap_unordered(identity, range(IMAP_ITEMS)))
        rate = IMAP_ITEMS / (time.perf_counter() - t0)
        assert n == IMAP_ITEMS
        return rate


def pool_start_once(ctx):
    t0 = time.perf_counter()
    with ctx.Pool(START_WORKERS) as p:
        p.map(identity, range(START_WORKERS), chunksize=1)
        return (time.perf_counter() - t0) * 1000.0


def pool_start():
    ctx = mp.get_context('forkserver')
    pool_start_once(ctx)  # the forkserver is running from here on
    return statistics.median([pool_start_once(ctx) for _ in range(5)])


SCENARIOS = {
    'start.cold': start_cold,
    'start.warm': start_warm,
    'start.parallel10': start_parallel10,
    'queue.throughput': queue_throughput,
    'pipe.rtt': pipe_rtt,
    'queue.large': queue_large,
    'lock.uncontended': lock_uncontended,
    'lock.contended': lock_contended,
    'event.rtt': event_rtt,
    'value.increment': value_increment,
    'pool.apply': pool_apply,
    'pool.apply_async': pool_apply_async,
    'pool.map': pool_map,
    'pool.imap_unordered': pool_imap_unordered,
    'pool.start': pool_start,
}

if __name__ == '__main__':
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        print('usage: cpython_bench.py <%s>' % '|'.join(SCENARIOS), file=sys.stderr)
        sys.exit(64)
    print('VALUE %.4f' % SCENARIOS[sys.argv[1]]())
