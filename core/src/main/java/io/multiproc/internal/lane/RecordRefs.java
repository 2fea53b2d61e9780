package io.multiproc.internal.lane;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * INTERNAL API. Sets the actor references of a message record: a message to an actor travels on
 * a lane without them (an actor reference needs an ActorSystem to be read back), and the JVM that
 * receives it puts in its own: where the answer goes (the component named {@code replyTo}) and
 * whom to watch for the sender's death (every other actor-reference component).
 */
public final class RecordRefs {
  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private RecordRefs() {}

  /** A record class's components and canonical constructor. */
  private record Shape(RecordComponent[] components, Constructor<?> constructor) {}

  /**
   * {@code message} with its {@code replyTo} component set to {@code replyTo} and its other
   * actor-reference components set to {@code jvm}; any other message unchanged.
   */
  public static Object with(Object message, ActorRef<?> replyTo, ActorRef<?> jvm) {
    if (!message.getClass().isRecord()) {
      return message;
    }
    Shape shape = SHAPES.computeIfAbsent(message.getClass(), RecordRefs::shape);
    if (shape.constructor() == null) {
      return message;
    }
    RecordComponent[] components = shape.components();
    Object[] values = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        values[i] = c.getType() != ActorRef.class ? c.getAccessor().invoke(message)
            : c.getName().equals("replyTo") ? replyTo : jvm;
      }
      return shape.constructor().newInstance(values);
    } catch (IllegalAccessException | InstantiationException | InvocationTargetException e) {
      throw new IllegalStateException("cannot set the actor references of " + message, e);
    }
  }

  /** The shape of {@code type}; without a constructor when it has no actor-reference component. */
  private static Shape shape(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    boolean refs = false;
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      refs |= types[i] == ActorRef.class;
      components[i].getAccessor().setAccessible(true);
    }
    if (!refs) {
      return new Shape(components, null);
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return new Shape(components, constructor);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
  }
}
