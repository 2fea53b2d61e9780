package io.multiproc.samples;

import io.multiproc.Multiprocessing;

/** s1-03: info(title) called in the main process only (seed 001, line 86). */
public final class S1_03 {
  private S1_03() {}

  static void info(String title) {
    System.out.println(title);
    // Python prints __name__ ('__main__' here, '__mp_main__' in a child); the process name is the
    // JVM's nearest equivalent
    System.out.println("process name: " + Multiprocessing.currentProcess().name());
    System.out.println("parent process: "
        + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L)); // os.getppid()
    System.out.println("process id: " + ProcessHandle.current().pid()); // os.getpid()
    System.out.println();
  }

  public static void main(String[] args) {
    info("\033[32;1mmain process line\033[0m"); // 直接调用函数
  }
}
