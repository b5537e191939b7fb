package io.cryptofix.domain;

/**
 * Why a cancel or cancel/replace request was rejected, with its FIX CxlRejReason (102) value.
 */
public enum CxlRejReason
{
    TOO_LATE_TO_CANCEL(0),
    UNKNOWN_ORDER(1),
    ALREADY_PENDING_CANCEL(3),
    DUPLICATE_CLORDID(6),
    /** See Text: a change a replace cannot make, a venue still to acknowledge, a busy venue. */
    OTHER(99);

    private final int fixValue;

    CxlRejReason(final int fixValue)
    {
        this.fixValue = fixValue;
    }

    public int fixValue()
    {
        return fixValue;
    }
}
