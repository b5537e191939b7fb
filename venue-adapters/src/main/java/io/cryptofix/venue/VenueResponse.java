package io.cryptofix.venue;

import io.cryptofix.order.VenueOrderStatus;

/**
 * One answer from a venue, on its way from the venue worker thread to the duty cycle. Immutable,
 * so it can cross threads through a queue safely.
 *
 * @param kind          what happened.
 * @param orderKey      the gateway's key of the order.
 * @param venueOrderId  the venue's id for the order (ACCEPTED, STATUS).
 * @param reason        the venue's words (REJECTED, CANCELED, EXPIRED, IN_DOUBT, CANCEL_REJECTED, REPLACE_REJECTED).
 * @param lastQty       fill quantity (FILL); what has filled in all (STATUS).
 * @param lastPx        fill price (FILL); the average price of what has filled (STATUS).
 * @param timeMillis    when the venue worker received the answer.
 * @param status        where the order stands (STATUS only).
 * @param commission    the venue's fee for the fill (FILL), {@link io.cryptofix.domain.Fixed}; 0 when none or not told.
 * @param commissionAsset the asset of that fee; null when not told.
 */
public record VenueResponse(
    Kind kind,
    long orderKey,
    String venueOrderId,
    String reason,
    long lastQty,
    long lastPx,
    long timeMillis,
    VenueOrderStatus status,
    long commission,
    String commissionAsset)
{
    public VenueResponse(
        final Kind kind,
        final long orderKey,
        final String venueOrderId,
        final String reason,
        final long lastQty,
        final long lastPx,
        final long timeMillis,
        final VenueOrderStatus status)
    {
        this(kind, orderKey, venueOrderId, reason, lastQty, lastPx, timeMillis, status, 0, null);
    }

    public VenueResponse(
        final Kind kind,
        final long orderKey,
        final String venueOrderId,
        final String reason,
        final long lastQty,
        final long lastPx,
        final long timeMillis)
    {
        this(kind, orderKey, venueOrderId, reason, lastQty, lastPx, timeMillis, null, 0, null);
    }

    public enum Kind
    {
        ACCEPTED,
        REJECTED,
        FILL,
        CANCELED,
        CANCEL_REJECTED,
        EXPIRED,
        REPLACED,
        REPLACE_REJECTED,
        STATUS,
        /** The venue said something of the order the adapter cannot read: an operator must look. */
        IN_DOUBT
    }
}
