package io.cryptofix.venue;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
import io.cryptofix.order.VenueOrderStatus;

import java.util.List;

/**
 * One trading venue, as the gateway sees it. Every method is called on that venue's worker thread,
 * never on the gateway duty cycle, so implementations may block on network I/O; answers go to the
 * {@link VenueListener} given to {@link #start}, from the same worker thread.
 *
 * <pre>{@code
 * final class EchoVenue implements VenueAdapter {
 *     private VenueListener listener;
 *     public String venueId() { return "ECHO"; }
 *     public VenueCapabilities capabilities() { return VenueCapabilities.NONE; }
 *     public void start(VenueListener listener, long nowMillis) { this.listener = listener; }
 *     public void submit(VenueOrder order, long nowMillis) {
 *         listener.onOrderAccepted(order.orderKey(), "E" + order.orderKey(), nowMillis);
 *         listener.onFill(order.orderKey(), order.quantity(), order.limitPrice(), nowMillis);
 *     }
 *     public void cancel(VenueCancel cancel, long nowMillis) {
 *         listener.onCancelRejected(cancel.orderKey(), "already filled", nowMillis);
 *     }
 *     public void query(VenueQuery query, long nowMillis) {
 *         listener.onOrderStatus(query.orderKey(), VenueOrderStatus.FILLED, "E" + query.orderKey(), 0, 0, nowMillis);
 *     }
 *     public int doWork(long nowMillis) { return 0; }
 *     public void close() { }
 * }
 * }</pre>
 */
public interface VenueAdapter extends AutoCloseable
{
    /**
     * @return the ExDestination (100) value that routes orders to this venue.
     */
    String venueId();

    /**
     * Called once, on the thread that starts the gateway, before {@link #start}: connects to the venue
     * and loads the rules of its instruments. A venue that cannot be used throws an exception whose
     * message says why (and holds no secret); the gateway goes on without it.
     *
     * @return the venue's instruments, or an empty list when they come from the configuration.
     */
    default List<Instrument> connect()
    {
        return List.of();
    }

    /**
     * Whether a venue whose {@link #connect} failed keeps trying on its worker thread, backing off:
     * the gateway then starts its worker anyway, refuses its orders until it reports
     * {@link VenueState#UP} with its instruments ({@link VenueListener#onVenueState}), and takes it from
     * there. A venue that does not retry is left out until the gateway restarts.
     */
    default boolean retriesConnect()
    {
        return false;
    }

    /**
     * Called once, on the worker thread, before any other call but {@link #connect}.
     */
    void start(VenueListener listener, long nowMillis);

    /**
     * Whether the venue's orders outlive the gateway's process (every real venue's do). Requests to
     * such a venue wait until the order journal has written them; an in-process venue's orders
     * vanish with the gateway, so its requests need not wait.
     */
    default boolean outlivesGateway()
    {
        return true;
    }

    /**
     * Places an order. The outcome (accepted, rejected, fills) is reported to the listener, now or later.
     */
    void submit(VenueOrder order, long nowMillis);

    /**
     * Cancels an order placed by {@link #submit}. Reports canceled or cancel-rejected to the listener.
     */
    void cancel(VenueCancel cancel, long nowMillis);

    /**
     * Looks an order up at the venue by its client order id and reports what it found to
     * {@link VenueListener#onOrderStatus}. The gateway asks when a submit or cancel goes unanswered.
     */
    void query(VenueQuery query, long nowMillis);

    /**
     * What the venue does natively; the gateway emulates the rest. Asked once, before {@link #start}.
     */
    VenueCapabilities capabilities();

    /**
     * Changes an order in place. Only called when {@link #capabilities()} says the venue amends.
     * Reports replaced or replace-rejected to the listener.
     */
    default void amend(final VenueAmend amend, final long nowMillis)
    {
        throw new UnsupportedOperationException(venueId() + " does not amend orders");
    }

    /**
     * Periodic work: delayed answers, market movement, polling for fills.
     *
     * @return how much work was done, 0 when idle (the worker's idle strategy uses it).
     */
    int doWork(long nowMillis);

    @Override
    void close();
}
