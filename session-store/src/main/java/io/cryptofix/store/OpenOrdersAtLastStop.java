package io.cryptofix.store;

import io.cryptofix.domain.Fixed;
import org.agrona.concurrent.IdleStrategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders the journal of earlier runs leaves open: for each order its last event, where that
 * says the order had not ended (filled, canceled, rejected, expired).
 */
public final class OpenOrdersAtLastStop
{
    private final Map<String, JournalEvent> lastEvents = new LinkedHashMap<>();
    private long events;

    private OpenOrdersAtLastStop()
    {
    }

    /** Reads the whole journal in the archive of the media driver at {@code aeronDirName}. */
    public static OpenOrdersAtLastStop read(final String aeronDirName, final IdleStrategy idle)
    {
        final OpenOrdersAtLastStop open = new OpenOrdersAtLastStop();
        open.events = OrderJournal.replay(aeronDirName, idle,
            (recordingId, event) -> open.lastEvents.put(recordingId + "/" + event.orderKey(), event));
        return open;
    }

    public long eventsRead()
    {
        return events;
    }

    /** The last event of each order left open, in the order the orders were first journaled. */
    public List<JournalEvent> orders()
    {
        final List<JournalEvent> open = new ArrayList<>();
        for (final JournalEvent event : lastEvents.values())
        {
            if (!event.orderState().isTerminal())
            {
                open.add(event);
            }
        }
        return open;
    }

    /** One line naming an open order for operators: how to find it at its venue. */
    public static String describe(final JournalEvent order)
    {
        return "ClOrdID " + order.clOrdId() + " (" + order.orderSide() + " " + Fixed.toString(order.orderQty()) + " " +
            order.symbol() + " at " + order.venueId() + ", " + order.orderState() + ", CumQty " +
            Fixed.toString(order.cumQty()) + (order.venueOrderId() == null ? ", no venue order id yet" :
            ", venue order id " + order.venueOrderId()) + ", placement " + order.venueAttempt() + ")";
    }
}
