package io.multiproc.samples;

import io.multiproc.Queue;

/** s3-06: Queue(3): full, qsize, three gets, empty (seed 003, line 111). */
public final class S3_06 {
  private S3_06() {}

  public static void main(String[] args) {
    Queue<Integer> q = new Queue<>(3); // 定义一个最大长度为 3 的队列
    q.put(1); // 通过 put 方法添加成员
    q.put(2);
    q.put(3);
    System.out.println(Py.repr(q.full())); // 判断队列是否已满 => True
    System.out.println(q.qsize()); // 获取队列当前大小 => 3
    System.out.println(q.get()); // => 1
    System.out.println(q.get()); // => 2
    System.out.println(q.get()); // => 3
    System.out.println(Py.repr(q.empty())); // 判断队列是否已空 => True
  }
}
