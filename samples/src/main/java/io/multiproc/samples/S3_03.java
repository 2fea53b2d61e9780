package io.multiproc.samples;

import io.multiproc.Process;

/** s3-03: a Process subclass given a name prints it and its pid (seed 003, line 48). */
public final class S3_03 {
  private S3_03() {}

  /** CPython's {@code class Foo(Process)} setting {@code self.name}. */
  static final class Foo extends Process {
    Foo(String name) {
      super();
      setName(name);
    }

    @Override
    public void run() {
      System.out.println("name: " + name());
      System.out.println("sub process: " + ProcessHandle.current().pid());
    }
  }

  public static void main(String[] args) {
    System.out.println("parent process: " + ProcessHandle.current().pid());
    Process p = new Foo("bob");
    p.start();
  }
}
