package io.cryptofix.config;

/**
 * What a venue does natively. The gateway emulates the rest where it can (stop triggers, GTD and Day
 * expiry, IOC, amend as cancel and new) and rejects what it cannot (post-only, FOK) with a Text that
 * says so. The simulated venue reads these from its configuration, so both paths can be exercised;
 * a real venue's adapter states its own.
 *
 * @param stopOrders         the venue holds Stop and MarketIfTouched orders and triggers them.
 * @param stopLimitOrders    the venue holds StopLimit orders and triggers them (some venues hold only these).
 * @param postOnly           the venue refuses a post-only order that would take liquidity.
 * @param immediateOrCancel  the venue cancels what an IOC order cannot fill at once.
 * @param fillOrKill         the venue fills an FOK order completely or not at all.
 * @param goodTillDate       the venue expires a GTD order at its ExpireTime.
 * @param amend              the venue changes an order's price and quantity in place.
 */
public record VenueCapabilities(
    boolean stopOrders,
    boolean stopLimitOrders,
    boolean postOnly,
    boolean immediateOrCancel,
    boolean fillOrKill,
    boolean goodTillDate,
    boolean amend)
{
    /** A venue that does everything itself. */
    public static final VenueCapabilities ALL = new VenueCapabilities(true, true, true, true, true, true, true);
    /** A venue that only takes plain market and limit orders and cancels: the gateway emulates the rest. */
    public static final VenueCapabilities NONE = new VenueCapabilities(false, false, false, false, false, false, false);
}
