package io.multiproc.samples;

import io.multiproc.Process;

/** s0-03: a Process subclass overriding run(), interval 2 s (seed 000, line 111). */
public final class S0_03 {
  private S0_03() {}

  /** CPython's {@code class Download(Process)}; its field travels to the child. */
  static final class Download extends Process {
    private final int interval;

    Download(int interval) {
      this.interval = interval;
    }

    // 重写Process类中的run()方法
    @Override
    public void run() throws InterruptedException {
      long tStart = System.nanoTime();
      long pid = ProcessHandle.current().pid();
      System.out.printf("开启进程：%d进行下载操作%n", pid);
      System.out.printf("子进程（%d）开始执行，父进程为（%d）%n", pid,
          ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
      Thread.sleep(interval * 1000L);
      System.out.printf("子进程（%d）执行完毕，耗时(%f)秒%n", pid, (System.nanoTime() - tStart) / 1e9);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    long tStart = System.nanoTime();
    System.out.printf("当前进程（%d）%n", ProcessHandle.current().pid());
    Download p = new Download(2);
    p.start();
    // p.join(10)  join: 父进程等待子进程执行完毕后立刻执行
    Thread.sleep(4000); // 模拟阻塞，保证子进程完毕后父进程在执行 (the source waits 10 s)
    System.out.printf("主进程（%d）执行完毕，耗时(%f)秒%n", ProcessHandle.current().pid(),
        (System.nanoTime() - tStart) / 1e9);
  }
}
