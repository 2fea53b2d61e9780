package io.multiproc.samples;

import io.multiproc.JoinableQueue;
import io.multiproc.Process;
import java.util.List;

/**
 * s4-22: JoinableQueue: producers wait until their items are eaten; daemon consumers end with
 * the main (seed 004, line 937).
 */
public final class S4_22 {
  private S4_22() {}

  public static void main(String[] args) {
    JoinableQueue<String> q = new JoinableQueue<>();
    Process p1 = new Process(Baozi::joinableProducer, "包子", q);
    Process p2 = new Process(Baozi::joinableProducer, "骨头", q);
    Process p3 = new Process(Baozi::joinableProducer, "泔水", q);
    Process c1 = new Process(Baozi::joinableConsumer, q);
    Process c2 = new Process(Baozi::joinableConsumer, q);
    c1.setDaemon(true);
    c2.setDaemon(true);
    for (Process p : List.of(p1, p2, p3, c1, c2)) {
      p.start();
    }
    p1.join();
    p2.join();
    p3.join();
    System.out.println("主");
    // 主进程等--->p1,p2,p3等---->c1,c2: when p1..p3 ended, c1 and c2 ate everything; as daemons
    // they end with the main
  }
}
