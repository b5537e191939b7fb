package io.cryptofix.order;

/**
 * A cancel or replace the client sent that waits for the venue's answer, with every legal change in
 * one table ({@link #next}). While one waits, OrdStatus (39) reports it (Pending Cancel, Pending
 * Replace) ahead of the order's own state, as FIX 4.4 orders them.
 */
public enum PendingRequest
{
    NONE,
    CANCEL,
    REPLACE;

    /** Whether this table judges {@code event}; the others leave the request as it is. */
    public static boolean judges(final OrderEventType event)
    {
        switch (event)
        {
            case PENDING_CANCEL:
            case PENDING_REPLACE:
            case CANCELED:
            case REPLACED:
            case REPLACED_FILLED:
            case CANCEL_REJECTED:
            case EXPIRED:
            case REJECTED:
                return true;
            default:
                return false;
        }
    }

    private static final TransitionTable<PendingRequest> TABLE = new TransitionTable<>(values(), PendingRequest::rule);

    /**
     * @return the request after {@code event}, or null if the event is not legal with {@code request} waiting.
     */
    public static PendingRequest next(final PendingRequest request, final OrderEventType event)
    {
        return TABLE.next(request, event);
    }

    /** The table, rule by rule. */
    private static PendingRequest rule(final PendingRequest request, final OrderEventType event)
    {
        if (!judges(event))
        {
            return request;
        }
        switch (event)
        {
            // one request at a time: a second one is refused on arrival (REQUEST_REFUSED)
            case PENDING_CANCEL: return request == NONE ? CANCEL : null;
            case PENDING_REPLACE: return request == NONE ? REPLACE : null;
            // confirms the client's cancel, or ends an order nobody asked to cancel; a replace in
            // flight must be answered first
            case CANCELED: return request == REPLACE ? null : NONE;
            // confirms the client's replace; with none waiting, a stop the gateway holds took new terms at once
            case REPLACED:
            case REPLACED_FILLED:
                return request == CANCEL ? null : NONE;
            case CANCEL_REJECTED: return request == NONE ? null : NONE;
            // a request in flight is answered before the order ends this way
            default: return request == NONE ? NONE : null;
        }
    }
}
