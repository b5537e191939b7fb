package io.cryptofix.venue;

import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.order.VenueOrderStatus;

import org.agrona.concurrent.IdleStrategy;

import java.util.List;
import java.util.Queue;

/**
 * Turns a venue adapter's callbacks into {@link VenueResponse}s and {@link MarketPrice}s on the shared
 * response queue. Runs
 * on the venue worker thread. When the queue is full the worker waits: the venue slows down, and
 * no answer is ever dropped.
 */
final class QueueingVenueListener implements VenueListener
{
    private final String venueId;
    private final Queue<Object> responses;
    private final IdleStrategy fullQueueIdleStrategy;
    private final boolean tellsInstruments;
    private volatile boolean running = true;

    QueueingVenueListener(final String venueId, final Queue<Object> responses, final IdleStrategy fullQueueIdleStrategy)
    {
        this(venueId, responses, fullQueueIdleStrategy, true);
    }

    /**
     * @param tellsInstruments  false for an account's adapter: the venue's own adapter tells the
     *                          venue's instruments, the account's would tell them again under its name.
     */
    QueueingVenueListener(
        final String venueId, final Queue<Object> responses, final IdleStrategy fullQueueIdleStrategy,
        final boolean tellsInstruments)
    {
        this.venueId = venueId;
        this.responses = responses;
        this.fullQueueIdleStrategy = fullQueueIdleStrategy;
        this.tellsInstruments = tellsInstruments;
    }

    @Override
    public void onOrderAccepted(final long orderKey, final String venueOrderId, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.ACCEPTED, orderKey, venueOrderId, null, 0, 0, timeMillis));
    }

    @Override
    public void onOrderRejected(final long orderKey, final String reason, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.REJECTED, orderKey, null, reason, 0, 0, timeMillis));
    }

    @Override
    public void onFill(final long orderKey, final long lastQty, final long lastPx, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.FILL, orderKey, null, null, lastQty, lastPx, timeMillis));
    }

    @Override
    public void onOrderCanceled(final long orderKey, final String reason, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.CANCELED, orderKey, null, reason, 0, 0, timeMillis));
    }

    @Override
    public void onCancelRejected(final long orderKey, final String reason, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.CANCEL_REJECTED, orderKey, null, reason, 0, 0, timeMillis));
    }

    @Override
    public void onOrderExpired(final long orderKey, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.EXPIRED, orderKey, null, null, 0, 0, timeMillis));
    }

    @Override
    public void onOrderReplaced(final long orderKey, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.REPLACED, orderKey, null, null, 0, 0, timeMillis));
    }

    @Override
    public void onReplaceRejected(final long orderKey, final String reason, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.REPLACE_REJECTED, orderKey, null, reason, 0, 0, timeMillis));
    }

    @Override
    public void onOrderStatus(
        final long orderKey,
        final VenueOrderStatus status,
        final String venueOrderId,
        final long cumQty,
        final long avgPx,
        final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.STATUS, orderKey, venueOrderId, null, cumQty, avgPx, timeMillis, status));
    }

    @Override
    public void onFill(
        final long orderKey, final long lastQty, final long lastPx, final long commission, final String commissionAsset,
        final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.FILL, orderKey, null, null, lastQty, lastPx, timeMillis, null,
            commission, commissionAsset));
    }

    @Override
    public void onOrderExpired(final long orderKey, final String reason, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.EXPIRED, orderKey, null, reason, 0, 0, timeMillis));
    }

    @Override
    public void onOrderInDoubt(final long orderKey, final String reason, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.IN_DOUBT, orderKey, null, reason, 0, 0, timeMillis));
    }

    @Override
    public void onVenueState(
        final VenueState state, final String reason, final List<Instrument> instruments, final long timeMillis)
    {
        offer(new VenueStateChange(venueId, state, reason, tellsInstruments ? List.copyOf(instruments) : List.of(),
            timeMillis));
    }

    @Override
    public void onOrderStatus(
        final long orderKey, final VenueOrderStatus status, final String venueOrderId, final long cumQty,
        final long avgPx, final String reason, final long timeMillis)
    {
        offer(new VenueResponse(VenueResponse.Kind.STATUS, orderKey, venueOrderId, reason, cumQty, avgPx, timeMillis,
            status));
    }

    @Override
    public void onMarketPrice(final String symbol, final long bidPx, final long askPx, final long timeMillis)
    {
        offer(new MarketPrice(venueId, symbol, bidPx, askPx, null, timeMillis));
    }

    @Override
    public void onMarketDepth(final String symbol, final MarketDepth depth, final long timeMillis)
    {
        offer(new MarketPrice(venueId, symbol, depth.bidPx(), depth.askPx(), depth, timeMillis));
    }

    void stop()
    {
        running = false;
    }

    private void offer(final Object response)
    {
        fullQueueIdleStrategy.reset();
        while (!responses.offer(response))
        {
            if (!running)
            {
                return;
            }
            fullQueueIdleStrategy.idle();
        }
    }
}
