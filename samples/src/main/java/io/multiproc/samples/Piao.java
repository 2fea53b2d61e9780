package io.multiproc.samples;

import io.multiproc.Process;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CPython's {@code class Piao(Process)} of seed 004, which several of its examples share: prints
 * "NAME is piaoing", sleeps a random whole number of seconds below {@code maxSeconds}, prints
 * "NAME is piao end".
 */
final class Piao extends Process {
  private final int maxSeconds;

  Piao(String name, int maxSeconds) {
    super(name);
    this.maxSeconds = maxSeconds;
  }

  @Override
  public void run() throws InterruptedException {
    System.out.println(name() + " is piaoing");
    Thread.sleep(ThreadLocalRandom.current().nextInt(1, maxSeconds) * 1000L);
    System.out.println(name() + " is piao end");
  }
}
