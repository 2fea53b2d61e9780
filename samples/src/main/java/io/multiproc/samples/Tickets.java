package io.multiproc.samples;

import io.multiproc.Event;
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
 * directory, and its clients wait at a start line until all hundred are up, since JVMs start one
 * after another where Python's forks start within milliseconds.
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

  /** Runs a hundred clients {@code task(lock, db, startLine)}, waits for them, cleans up. */
  static void run(Target.With3<Lock, String, Event> task) throws IOException {
    Path dir = Files.createTempDirectory("tickets");
    Path db = dir.resolve("db.txt");
    Files.writeString(db, "{\"count\":1}"); // 注意一定要用双引号，不然json无法识别
    Lock lock = new Lock();
    Event startLine = new Event();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 100; i++) { // 模拟并发100个客户端抢票
      Process p = new Process(task, lock, db.toString(), startLine);
      p.start();
      ps.add(p);
    }
    startLine.set();
    ps.forEach(Process::join); // the port waits, to delete its temporary file
    Files.delete(db);
    Files.delete(dir);
  }
}
