package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link VenueRouter} that remembers what the core asked of the venue, each request as the venue
 * would get it (a record, not the live order). Set it {@link #full} to make it refuse requests the
 * way a venue whose request queue is full does.
 */
final class RecordingVenueRouter implements VenueRouter
{
    /** A placement as the venue gets it. */
    record Placement(
        long orderKey,
        long sessionId,
        String venueId,
        String symbol,
        Side side,
        boolean postOnly,
        int venueAttempt,
        OrdType venueOrdType,
        TimeInForce venueTimeInForce,
        long venueQuantity,
        long venuePrice,
        long venueStopPx,
        String account)
    {
    }

    /** A cancel or a status query as the venue gets it. */
    record Request(long orderKey, int venueAttempt, String venueOrderId)
    {
    }

    record Amend(long orderKey, long orderQty, long price, long stopPx)
    {
    }

    private final List<Placement> submitted = new ArrayList<>();
    private final List<Request> cancelRequested = new ArrayList<>();
    private final List<Amend> amended = new ArrayList<>();
    private final List<Request> queried = new ArrayList<>();
    private boolean full;

    /** While full, every request is refused and nothing is recorded. */
    RecordingVenueRouter full(final boolean full)
    {
        this.full = full;
        return this;
    }

    @Override
    public boolean submit(final OrderEvent placement)
    {
        final Order order = placement.order();
        return !full && submitted.add(new Placement(order.orderKey(), order.sessionId(), order.venueId(),
            order.symbol(), order.side(), order.postOnly(), placement.attempt(),
            placement.venueOrdType(), placement.venueTimeInForce(), placement.venueQuantity(), placement.venuePrice(),
            placement.venueStopPx(), order.account()));
    }

    @Override
    public boolean cancel(final OrderEvent cancel)
    {
        return !full && cancelRequested.add(request(cancel));
    }

    @Override
    public boolean amend(final OrderEvent amend)
    {
        return !full && amended.add(new Amend(amend.orderKey(), amend.orderQty(), amend.price(), amend.stopPx()));
    }

    @Override
    public boolean query(final OrderEvent query)
    {
        return !full && queried.add(request(query));
    }

    private static Request request(final OrderEvent event)
    {
        return new Request(event.orderKey(), event.order().venueAttempt(), event.order().venueOrderId());
    }

    /** The orders the core asked the venue about, once per query. */
    List<Request> queried()
    {
        return queried;
    }

    List<Amend> amended()
    {
        return amended;
    }

    List<Placement> submitted()
    {
        return submitted;
    }

    List<Request> cancelRequested()
    {
        return cancelRequested;
    }

    Placement lastSubmitted()
    {
        if (submitted.isEmpty())
        {
            throw new AssertionError("nothing was submitted to the venue");
        }
        return submitted.get(submitted.size() - 1);
    }

    /** Order keys of every submit then every cancel, for comparing two runs. */
    List<String> requestLog()
    {
        final List<String> log = new ArrayList<>();
        for (final Placement placement : submitted)
        {
            log.add("submit " + placement.orderKey());
        }
        for (final Request cancel : cancelRequested)
        {
            log.add("cancel " + cancel.orderKey());
        }
        return log;
    }
}
