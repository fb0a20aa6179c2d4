package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TransientStorageException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for any port: wraps a real implementation in a {@link Proxy} that fails the Nth
 * call of a named method (counting from 1, per method name, overloads together).
 *
 * <pre>{@code
 * Faults<LeadRepository> faults = Faults.of(LeadRepository.class, new InMemoryLeadRepository())
 *         .transientOn("update", 1)            // first update throws, nothing written
 *         .lostAnswerOn("claimFollowUp", 2);   // second claim is written, then its answer is lost
 * LeadRepository leads = faults.port();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #transientOn} / {@link #permanentOn}: the call throws before reaching the real
 *       implementation, so nothing is written.</li>
 *   <li>{@link #lostAnswerOn}: the real method runs (its write commits), then a
 *       {@link TransientStorageException} is thrown, as when the connection drops after the store
 *       committed.</li>
 * </ul>
 * Other calls pass through; exceptions of the real implementation are rethrown unwrapped.
 * Thread-safe: calls are counted atomically, so each Nth call fails exactly once.
 *
 * @param <T> the port interface
 */
public final class Faults<T> {

    /** What the Nth call does. */
    private enum Fault { TRANSIENT, PERMANENT, LOST_ANSWER }

    private final Class<T> port;
    private final T target;
    private final Map<String, Map<Integer, Fault>> planned = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private Faults(Class<T> port, T target) {
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port + " is not an interface");
        }
        this.port = port;
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Starts wrapping {@code target} as a {@code port}. */
    public static <T> Faults<T> of(Class<T> port, T target) {
        return new Faults<>(port, target);
    }

    /** Call number {@code nth} of {@code method} throws a {@link TransientStorageException} without running. */
    public Faults<T> transientOn(String method, int nth) {
        return plan(method, nth, Fault.TRANSIENT);
    }

    /** Call number {@code nth} of {@code method} throws a {@link PermanentStorageException} without running. */
    public Faults<T> permanentOn(String method, int nth) {
        return plan(method, nth, Fault.PERMANENT);
    }

    /** Call number {@code nth} of {@code method} runs, then throws a {@link TransientStorageException}. */
    public Faults<T> lostAnswerOn(String method, int nth) {
        return plan(method, nth, Fault.LOST_ANSWER);
    }

    /** How many times {@code method} was called through the proxy, failed calls included. */
    public int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /** The faulty port. Every call returns a proxy sharing this plan and these counts. */
    public T port() {
        InvocationHandler handler = this::invoke;
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    private Faults<T> plan(String method, int nth, Fault fault) {
        if (nth < 1) {
            throw new IllegalArgumentException("calls are counted from 1, was " + nth);
        }
        if (java.util.Arrays.stream(port.getMethods()).noneMatch(m -> m.getName().equals(method))) {
            throw new IllegalArgumentException(port.getSimpleName() + " has no method " + method);
        }
        planned.computeIfAbsent(method, m -> new ConcurrentHashMap<>()).put(nth, fault);
        return this;
    }

    private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Faults[" + target + "]";
            };
        }
        String name = method.getName();
        int call = calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        Fault fault = planned.getOrDefault(name, Map.of()).get(call);
        String operation = port.getSimpleName() + "." + name;
        if (fault == Fault.TRANSIENT) {
            throw new TransientStorageException(operation, "injected transient failure on call " + call);
        }
        if (fault == Fault.PERMANENT) {
            throw new PermanentStorageException(operation, "injected permanent failure on call " + call);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (fault == Fault.LOST_ANSWER) {
            throw new TransientStorageException(operation, "injected lost answer after call " + call + " ran");
        }
        return result;
    }
}
