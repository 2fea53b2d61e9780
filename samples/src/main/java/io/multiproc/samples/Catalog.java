package io.multiproc.samples;

import java.util.List;
import java.util.Optional;

/**
 * Every example of the five source tutorials ({@code shared/seeds}), by ID, with its group and
 * title. The sample for ID {@code s0-02} is the class {@code io.multiproc.samples.S0_02} with a
 * {@code main} method; an entry whose class is not there yet is listed as not ported.
 */
final class Catalog {
  /** One example: its ID, its group (P, Q, S, M, L, T) and what it is. */
  record Entry(String id, char group, String title) {
    /** The class that ports it. */
    String className() {
      return "io.multiproc.samples." + id.toUpperCase().replace('-', '_');
    }

    /** The sample's class, if it has been ported. */
    Optional<Class<?>> sampleClass() {
      try {
        return Optional.of(Class.forName(className()));
      } catch (ClassNotFoundException e) {
        return Optional.empty();
      }
    }
  }

  static final List<Entry> ENTRIES = List.of(
      new Entry("s0-01", 'P', "`os.fork` parent/child"),
      new Entry("s0-02", 'P', "`Process(target=run_proc, args=('test',))` start/join"),
      new Entry("s0-03", 'P', "`class Download(Process)` overriding `run`, interval 2"),
      new Entry("s0-04", 'L', "`Pool(4)`, 10 × `apply_async(task)`, close, join"),
      new Entry("s0-05", 'L', "`Pool(16)` port scanner, 16 × 4096 ports"),
      new Entry("s0-06", 'L', "`ProcessPoolExecutor().map(is_prime, PRIMES)`"),
      new Entry("s0-07", 'Q', "Queue, one writer (5 messages), one reader with `get(True, 2)`"),
      new Entry("s0-08", 'Q', "Queue, 2 writers (url1-3, url4-6), endless reader, `terminate()`"),
      new Entry("s0-09", 'Q', "`Pipe()`, sender 10 urls, endless receiver, `terminate()`"),
      new Entry("s1-01", 'P', "10 × Process `run(name)` sleeping 2 s"),
      new Entry("s1-02", 'P', "same, each child also starts a thread printing its thread id"),
      new Entry("s1-03", 'P', "`info(title)` called in main only"),
      new Entry("s1-04", 'P', "`info` in main and in child `f('bob')`"),
      new Entry("s1-05", 'T', "thread puts `[42, None, 'heelo']` on a thread queue, main gets"),
      new Entry("s1-06", 'P', "child uses parent's global queue without being passed it"),
      new Entry("s1-07", 'P', "passing a thread queue (holds a lock) to a Process"),
      new Entry("s1-08", 'Q', "multiprocessing Queue passed to child, parent gets"),
      new Entry("s1-09", 'Q', "Pipe, child sends one message"),
      new Entry("s1-10", 'Q', "child sends two, parent receives one"),
      new Entry("s1-11", 'Q', "child sends two, parent receives two"),
      new Entry("s1-12", 'Q', "child sends two, parent receives three"),
      new Entry("s1-13", 'Q', "both directions over one Pipe"),
      new Entry("s1-14", 'M', "Manager dict + list(range(5)), 10 processes write keys and append pids"),
      new Entry("s1-15", 'M', "Manager dict keyed by pid"),
      new Entry("s1-16", 'S', "Lock around a print, 10 processes"),
      new Entry("s1-17", 'L', "`Pool(5)`, 10 × `apply` (blocking), sleep 2"),
      new Entry("s1-18", 'L', "`apply_async`, `close()` without `join()`"),
      new Entry("s1-19", 'L', "`apply_async`, close, join"),
      new Entry("s1-20", 'L', "`apply_async(callback=Bar)`"),
      new Entry("s2-01", 'P', "`os.fork` (English prints)"),
      new Entry("s2-02", 'P', "`Process(target=run_proc)`"),
      new Entry("s2-03", 'L', "`Pool(4)`, 5 × `long_time_task` with random sleep"),
      new Entry("s2-04", 'T', "`subprocess.call(['nslookup', ...])`"),
      new Entry("s2-05", 'T', "`subprocess.Popen(...).communicate(input)`"),
      new Entry("s2-06", 'Q', "Queue writer A,B,C + endless reader, `terminate()`"),
      new Entry("s2-07", 'T', "`threading.Thread(name='LoopThread')`"),
      new Entry("s2-08", 'T', "two threads change a shared `balance` 2,000,000 times"),
      new Entry("s3-01", 'P', "`Process(foo, 'bob')`"),
      new Entry("s3-02", 'P', "5 processes, all started, then all joined"),
      new Entry("s3-03", 'P', "`class Foo(Process)` with a name"),
      new Entry("s3-04", 'L', "`with Pool(5) as p: p.map(foo, range(100))`"),
      new Entry("s3-05", 'P', "Process members: name 'demo', daemon, pid, is_alive, kill, terminate, exitcode, close"),
      new Entry("s3-06", 'Q', "`Queue(3)` put×3, full, qsize, get×3, empty"),
      new Entry("s3-07", 'Q', "child reads until a falsy item; main puts 1, '0', False, 1.1"),
      new Entry("s3-08", 'S', "file-backed stock, 10 processes `buy` under `lock.acquire/release`"),
      new Entry("s3-09", 'S', "same with `with lock:`"),
      new Entry("s3-10", 'T', "5 threads `foo(i)`"),
      new Entry("s3-11", 'T', "`class Foo(Thread)`"),
      new Entry("s3-12", 'T', "thread with a stop flag"),
      new Entry("s3-13", 'T', "join / is_alive / daemon thread"),
      new Entry("s3-14", 'T', "producer then consumer thread on a shared `num`"),
      new Entry("s3-15", 'T', "thread lock, stock 3, 10 buyers"),
      new Entry("s3-16", 'T', "5 threads `num += 1` 100000 times, no lock"),
      new Entry("s3-17", 'T', "generator ask/answer"),
      new Entry("s3-18", 'T', "`async def say`; printing the coroutine object"),
      new Entry("s3-19", 'T', "asyncio ask/answer tasks"),
      new Entry("s3-20", 'T', "gevent buy, 10 coroutines, stock 3, random sleep"),
      new Entry("s3-21", 'T', "gevent monkey-patched downloader"),
      new Entry("s3-22", 'T', "asyncio `await say(1); await say(2)`"),
      new Entry("s3-23", 'T', "asyncio `create_task` ×2"),
      new Entry("s3-24", 'T', "blocking `time.sleep` inside a coroutine"),
      new Entry("s4-01", 'P', "4 × `Process(target=piao)` random sleeps"),
      new Entry("s4-02", 'P', "4 × `class Piao(Process)`"),
      new Entry("s4-03", 'P', "global `n=100`, child sets `n=0`"),
      new Entry("s4-04", 'T', "socket server, one Process per connection, echo upper-case; client"),
      new Entry("s4-05", 'P', "`p.join(0.0001)`"),
      new Entry("s4-06", 'P', "4 processes started, then joined in turn"),
      new Entry("s4-07", 'P', "`terminate()` then `is_alive()`"),
      new Entry("s4-08", 'P', "name set after `super().__init__()`, pid"),
      new Entry("s4-09", 'P', "zombie (child ends, parent sleeps) and orphan (parent exits first)"),
      new Entry("s4-10", 'P', "`p.pid` after `join()`"),
      new Entry("s4-11", 'P', "daemon Piao; main prints '主' and exits"),
      new Entry("s4-12", 'P', "p1 daemon (123/end123), p2 normal (456/end456)"),
      new Entry("s4-13", 'S', "3 processes print without lock"),
      new Entry("s4-14", 'S', "same with Lock"),
      new Entry("s4-15", 'S', "ticket file `{\"count\":1}`, 100 processes, no lock"),
      new Entry("s4-16", 'S', "same with Lock around `get`"),
      new Entry("s4-17", 'Q', "`Queue(3)` full/get/empty"),
      new Entry("s4-18", 'Q', "producer/consumer, consumer loops forever"),
      new Entry("s4-19", 'Q', "producer sends `None` sentinel"),
      new Entry("s4-20", 'Q', "main sends `None` after joining the producer"),
      new Entry("s4-21", 'Q', "3 producers, 2 consumers, main sends 2 sentinels"),
      new Entry("s4-22", 'Q', "`JoinableQueue`, `task_done`, `join`, daemon consumers"),
      new Entry("s4-23", 'Q', "Pipe producer/consumer, close unused ends, `EOFError`"),
      new Entry("s4-24", 'Q', "Pipe request/response adder"),
      new Entry("s4-25", 'M', "Manager dict `{'count':100}`, 100 processes `d['count'] -= 1` without lock"),
      new Entry("s4-26", 'S', "`Semaphore(5)`, 13 users"),
      new Entry("s4-27", 'S', "Event traffic light, police cars `wait(1)`"),
      new Entry("s4-28", 'L', "`Pool(3)`, `apply` ×10, n²"),
      new Entry("s4-29", 'L', "`apply_async` ×10, close, join, `get`"),
      new Entry("s4-30", 'L', "`apply_async` vs `apply` with `func(msg)` (two programs)"),
      new Entry("s4-31", 'T', "socket server on `Pool()`; client"),
      new Entry("s4-32", 'L', "crawler: `apply_async(get_page, callback=parse_page)`"),
      new Entry("s4-33", 'L', "crawler with regex parse of a movie board"),
      new Entry("s4-34", 'L', "`Pool()`, `apply_async` n² with sleep, gather after join"));

  private Catalog() {}

  static Optional<Entry> find(String id) {
    return ENTRIES.stream().filter(e -> e.id().equalsIgnoreCase(id)).findFirst();
  }
}
