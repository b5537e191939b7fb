package io.cryptofix.order;

/**
 * How the gateway follows up a venue request that goes unanswered, one step per time the wait runs
 * out. A submit is never sent twice: it is looked up by its client order id until the venue answers.
 * A cancel is sent again twice, then looked up, then reported to the client as unconfirmed; after
 * that the gateway keeps sending it and looking it up until the venue answers. Each wait doubles,
 * from the configured timeout up to eight times it.
 */
final class VenueWatch
{
    /** What the gateway is waiting to hear about. */
    enum Kind
    {
        NONE,
        /** The venue's answer to a submit (accepted, rejected, a fill). */
        SUBMIT,
        /** The venue's confirmation of a cancel (canceled, or refused because the order is done). */
        CANCEL,
        /** Where an order taken over from an earlier run stands at the venue: looked up until it answers. */
        RECONCILE
    }

    private static final int MAX_DOUBLINGS = 3;
    private static final int CANCEL_RESENDS = 2;
    // the firing at which the client is told the request is still unresolved
    private static final int SUBMIT_SURFACED_AT = 3;
    private static final int CANCEL_SURFACED_AT = CANCEL_RESENDS + 2;

    private VenueWatch()
    {
    }

    /**
     * @param firings  how many times the wait has run out so far.
     * @return how long to wait for the venue after the request (or after the latest firing).
     */
    static long waitMillis(final long timeoutMillis, final int firings)
    {
        return timeoutMillis << Math.min(firings, MAX_DOUBLINGS);
    }

    /** Whether the cancel is sent again at this firing (counted from 1). */
    static boolean resendsCancel(final int firing)
    {
        return firing <= CANCEL_RESENDS || firing >= CANCEL_SURFACED_AT;
    }

    /** Whether the order is looked up at the venue at this firing (counted from 1). */
    static boolean queries(final Kind kind, final int firing)
    {
        return kind != Kind.CANCEL || firing > CANCEL_RESENDS;
    }

    /** Whether this firing (counted from 1) is the one that tells the client the outcome is unknown. */
    static boolean surfaces(final Kind kind, final int firing)
    {
        return firing == (kind == Kind.CANCEL ? CANCEL_SURFACED_AT : SUBMIT_SURFACED_AT);
    }
}
