package io.cryptofix.domain;

/**
 * What an ExecutionReport reports, with its FIX ExecType (150) value.
 */
public enum ExecType
{
    NEW('0'),
    CANCELED('4'),
    REPLACED('5'),
    PENDING_CANCEL('6'),
    REJECTED('8'),
    /** A Day or GTD order reached its end with quantity left. */
    EXPIRED('C'),
    /** The gateway changed the order on its own: a stop triggered (see ExecRestatementReason and Text). */
    RESTATED('D'),
    PENDING_REPLACE('E'),
    TRADE('F'),
    /** The answer to an OrderStatusRequest: nothing happened, this is where the order stands. */
    ORDER_STATUS('I');

    private final char fixValue;

    ExecType(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }
}
