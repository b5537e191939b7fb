package io.cryptofix.order;

/**
 * The life of an order as its client knows it, with its FIX OrdStatus (39) value, and every legal
 * change in one table ({@link #next}), to be read against FIX 4.4 Volume 4, "Order State Change
 * Matrices". A cancel or replace the client has in flight is the {@link PendingRequest} table's;
 * where the order stands at its venue, the {@link VenueLeg} table's.
 */
public enum OrderState
{
    /** Sent to the venue, no answer yet. Not reported: the client first hears New or Rejected. */
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

    /** Whether this table judges {@code event}; the others leave the state as it is in every state. */
    public static boolean judges(final OrderEventType event)
    {
        switch (event)
        {
            case NEW:
            case REJECTED:
            case PARTIAL_FILL:
            case FULL_FILL:
            case PENDING_CANCEL:
            case PENDING_REPLACE:
            case CANCELED:
            case REPLACED:
            case REPLACED_FILLED:
            case EXPIRED:
            case TRIGGERED:
            case CANCEL_REJECTED:
            case REQUEST_REFUSED:
                return true;
            default:
                return false;
        }
    }

    private static final TransitionTable<OrderState> TABLE = new TransitionTable<>(values(), OrderState::rule);

    /**
     * @return the state after {@code event}, or null if the event is not legal in {@code state}.
     */
    public static OrderState next(final OrderState state, final OrderEventType event)
    {
        return TABLE.next(state, event);
    }

    /** The table, rule by rule. */
    private static OrderState rule(final OrderState state, final OrderEventType event)
    {
        if (!judges(event))
        {
            return state;
        }
        switch (state)
        {
            case PENDING_NEW:
                switch (event)
                {
                    case NEW: return NEW;
                    case REJECTED: return REJECTED;
                    // a cancel or replace of an order the venue has not acknowledged is refused
                    case REQUEST_REFUSED: return state;
                    default: return null;
                }

            case NEW:
            case PARTIALLY_FILLED:
                switch (event)
                {
                    case PARTIAL_FILL: return PARTIALLY_FILLED;
                    case FULL_FILL: return FILLED;
                    // requested by the client or the gateway, or unsolicited (a market order's remainder)
                    case CANCELED: return CANCELED;
                    case EXPIRED: return EXPIRED;
                    case REPLACED: return state;
                    // OrderQty down to CumQty: only an order that has filled can be replaced into Filled
                    case REPLACED_FILLED: return state == PARTIALLY_FILLED ? FILLED : null;
                    // a stop the gateway held is placed: the client knew it as New, and still does
                    case TRIGGERED: return state == NEW ? NEW : null;
                    case PENDING_CANCEL:
                    case PENDING_REPLACE:
                    case CANCEL_REJECTED:
                    case REQUEST_REFUSED:
                        return state;
                    default: return null;
                }

            case FILLED:
                switch (event)
                {
                    // a cancel or replace in flight when the last fill came is answered afterwards
                    case CANCEL_REJECTED:
                    case REQUEST_REFUSED:
                        return state;
                    default: return null;
                }

            case CANCELED:
            case EXPIRED:
                switch (event)
                {
                    // a real-world possibility: the venue traded before it ended the order and says so late;
                    // the quantity it did not trade stays canceled
                    case PARTIAL_FILL: return state;
                    case FULL_FILL: return FILLED;
                    case REQUEST_REFUSED: return state;
                    default: return null;
                }

            default:
                // REJECTED: the venue never took it; only a late cancel or replace is answered (refused)
                return event == OrderEventType.REQUEST_REFUSED ? state : null;
        }
    }
}
