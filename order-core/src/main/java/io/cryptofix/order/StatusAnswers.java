package io.cryptofix.order;

import java.util.ArrayList;
import java.util.List;

/**
 * OrderStatusRequest and OrderMassStatusRequest in: where orders stand (ExecType I). Changes nothing.
 */
final class StatusAnswers
{
    private final OrderIndex index;
    private final OrderEvents events;
    private final List<Order> selected = new ArrayList<>();

    StatusAnswers(final OrderIndex index, final OrderEvents events)
    {
        this.index = index;
        this.events = events;
    }

    void onStatusRequest(final OrderStatusCommand command)
    {
        final Order order = index.byClOrdId(command.sessionId(), command.clOrdId());
        if (order == null)
        {
            events.begin(OrderEventType.UNKNOWN_ORDER_STATUS, null).statusRequest(command);
        }
        else
        {
            events.begin(OrderEventType.ORDER_STATUS, order);
        }
        events.emit();
    }

    /**
     * One status report per working order of the session (of the symbol, when asked by symbol),
     * oldest first, or one report saying there is none.
     */
    void onMassStatusRequest(final MassStatusCommand command)
    {
        index.working(command.sessionId(),
            command.requestType() == MassStatusCommand.BY_SYMBOL ? command.symbol() : null, selected);
        final int total = selected.size();
        if (total == 0)
        {
            events.begin(OrderEventType.MASS_STATUS_REPORT, null).massStatus(command, 0, true);
            events.emit();
            return;
        }
        for (int i = 0; i < total; i++)
        {
            events.begin(OrderEventType.MASS_STATUS_REPORT, selected.get(i)).massStatus(command, total, i == total - 1);
            events.emit();
        }
        selected.clear();
    }
}
