package io.multiproc.samples;

import io.multiproc.Pool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * s3-04: {@code with Pool(5) as p: p.map(foo, range(100))} as try-with-resources (seed 003, line
 * 69); the block ends with {@code close()}, after map has returned, so nothing is dropped.
 */
public final class S3_04 {
  private S3_04() {}

  static Void foo(int num) {
    System.out.println(num);
    return null;
  }

  public static void main(String[] args) {
    try (Pool p = new Pool(5)) {
      p.map(S3_04::foo, IntStream.range(0, 100).boxed().collect(Collectors.toList()));
    }
  }
}
