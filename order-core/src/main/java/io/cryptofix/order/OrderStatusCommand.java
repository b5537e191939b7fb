package io.cryptofix.order;

/**
 * A client's OrderStatusRequest, decoded. Reused per message like {@link NewOrderCommand}.
 */
public final class OrderStatusCommand
{
    private long sessionId;
    private String clOrdId;
    private String symbol;
    private char side;

    public OrderStatusCommand set(final long sessionId, final String clOrdId, final String symbol, final char side)
    {
        this.sessionId = sessionId;
        this.clOrdId = clOrdId;
        this.symbol = symbol;
        this.side = side;
        return this;
    }

    public long sessionId()
    {
        return sessionId;
    }

    /** ClOrdID (11) of the order asked about. */
    public String clOrdId()
    {
        return clOrdId;
    }

    /** Symbol (55) as the client sent it, echoed when the order is unknown. */
    public String symbol()
    {
        return symbol;
    }

    /** Side (54) as the client sent it, echoed when the order is unknown. */
    public char side()
    {
        return side;
    }
}
