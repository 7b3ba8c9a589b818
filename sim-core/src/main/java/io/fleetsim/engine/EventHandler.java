package io.fleetsim.engine;

/**
 * What an event does when it fires. One handler object can serve many events: {@code arg} tells them apart
 * (a task index, a node index ...), so hot paths schedule without allocating.
 */
@FunctionalInterface
public interface EventHandler {
    void onEvent(long now, long arg);
}
