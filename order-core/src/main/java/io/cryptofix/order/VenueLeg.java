package io.cryptofix.order;

/**
 * The order at its venue, as far as the gateway's own requests go, with every legal change in one
 * table ({@link #next}). The client never sees it: it decides what the gateway may ask of the venue
 * and what the venue's answers mean.
 */
public enum VenueLeg
{
    /** The gateway holds the order (a stop waiting for its price): nothing at the venue. */
    HELD,
    /** A placement is on its way to the venue: no answer yet. */
    PLACING,
    /** The venue has the order, and no request of the gateway's is in flight. */
    PLACED,
    /** A cancel of the gateway's is in flight (its cause says why). */
    CANCELING,
    /** An amend is in flight. */
    AMENDING,
    /** The venue no longer has the order: it ended there, or never took it. */
    GONE;

    /** Whether this table judges {@code event}; the others leave the leg as it is. */
    public static boolean judges(final OrderEventType event)
    {
        switch (event)
        {
            case VENUE_SUBMIT:
            case VENUE_CANCEL:
            case VENUE_AMEND:
            case VENUE_QUERY:
            case NEW:
            case ACKNOWLEDGED:
            case REJECTED:
            case PARTIAL_FILL:
            case FULL_FILL:
            case PENDING_CANCEL:
            case PENDING_REPLACE:
            case CANCELED:
            case EXPIRED:
            case REPLACED:
            case REPLACED_FILLED:
            case TRIGGERED:
            case VENUE_CANCEL_REFUSED:
            case VENUE_AMEND_REFUSED:
            case RESTARTED:
                return true;
            default:
                return false;
        }
    }

    private static final TransitionTable<VenueLeg> TABLE = new TransitionTable<>(values(), VenueLeg::rule);

    /**
     * @return the leg after {@code event}, or null if the event is not legal in {@code leg}.
     */
    public static VenueLeg next(final VenueLeg leg, final OrderEventType event)
    {
        return TABLE.next(leg, event);
    }

    /** The table, rule by rule. */
    private static VenueLeg rule(final VenueLeg leg, final OrderEventType event)
    {
        if (!judges(event))
        {
            return leg;
        }
        switch (event)
        {
            // a stop the gateway held reached its price; or the new order of an emulated replace, once
            // the venue confirmed the cancel of the old one
            case VENUE_SUBMIT: return leg == HELD || leg == CANCELING ? PLACING : null;
            // a cancel unconfirmed is sent again
            case VENUE_CANCEL: return leg == PLACED || leg == CANCELING ? CANCELING : null;
            case VENUE_AMEND: return leg == PLACED ? AMENDING : null;
            case VENUE_QUERY: return leg == HELD || leg == GONE ? null : leg;
            case NEW: return leg == PLACING ? PLACED : null;
            // a triggered stop's placement taken; otherwise the venue's order id learned after its fills
            case ACKNOWLEDGED: return leg == PLACING ? PLACED : leg == HELD ? null : leg;
            case REJECTED: return leg == PLACING ? GONE : null;
            // a fill before the acknowledgement is preceded by it (New, Acknowledged or Replaced);
            // after the order ended, a fill is a late one
            case PARTIAL_FILL: return leg == HELD || leg == PLACING ? null : leg;
            case FULL_FILL: return leg == HELD || leg == PLACING ? null : GONE;
            case PENDING_CANCEL: return leg == CANCELING ? leg : null;
            case PENDING_REPLACE: return leg == CANCELING || leg == AMENDING ? leg : null;
            // PLACING: a triggered stop or a replacement the venue refused ends the order the client knows
            case CANCELED: return leg == GONE ? null : GONE;
            case EXPIRED: return leg == GONE ? null : GONE;
            // HELD: a held stop takes new terms at once; PLACING: the replacement was acknowledged
            case REPLACED:
                return leg == HELD ? HELD : leg == PLACING || leg == AMENDING ? PLACED : null;
            // nothing left to place after the cancel of an emulated replace, or fills overtook the replacement
            case REPLACED_FILLED: return leg == CANCELING ? GONE : leg == PLACING ? PLACED : null;
            case TRIGGERED: return leg == PLACING ? leg : null;
            case VENUE_CANCEL_REFUSED: return leg == CANCELING ? PLACED : leg == GONE ? GONE : null;
            case VENUE_AMEND_REFUSED: return leg == AMENDING ? PLACED : leg == GONE ? GONE : null;
            // whether a request in flight reached the venue is unknown: the venue is asked before anything else
            default: return leg == CANCELING || leg == AMENDING ? PLACED : leg;
        }
    }
}
