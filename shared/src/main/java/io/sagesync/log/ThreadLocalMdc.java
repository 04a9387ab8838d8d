package io.sagesync.log;

import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

/**
 * The MDC of {@link StdoutLogProvider}: one map per thread, <em>not</em> inherited by threads it starts (as Log4j2's
 * default was; SLF4J's {@code BasicMDCAdapter} inherits). Pool threads created during one invocation, e.g. by an
 * HTTP client, would otherwise carry that invocation's run id into every later line they write.
 */
final class ThreadLocalMdc implements MDCAdapter {
    private final ThreadLocal<Map<String, String>> context = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    @Override
    public void put(String key, String val) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null");
        }
        context.get().put(key, val);
    }

    @Override
    public String get(String key) {
        return context.get().get(key);
    }

    @Override
    public void remove(String key) {
        context.get().remove(key);
    }

    @Override
    public void clear() {
        context.remove();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return new HashMap<>(context.get());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        context.set(contextMap == null ? new HashMap<>() : new HashMap<>(contextMap));
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return stacks.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.clearDequeByKey(key);
    }
}
