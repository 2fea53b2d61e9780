package io.multiproc.internal.wire;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INTERNAL API. A serialisable method reference to a static method ({@code Demo::work}) as it
 * travels: the interface and the method, by name. Java's own form of a serialised lambda makes the
 * receiving JVM spin a lambda class on first use, which costs about a millisecond in a fresh JVM
 * on every process start; this form resolves to a proxy of the interface that calls the method,
 * and the proxy class of each interface is made once per JVM (a spare makes them before its
 * process arrives).
 *
 * @param iface the functional interface, in internal form (a/b/C)
 * @param ifaceMethod the name of its abstract method
 * @param implClass the class declaring the static method, in internal form
 * @param implMethod the static method's name
 * @param implSignature the static method's descriptor
 */
record StaticTarget(String iface, String ifaceMethod, String implClass, String implMethod,
    String implSignature) implements Serializable {

  private static final Map<StaticTarget, Method> METHODS = new ConcurrentHashMap<>();

  /** The travelling form of {@code lambda}, or null when it is not a capture-free static reference. */
  static StaticTarget of(SerializedLambda lambda) {
    if (lambda.getCapturedArgCount() != 0
        || lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
        || lambda.getImplMethodName().startsWith("lambda$")) {
      return null; // lambdas with bodies keep Java's form: their synthetic method is private API
    }
    return new StaticTarget(lambda.getFunctionalInterfaceClass(),
        lambda.getFunctionalInterfaceMethodName(), lambda.getImplClass(),
        lambda.getImplMethodName(), lambda.getImplMethodSignature());
  }

  /** The travelling form of a proxy this class made, or null for any other object. */
  static StaticTarget unwrap(Object o) {
    if (o != null && Proxy.isProxyClass(o.getClass())
        && Proxy.getInvocationHandler(o) instanceof Handler h) {
      return h.target;
    }
    return null;
  }

  private Object readResolve() throws ObjectStreamException {
    try {
      ClassLoader loader = loader();
      Class<?> type = Class.forName(iface.replace('/', '.'), false, loader);
      return Proxy.newProxyInstance(loader, new Class<?>[] {type}, new Handler(this, method()));
    } catch (ReflectiveOperationException | RuntimeException e) {
      InvalidObjectException failure = new InvalidObjectException("cannot resolve the target "
          + implClass.replace('/', '.') + "::" + implMethod + " in this JVM: " + e);
      failure.initCause(e);
      throw failure;
    }
  }

  private Method method() throws ReflectiveOperationException {
    Method m = METHODS.get(this);
    if (m == null) {
      ClassLoader loader = loader();
      Class<?> owner = Class.forName(implClass.replace('/', '.'), true, loader);
      MethodType type = MethodType.fromMethodDescriptorString(implSignature, loader);
      m = owner.getDeclaredMethod(implMethod, type.parameterArray());
      m.setAccessible(true);
      METHODS.put(this, m);
    }
    return m;
  }

  private static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : StaticTarget.class.getClassLoader();
  }

  /** Calls the static method for the interface's abstract method. */
  private record Handler(StaticTarget target, Method method) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
      if (m.getName().equals(target.ifaceMethod) && !m.isDefault()) {
        try {
          return method.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw e.getCause(); // the target's own exception, as a direct call would throw it
        }
      }
      if (m.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, m, args);
      }
      return switch (m.getName()) {
        case "equals" -> args[0] != null && target.equals(unwrap(args[0]));
        case "hashCode" -> target.hashCode();
        default -> target.implClass.replace('/', '.') + "::" + target.implMethod;
      };
    }
  }
}
