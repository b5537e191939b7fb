package io.cryptofix.order;

/**
 * A client's OrderMassStatusRequest (AF), decoded. Reused per message like {@link NewOrderCommand}.
 */
public final class MassStatusCommand
{
    /** MassStatusReqType (585) 1: the orders of one Symbol. */
    public static final int BY_SYMBOL = 1;
    /** MassStatusReqType (585) 7: all orders of the session. */
    public static final int ALL = 7;

    private long sessionId;
    private String massStatusReqId;
    private int requestType;
    private String symbol;

    public MassStatusCommand set(
        final long sessionId, final String massStatusReqId, final int requestType, final String symbol)
    {
        this.sessionId = sessionId;
        this.massStatusReqId = massStatusReqId;
        this.requestType = requestType;
        this.symbol = symbol;
        return this;
    }

    public long sessionId()
    {
        return sessionId;
    }

    /** MassStatusReqID (584), echoed in every report of the answer. */
    public String massStatusReqId()
    {
        return massStatusReqId;
    }

    public int requestType()
    {
        return requestType;
    }

    /** Symbol (55), or null when absent. */
    public String symbol()
    {
        return symbol;
    }
}
