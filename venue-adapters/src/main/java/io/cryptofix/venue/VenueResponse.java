package io.cryptofix.venue;

/**
 * One answer from a venue, on its way from the venue worker thread to the duty cycle. Immutable,
 * so it can cross threads through a queue safely.
 *
 * @param kind          what happened.
 * @param orderKey      the gateway's key of the order.
 * @param venueOrderId  the venue's id for the order (ACCEPTED only).
 * @param reason        the venue's words (REJECTED, CANCELED, CANCEL_REJECTED, REPLACE_REJECTED).
 * @param lastQty       fill quantity (FILL only).
 * @param lastPx        fill price (FILL only).
 * @param timeMillis    when the venue worker received the answer.
 */
public record VenueResponse(
    Kind kind, long orderKey, String venueOrderId, String reason, long lastQty, long lastPx, long timeMillis)
{
    public enum Kind
    {
        ACCEPTED,
        REJECTED,
        FILL,
        CANCELED,
        CANCEL_REJECTED,
        EXPIRED,
        REPLACED,
        REPLACE_REJECTED
    }
}
