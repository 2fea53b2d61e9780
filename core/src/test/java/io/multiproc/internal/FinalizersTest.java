package io.multiproc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The teardown: steps by priority, highest first, once; a failing step stops no other; a step
 * registered after it ran runs at once. (A teardown of its own: this JVM's runs as it ends.)
 */
class FinalizersTest {
  @Test
  void runAll_byPriorityThenOrder_once_aFailingStepStopsNoOther() {
    Finalizers f = new Finalizers();
    List<String> ran = new ArrayList<>();
    f.add("test: flush", Finalizers.FLUSH, () -> ran.add("flush"));
    f.add("test: close", Finalizers.CLOSE_ENDS, () -> ran.add("close"));
    f.add("test: fails", Finalizers.LEAVE_PRIMITIVES, () -> {
      throw new IllegalStateException("a step that fails");
    });
    f.add("test: leave", Finalizers.LEAVE_PRIMITIVES, () -> ran.add("leave"));
    f.add("test: close", Finalizers.FLUSH, () -> ran.add("close again"));
    f.run();
    assertEquals(List.of("close", "leave", "flush"), ran);
    f.run();
    assertEquals(List.of("close", "leave", "flush"), ran, "the teardown runs once");
    f.add("test: late", Finalizers.FLUSH, () -> ran.add("late"));
    assertEquals(List.of("close", "leave", "flush", "late"), ran, "a late step runs at once");
  }
}
