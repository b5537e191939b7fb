package io.cryptofix.benchmarks;

import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventSink;
import io.cryptofix.order.OrderEventType;

/** Events go nowhere: a benchmark of the order core measures the core, not journaling or report encoding. */
public final class SilentReports implements OrderEventSink
{
    @Override
    public void onEvent(final OrderEvent event)
    {
        if (event.type() == OrderEventType.NEW_ORDER_REFUSED)
        {
            throw new IllegalStateException("order rejected: " + event.text());
        }
    }
}
