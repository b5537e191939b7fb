package io.cryptofix.order;

/**
 * Where {@link OrderCore} sends work for venues. Implementations queue the request for the venue's
 * worker thread and return at once; they never block the duty cycle. Each returns false if the
 * venue's request queue is full: nothing is then queued, never without bound.
 */
public interface VenueRouter
{
    /**
     * Places the order as {@link Order#venueOrdType()}, {@link Order#venueTimeInForce()} and
     * {@link Order#venueQuantity()} describe it.
     */
    boolean submit(Order order);

    boolean cancel(Order order);

    /**
     * Changes the order in place at a venue that amends natively.
     *
     * @param orderQty  the new total quantity of the venue order.
     */
    boolean amend(Order order, long orderQty, long price, long stopPx);

    /**
     * Asks the venue where the order stands, by the client order id of its latest placement
     * ({@link Order#venueAttempt()}): never by placing it again.
     */
    boolean query(Order order);
}
