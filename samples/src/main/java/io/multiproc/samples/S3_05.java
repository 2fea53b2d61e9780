package io.multiproc.samples;

import io.multiproc.Process;

/** s3-05: the members of a process object, from name to close() (seed 003, line 81). */
public final class S3_05 {
  private S3_05() {}

  static void foo(Integer x) throws InterruptedException {
    System.out.println(x);
    Thread.sleep(5000); // long enough to be killed while alive
  }

  public static void main(String[] args) {
    Process p = new Process(S3_05::foo, 1);
    p.setName("demo");
    p.setDaemon(true); // 设置为守护进程，默认为 False
    p.start(); // 启动子进程
    System.out.println(p.name()); // 输出子进程名称
    System.out.println(p.pid()); // 输出子进程 id
    System.out.println(p.isAlive()); // 判断子进程是否存活
    p.kill(); // 终止子进程
    p.terminate(); // 终止子进程
    // the exit code right away: null while the process is still ending, as Python's None
    System.out.println(p.exitcode());
    try {
      p.close();
      System.out.println("closed");
    } catch (IllegalStateException e) {
      System.out.println("close() refused: " + e.getMessage());
    }
    p.join();
    System.out.println(p.exitcode()); // 输出子进程退出码
    p.close(); // 关闭 Process 对象，释放其占用的资源
    System.out.println("closed after join");
  }
}
