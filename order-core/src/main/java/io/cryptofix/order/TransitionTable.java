package io.cryptofix.order;

import java.util.function.BiFunction;

/**
 * One of an order's transition tables (its state, its pending request, its venue leg), worked out
 * once from its rules: applying an event then costs two array reads, not a walk of switches.
 *
 * @param <S> what the table moves between.
 */
final class TransitionTable<S extends Enum<S>>
{
    private final Object[][] next;

    /**
     * @param from  every value, in ordinal order ({@code values()}).
     * @param rule  where an event takes a value; null where the event is not legal.
     */
    TransitionTable(final S[] from, final BiFunction<S, OrderEventType, S> rule)
    {
        final OrderEventType[] events = OrderEventType.values();
        next = new Object[from.length][events.length];
        for (final S value : from)
        {
            for (final OrderEventType event : events)
            {
                next[value.ordinal()][event.ordinal()] = rule.apply(value, event);
            }
        }
    }

    /**
     * @return where {@code event} takes {@code from}, or null if the event is not legal there.
     */
    @SuppressWarnings("unchecked")
    S next(final S from, final OrderEventType event)
    {
        return (S)next[from.ordinal()][event.ordinal()];
    }
}
