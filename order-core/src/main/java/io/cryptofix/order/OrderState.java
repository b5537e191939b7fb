package io.cryptofix.order;

/**
 * The life of an order, with its FIX OrdStatus (39) value, and every legal change in one table
 * ({@link #next}), to be read against FIX 4.4 Volume 4, "Order State Change Matrices".
 */
public enum OrderState
{
    /**
     * Sent to the venue, no answer yet. Not reported: the client first hears New or Rejected. A fill
     * or cancel that overtakes the venue's acknowledgement is preceded by an implied New
     * (see {@link OrderCore}), so only acceptance and rejection leave this state here.
     */
    PENDING_NEW('A', false),
    NEW('0', false),
    PARTIALLY_FILLED('1', false),
    FILLED('2', true),
    CANCELED('4', true),
    REJECTED('8', true),
    /** A Day or GTD order reached its deadline with quantity left. */
    EXPIRED('C', true);

    private final char ordStatus;
    private final boolean terminal;

    OrderState(final char ordStatus, final boolean terminal)
    {
        this.ordStatus = ordStatus;
        this.terminal = terminal;
    }

    public char ordStatus()
    {
        return ordStatus;
    }

    public boolean isTerminal()
    {
        return terminal;
    }

    /**
     * @return the state after {@code event}, or null if the event is not legal in {@code state}.
     */
    public static OrderState next(final OrderState state, final OrderEvent event)
    {
        switch (state)
        {
            case PENDING_NEW:
                switch (event)
                {
                    case VENUE_ACCEPTED: return NEW;
                    case VENUE_REJECTED: return REJECTED;
                    default: return null;
                }

            case NEW:
                switch (event)
                {
                    case PARTIAL_FILL: return PARTIALLY_FILLED;
                    case FULL_FILL: return FILLED;
                    // requested by the client, or unsolicited (a market order's unfilled remainder)
                    case VENUE_CANCELED: return CANCELED;
                    case EXPIRED: return EXPIRED;
                    // new terms, same state; a quantity down to CumQty fills it (see OrderCore)
                    case VENUE_REPLACED: return state;
                    default: return null;
                }

            case PARTIALLY_FILLED:
                switch (event)
                {
                    case PARTIAL_FILL: return PARTIALLY_FILLED;
                    case FULL_FILL: return FILLED;
                    // the cancel applies to LeavesQty; CumQty stays as filled
                    case VENUE_CANCELED: return CANCELED;
                    case EXPIRED: return EXPIRED;
                    // new terms, same state; a quantity down to CumQty fills it (see OrderCore)
                    case VENUE_REPLACED: return state;
                    default: return null;
                }

            default:
                // FILLED, CANCELED, REJECTED, EXPIRED are terminal: nothing moves them
                return null;
        }
    }
}
