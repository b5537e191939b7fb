package io.cryptofix.order;

import io.cryptofix.config.Durations;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * The Text (58) the gateway gives clients, in one place: what happened, in the client's terms.
 * Built only on the paths that say something; a plain order's reports carry none.
 */
final class ReportTexts
{
    private ReportTexts()
    {
    }

    static String held(final Order order, final String roundingNote)
    {
        final String held = "held by the gateway until " + (order.side() == Side.BUY ? "the ask" : "the bid") +
            " reaches StopPx " + Fixed.toString(order.stopPx());
        return roundingNote == null ? held : held + "; " + roundingNote;
    }

    static String triggered(final Order order, final OrdType placedAs)
    {
        return "triggered: StopPx " + Fixed.toString(order.stopPx()) + " reached; placed at venue " + order.venueId() +
            " as a " + (placedAs == OrdType.LIMIT ? "limit" : "market") + " order";
    }

    static String notYetAcknowledged(final Order order, final String request)
    {
        return "order not yet acknowledged by venue " + order.venueId() + ": retry the " + request;
    }

    static String busy(final Order order)
    {
        return "venue " + order.venueId() + " is busy: its request queue is full, retry later";
    }

    /** Why an order ended without the client asking, for the gateway's own causes. */
    static String canceledBy(final VenueCancelCause cause)
    {
        switch (cause)
        {
            case MASS_CANCEL: return "canceled by OrderMassCancelRequest";
            case IMMEDIATE_OR_CANCEL: return "IOC: unfilled quantity canceled";
            case CANCEL_ON_DISCONNECT:
                return "canceled on disconnect: the session logged out or dropped and did not log on again in time";
            case SELF_TRADE_PREVENTION:
                return "selfTradePrevention: canceled, a new order of the same session would have traded against it";
            // the operator's reason, when this run knows it (see killed)
            case KILL_SWITCH: return "kill switch";
            default: return null;
        }
    }

    /** The Text of the Canceled reports of one kill: made once, shared by its orders. */
    static String killed(final String reason)
    {
        return reason == null || reason.isEmpty() ? "kill switch" : "kill switch: " + reason;
    }

    /** What the gateway is already canceling the order for, to refuse a client's request. */
    static String alreadyCanceling(final VenueCancelCause cause)
    {
        final String why;
        switch (cause)
        {
            case EXPIRY: why = "the order expired"; break;
            case MASS_CANCEL: why = "mass cancel"; break;
            case IMMEDIATE_OR_CANCEL: why = "IOC remainder"; break;
            case CANCEL_ON_DISCONNECT: why = "cancel on disconnect"; break;
            case SELF_TRADE_PREVENTION: why = "self-trade prevention"; break;
            case KILL_SWITCH: why = "kill switch"; break;
            default: why = "replace"; break;
        }
        return "the gateway is already canceling the order (" + why + ")";
    }

    static String expired(final Order order, final long nowMillis, final LocalTime dayCutoffUtc)
    {
        if (order.isTimedOut(nowMillis))
        {
            return "timeout: " + (order.timeoutRule() != null ? order.timeoutRule().describe() :
                "default after " + Durations.format(Duration.ofMillis(order.timeoutMillis() - order.createdMillis())));
        }
        return order.timeInForce() == TimeInForce.DAY ?
            "expired: Day order reached the " + dayCutoffUtc + " UTC cut-off of " + order.venueId() :
            "expired: ExpireTime (126) " + Instant.ofEpochMilli(order.expireTimeMillis()) + " reached";
    }

    /** The venue still has not said what became of a request the gateway keeps following up. */
    static String unresolved(final Order order, final VenueWatch.Kind kind, final long waitedMillis)
    {
        final String waited = Durations.format(Duration.ofMillis(waitedMillis - waitedMillis % 1000));
        switch (kind)
        {
            case SUBMIT:
                return "unacknowledged: venue " + order.venueId() + " has not answered the order in " + waited +
                    " nor status queries by its client order id; the gateway keeps asking";
            case RECONCILE:
                return "unchecked since the gateway restarted: venue " + order.venueId() + " has not answered " +
                    "status queries in " + waited + "; fills meanwhile are not known yet; the gateway keeps asking";
            default:
                return "cancel not confirmed: venue " + order.venueId() + " has not confirmed the cancel in " + waited +
                    ", after sending it again and a status query; the order may still be working; the gateway keeps trying";
        }
    }
}
