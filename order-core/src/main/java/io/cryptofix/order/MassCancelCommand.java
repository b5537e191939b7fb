package io.cryptofix.order;

/**
 * A client's OrderMassCancelRequest (q), decoded. Reused per message like {@link NewOrderCommand}.
 */
public final class MassCancelCommand
{
    /** MassCancelRequestType (530) 1: the orders of one Symbol. */
    public static final char BY_SYMBOL = '1';
    /** MassCancelRequestType (530) 7: all orders of the session. */
    public static final char ALL = '7';

    private long sessionId;
    private String clOrdId;
    private char requestType;
    private String symbol;

    public MassCancelCommand set(final long sessionId, final String clOrdId, final char requestType, final String symbol)
    {
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.requestType = requestType;
        this.symbol = symbol;
        return this;
    }

    public long sessionId()
    {
        return sessionId;
    }

    public String clOrdId()
    {
        return clOrdId;
    }

    public char requestType()
    {
        return requestType;
    }

    /** Symbol (55), or null when absent. */
    public String symbol()
    {
        return symbol;
    }
}
