package io.cryptofix.store;

import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.Order;
import io.cryptofix.order.OrderEvent;
import io.cryptofix.order.OrderEventType;
import io.cryptofix.order.OrderReplay;
import io.cryptofix.order.PendingRequest;
import io.cryptofix.order.VenueCancelCause;
import org.agrona.concurrent.IdleStrategy;

/**
 * The journal of earlier runs read back into the order core's terms: each event as the core emitted
 * it, replayed through the same transitions ({@link OrderReplay}).
 */
public final class JournalReplay
{
    private static final CxlRejReason[] CXL_REJ_REASONS = CxlRejReason.values();

    private JournalReplay()
    {
    }

    /** Reads the whole journal in the archive of the media driver at {@code aeronDirName}. */
    public static OrderReplay read(final String aeronDirName, final IdleStrategy idle)
    {
        final OrderReplay replay = new OrderReplay();
        final OrderEvent event = new OrderEvent();
        OrderJournal.replay(aeronDirName, idle, (recordingId, journaled) -> replay.onEvent(recordingId,
            toEvent(journaled, event)));
        return replay;
    }

    /** Fills {@code into} with the event as the order core emitted it. */
    static OrderEvent toEvent(final JournalEvent journaled, final OrderEvent into)
    {
        final OrderEventType type = journaled.type();
        final JournalEvent.Details details = journaled.details();
        into.reset(type, null, type.createsOrder() ? journaled.createdMillis() : journaled.timeNanos() / 1_000_000)
            .newOrder(journaled.orderKey(), journaled.sessionId())
            .timeout(details.timeoutMillis(), null)
            .clOrdIds(journaled.clOrdId(), journaled.origClOrdId())
            .quantities(details.requestQty(), details.requestPrice(), details.requestStopPx())
            .placement(journaled.venueAttempt(),
                details.venueOrdType() < 0 ? null : OrdType.values()[details.venueOrdType()],
                details.venueTimeInForce() < 0 ? null : TimeInForce.values()[details.venueTimeInForce()],
                details.venueQuantity(), details.venuePrice(), details.venueStopPx())
            .fill(journaled.lastQty(), journaled.lastPx())
            .venueOrderId(journaled.venueOrderId())
            .text(journaled.text())
            .cancelCause(VenueCancelCause.values()[details.cancelCause()])
            .resent(details.resent());
        into.terms().set(journaled.symbol(), journaled.venueId(), journaled.orderSide(), journaled.orderType(),
            journaled.orderTimeInForce(), journaled.postOnly(), journaled.expireTimeMillis(), 0)
            .account(details.account());
        if (journaled.kind() == OrderEventKind.CANCEL_REJECT)
        {
            into.refusal(cxlRejReason(journaled.cxlRejReason()),
                journaled.cxlRejResponseTo() == JournalEvent.REPLACE_REJECTED);
        }
        else
        {
            into.execId(journaled.execId());
        }
        if (details.resent())
        {
            into.order(Order.asTold(into, journaled.orderClOrdId(), journaled.orderQty(), journaled.price(),
                journaled.stopPx(), journaled.orderState(), PendingRequest.values()[details.pending()],
                journaled.cumQty(), journaled.avgPx()));
        }
        return into;
    }

    private static CxlRejReason cxlRejReason(final int fixValue)
    {
        for (final CxlRejReason reason : CXL_REJ_REASONS)
        {
            if (reason.fixValue() == fixValue)
            {
                return reason;
            }
        }
        return CxlRejReason.OTHER;
    }
}
