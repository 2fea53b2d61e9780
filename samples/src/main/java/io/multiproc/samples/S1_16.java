package io.multiproc.samples;

import io.multiproc.Lock;
import io.multiproc.Process;

/** s1-16: a Lock around a print, 10 processes (seed 001, line 456). */
public final class S1_16 {
  private S1_16() {}

  static void f(Lock l, Integer i) {
    l.acquire(); // 获取修改数据的锁
    System.out.println("hello world " + i);
    l.release(); // 释放锁
  }

  public static void main(String[] args) {
    Lock lock = new Lock(); // 实例锁
    for (int num = 0; num < 10; num++) { // 生成10个进程
      new Process(S1_16::f, lock, num).start(); // 执行子进程并传入参数给子进程
    }
  }
}
