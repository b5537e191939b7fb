package io.cryptofix.domain;

/**
 * Why a new order was rejected, with its FIX OrdRejReason (103) value. The Text (58) of the report
 * says the particulars.
 */
public enum OrdRejReason
{
    /** The venue refused the order; Text carries the venue's reason. */
    BROKER_EXCHANGE_OPTION(0),
    UNKNOWN_SYMBOL(1),
    /** A pre-trade limit of the risk configuration; Text names the check, the limit and the order's value. */
    ORDER_EXCEEDS_LIMIT(3),
    /** A GTD order whose ExpireTime has already passed. */
    TOO_LATE_TO_ENTER(4),
    /** An order of the session already has this ClOrdID. */
    DUPLICATE_ORDER(6),
    UNSUPPORTED_ORDER_CHARACTERISTIC(11),
    INCORRECT_QUANTITY(13),
    /** Account (1) names no account configured at the venue. */
    UNKNOWN_ACCOUNT(15),
    /** Unknown ExDestination, missing Price on a Limit order, venue queue full: see Text. */
    OTHER(99);

    private final int fixValue;

    OrdRejReason(final int fixValue)
    {
        this.fixValue = fixValue;
    }

    public int fixValue()
    {
        return fixValue;
    }
}
