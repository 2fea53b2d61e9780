package io.multiproc.samples;

import io.multiproc.Barrier;
import io.multiproc.Lock;
import io.multiproc.Process;
import io.multiproc.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket office of seed 004 (s4-15, s4-16): a file db.txt holding {@code {"count":1}} and a
 * hundred clients that each look at it and try to buy. The port keeps the file in a temporary
 * directory.
 */
final class Tickets {
  private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(-?\\d+)");

  private Tickets() {}

  static int load(Path db) {
    try {
      Matcher m = COUNT.matcher(Files.readString(db));
      if (!m.find()) {
        throw new IllegalStateException("no count in " + db);
      }
      return Integer.parseInt(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void search(Path db) {
    System.out.println("\033[43m剩余票数" + load(db) + "\033[0m");
  }

  static void get(Path db) throws InterruptedException, IOException {
    int count = load(db);
    Thread.sleep(100); // 模拟读数据的网络延迟
    if (count > 0) {
      count -= 1;
      Thread.sleep(200); // 模拟写数据的网络延迟
      Files.writeString(db, "{\"count\": " + count + "}");
      System.out.println("\033[43m购票成功\033[0m");
    }
  }

  /**
   * How many clients: a hundred, as in the source; the property {@value #CLIENTS} changes it (the
   * tests use fewer, so as not to boot two hundred JVMs on a small machine).
   */
  static int clients() {
    return Integer.getInteger(CLIENTS, 100);
  }

  static final String CLIENTS = "samples.ticket-clients";

  /** Runs a hundred clients {@code task(lock, db)}, waits for them, cleans up. */
  static void run(Target.With2<Lock, String> task) throws IOException {
    run((lock, db) -> new Process(task, lock, db), null);
  }

  /**
   * As {@link #run(Target.With2)}, the clients first waiting at {@code startLine}, a Barrier of
   * the hundred and the main, until all are up: JVMs start one after another where Python's
   * forks start within milliseconds, and the race is only a race when they run together.
   */
  static void runFromStartLine(Target.With3<Lock, String, Barrier> task) throws IOException {
    Barrier startLine = new Barrier(clients() + 1);
    run((lock, db) -> new Process(task, lock, db, startLine), startLine);
  }

  private static void run(java.util.function.BiFunction<Lock, String, Process> client,
      Barrier startLine) throws IOException {
    Path dir = Files.createTempDirectory("tickets");
    Path db = dir.resolve("db.txt");
    Files.writeString(db, "{\"count\":1}"); // 注意一定要用双引号，不然json无法识别
    Lock lock = new Lock();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < clients(); i++) { // 模拟并发100个客户端抢票
      Process p = client.apply(lock, db.toString());
      p.start();
      ps.add(p);
    }
    if (startLine != null) {
      startLine.await(); // all hundred are up: they go at once
    }
    ps.forEach(Process::join); // the port waits, to delete its temporary file
    Files.delete(db);
    Files.delete(dir);
  }
}
