package io.cryptofix.order;

/**
 * A client's OrderCancelRequest, decoded. Reused per message like {@link NewOrderCommand}.
 */
public final class CancelOrderCommand
{
    private long sessionId;
    private String clOrdId;
    private String origClOrdId;

    public CancelOrderCommand set(final long sessionId, final String clOrdId, final String origClOrdId)
    {
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.origClOrdId = origClOrdId;
        return this;
    }

    public long sessionId()
    {
        return sessionId;
    }

    /** ClOrdID (11) of the cancel request itself. */
    public String clOrdId()
    {
        return clOrdId;
    }

    /** OrigClOrdID (41): the ClOrdID of the order to cancel. */
    public String origClOrdId()
    {
        return origClOrdId;
    }
}
