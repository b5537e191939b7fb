package io.cryptofix.order;

/**
 * Where the order core sends work for venues. Each request is an event not yet applied: its order as
 * it stands, with what the request adds (a placement's terms, an amend's new terms). Implementations
 * copy what they need, queue it for the venue's worker thread and return at once; they never block
 * the duty cycle. Each returns false if the venue's request queue is full: nothing is then queued,
 * and nothing happened.
 */
public interface VenueRouter
{
    /** Places the order as the event's placement describes it (SUBMITTED or VENUE_SUBMIT). */
    boolean submit(OrderEvent placement);

    boolean cancel(OrderEvent cancel);

    /** Changes the order in place at a venue that amends natively, to the event's quantity and prices. */
    boolean amend(OrderEvent amend);

    /**
     * Asks the venue where the order stands, by the client order id of its latest placement
     * ({@link OrderEvent#attempt()}): never by placing it again.
     */
    boolean query(OrderEvent query);
}
