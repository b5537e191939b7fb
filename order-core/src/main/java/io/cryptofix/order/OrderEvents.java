package io.cryptofix.order;

import java.util.function.Consumer;

/**
 * The one writer of order state: every event the core decides on is started here, applied to its
 * order through the order's tables, given its ExecID, and handed to the sink, in that order. An event
 * the order's state does not allow changes nothing, reaches no one and is shown to operators instead.
 * One event at a time: the event is a reused flyweight.
 */
final class OrderEvents
{
    private final OrderEvent event = new OrderEvent();
    private final OrderEventSink sink;
    private final OrderCoreObserver observer;
    private Consumer<Order> onFinished = order -> {};
    private Emitted onEmitted = (event, leavesBefore) -> {};
    private long nextExecId = 1;
    // the time of the input being handled: every event it leads to happens then
    private long nowMillis;

    OrderEvents(final OrderEventSink sink, final OrderCoreObserver observer)
    {
        this.sink = sink;
        this.observer = observer;
    }

    /** Called once for each order whose state becomes terminal, right after the event that ends it. */
    void onFinished(final Consumer<Order> onFinished)
    {
        this.onFinished = onFinished;
    }

    /**
     * What the core keeps beside the orders themselves (positions, the reject rate) and follows from
     * the events: told of each event once it is applied and handed on.
     */
    interface Emitted
    {
        /**
         * @param leavesBefore  the order's LeavesQty before the event; 0 for an answer, or the event
         *                      that created the order.
         */
        void emitted(OrderEvent event, long leavesBefore);
    }

    void onEmitted(final Emitted onEmitted)
    {
        this.onEmitted = onEmitted;
    }

    void now(final long nowMillis)
    {
        this.nowMillis = nowMillis;
    }

    long now()
    {
        return nowMillis;
    }

    /** ExecIDs continue after those an earlier run used. */
    void continueExecIdsAfter(final long nextExecId)
    {
        this.nextExecId = Math.max(this.nextExecId, nextExecId);
    }

    /** Starts an event of {@code order} (null for an answer about no order); finish it with {@link #emit}. */
    OrderEvent begin(final OrderEventType type, final Order order)
    {
        return event.reset(type, order, nowMillis);
    }

    /** The event being built. */
    OrderEvent current()
    {
        return event;
    }

    /**
     * Applies the event begun last to its order and hands it on.
     *
     * @return false if the order's state does not allow it: then nothing changed and no one heard.
     */
    boolean emit()
    {
        final Order order = event.order();
        final OrderEventType type = event.type();
        long leavesBefore = 0;
        if (order != null && !type.isAnswer())
        {
            leavesBefore = order.state() == null ? 0 : order.leavesQty();
            final boolean wasWorking = order.state() == null || !order.state().isTerminal();
            if (!order.apply(event))
            {
                observer.onEventRefused(order, type, nowMillis);
                return false;
            }
            if (wasWorking && order.state().isTerminal())
            {
                onFinished.accept(order);
            }
        }
        if (type.hasExecId() && !event.isResent())
        {
            event.execId(nextExecId++);
        }
        sink.onEvent(event);
        onEmitted.emitted(event, leavesBefore);
        return true;
    }

    /**
     * Hands on an event told before a restart, as it was: its order is a copy of the order as it stood
     * then, and changes nothing in the core.
     */
    void resend()
    {
        event.resent(true);
        sink.onEvent(event);
    }
}
