package io.multiproc.internal.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk's arguments and results come back as they went, compact or through the reducer. */
class ItemsTest {
  @Test
  void arguments_ofEveryArity_compactOrReduced() {
    Items.Rows one = Items.decodeArgs(Items.encodeArgs(Arrays.asList(1, null, "é", 2.5), 1));
    assertEquals(4, one.count());
    assertArrayEquals(new Object[] {1, null, "é", 2.5}, one.values());
    Items.Rows none = Items.decodeArgs(Items.encodeArgs(
        java.util.Collections.singletonList(new Object[0]), 0));
    assertEquals(1, none.count());
    assertEquals(0, none.values().length);
    Items.Rows two = Items.decodeArgs(Items.encodeArgs(List.of(new Object[] {"a", 1L},
        new Object[] {'c', true}), 2));
    assertArrayEquals(new Object[] {"a", 1L, 'c', true}, two.values());
    Items.Rows reduced = Items.decodeArgs(Items.encodeArgs(List.of(List.of(1), List.of(2)), 1));
    assertEquals(2, reduced.count());
    assertArrayEquals(new Object[] {List.of(1), List.of(2)}, reduced.values());
  }

  @Test
  void results_compactOrReduced() {
    assertEquals(Arrays.asList(1, null, "x"),
        Items.decodeResults(Items.encodeResults(Arrays.asList(1, null, "x"))));
    assertEquals(List.of(List.of(1)), Items.decodeResults(Items.encodeResults(
        List.of(List.of(1)))));
  }
}
