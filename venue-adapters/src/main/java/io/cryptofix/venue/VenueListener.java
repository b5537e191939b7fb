package io.cryptofix.venue;

import io.cryptofix.domain.MarketDepth;
import io.cryptofix.order.VenueOrderStatus;

/**
 * What a venue tells the gateway about orders. Called on the venue worker thread. Quantities and
 * prices are {@link io.cryptofix.domain.Fixed} longs; {@code orderKey} is the key the gateway gave in
 * {@link VenueOrder#orderKey()}.
 */
public interface VenueListener
{
    /** The venue holds the order. */
    void onOrderAccepted(long orderKey, String venueOrderId, long timeMillis);

    /** The venue refused the order; {@code reason} is the venue's own words. */
    void onOrderRejected(long orderKey, String reason, long timeMillis);

    /** Part or all of the order traded. */
    void onFill(long orderKey, long lastQty, long lastPx, long timeMillis);

    /**
     * One trade of the order, with the fee the venue charged for it.
     *
     * @param commission       the fee, {@link io.cryptofix.domain.Fixed}; negative for a rebate.
     * @param commissionAsset  the asset it was charged in, as the venue names it; null when unknown.
     */
    default void onFill(
        final long orderKey, final long lastQty, final long lastPx, final long commission, final String commissionAsset,
        final long timeMillis)
    {
        onFill(orderKey, lastQty, lastPx, timeMillis);
    }

    /**
     * The order is no longer working with quantity left: after a cancel request, or unsolicited
     * (a market order's unfilled remainder, a venue-side cancel); {@code reason} says which.
     */
    void onOrderCanceled(long orderKey, String reason, long timeMillis);

    /** The venue refused a cancel; {@code reason} is the venue's own words. */
    void onCancelRejected(long orderKey, String reason, long timeMillis);

    /** A GTD order the venue expires natively reached its ExpireTime with quantity left. */
    void onOrderExpired(long orderKey, long timeMillis);

    /** As {@link #onOrderExpired(long, long)}, with the venue's words for the client's Text. */
    default void onOrderExpired(final long orderKey, final String reason, final long timeMillis)
    {
        onOrderExpired(orderKey, timeMillis);
    }

    /**
     * The venue says something of the order the adapter cannot read (a status it does not know),
     * confirmed by a second lookup: the order may still work or may have ended; an operator must look.
     */
    default void onOrderInDoubt(final long orderKey, final String reason, final long timeMillis)
    {
    }

    /**
     * The venue became usable or stopped being so.
     *
     * @param instruments with {@link VenueState#UP} after a late start: the rules of the symbols
     *                    to trade, as {@link VenueAdapter#connect} returns them; otherwise empty.
     */
    default void onVenueState(
        final VenueState state, final String reason, final java.util.List<io.cryptofix.domain.Instrument> instruments,
        final long timeMillis)
    {
    }

    /** An amend took effect: the order now has the quantity and price of the {@link VenueAmend}. */
    void onOrderReplaced(long orderKey, long timeMillis);

    /** The venue refused an amend; the order is unchanged. */
    void onReplaceRejected(long orderKey, String reason, long timeMillis);

    /**
     * The answer to a {@link VenueQuery}.
     *
     * @param venueOrderId  the venue's id for the order; null when the venue has none.
     * @param cumQty        what has filled in all of this placement, {@link io.cryptofix.domain.Fixed}.
     * @param avgPx         the average price of those fills; 0 when none or when the venue does not say.
     */
    void onOrderStatus(
        long orderKey, VenueOrderStatus status, String venueOrderId, long cumQty, long avgPx, long timeMillis);

    /**
     * As {@link #onOrderStatus(long, VenueOrderStatus, String, long, long, long)}, with the venue's
     * words for an order it ended ({@code reason}, null when none).
     */
    default void onOrderStatus(
        final long orderKey, final VenueOrderStatus status, final String venueOrderId, final long cumQty,
        final long avgPx, final String reason, final long timeMillis)
    {
        onOrderStatus(orderKey, status, venueOrderId, cumQty, avgPx, timeMillis);
    }

    /** The best bid and ask of a symbol changed (either may be 0 when that side is empty). */
    void onMarketPrice(String symbol, long bidPx, long askPx, long timeMillis);

    /**
     * The book of a symbol near the touch changed: its best prices, and the depth the gateway holds a
     * market order's quantity to. Told instead of {@link #onMarketPrice} by a venue that tells depth.
     */
    default void onMarketDepth(final String symbol, final MarketDepth depth, final long timeMillis)
    {
        onMarketPrice(symbol, depth.bidPx(), depth.askPx(), timeMillis);
    }
}
