package io.cryptofix.order;

/**
 * Where the order core's events go: one sink, which the gateway makes of the journal (what happened,
 * kept before anyone hears of it) followed by the FIX side (what clients are told). The event is a
 * flyweight: copy what you keep before returning.
 */
@FunctionalInterface
public interface OrderEventSink
{
    void onEvent(OrderEvent event);

    /** This sink, then {@code next}, for every event. */
    default OrderEventSink andThen(final OrderEventSink next)
    {
        return event ->
        {
            onEvent(event);
            next.onEvent(event);
        };
    }
}
