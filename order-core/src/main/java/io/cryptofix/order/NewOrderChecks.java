package io.cryptofix.order;

import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.domain.VenueRules;

/**
 * Everything that must hold of an order's terms before it may exist: quantity and prices against the
 * instrument's rules (rounded first where the venue's policy says so), and the order type, time in
 * force and post-only against what the venue or the gateway can do. Its {@link Verdict} is reused
 * from check to check (duty-cycle thread only): read it before the next check.
 */
final class NewOrderChecks
{
    private final Verdict verdict = new Verdict();
    private OrdRejReason reason;
    private String problem;
    private long orderQty;
    private long price;
    private long stopPx;
    private String roundingNote;

    /**
     * The outcome of a check: when {@link #accepted()}, the terms to trade (rounded where the venue's
     * policy says so) and what rounding changed; otherwise what to tell the client.
     */
    final class Verdict
    {
        boolean accepted()
        {
            return reason == null;
        }

        OrdRejReason reason()
        {
            return reason;
        }

        String problem()
        {
            return problem;
        }

        long orderQty()
        {
            return orderQty;
        }

        long price()
        {
            return price;
        }

        long stopPx()
        {
            return stopPx;
        }

        /** What rounding changed, for the Text of the New report; null when nothing changed. */
        String roundingNote()
        {
            return roundingNote;
        }
    }

    /**
     * Checks the terms a new order or a replace asks for.
     *
     * @param timeInForce  already resolved (absent means Day).
     */
    Verdict check(
        final VenueRules venue,
        final Instrument instrument,
        final Side side,
        final OrdType ordType,
        final TimeInForce timeInForce,
        final long requestedQty,
        final long requestedPrice,
        final long requestedStopPx,
        final boolean postOnly)
    {
        reason = null;
        problem = null;
        roundingNote = null;
        orderQty = requestedQty;
        price = 0;
        stopPx = 0;

        final String quantityProblem = positive("OrderQty (38)", requestedQty);
        if (quantityProblem != null)
        {
            return fail(OrdRejReason.INCORRECT_QUANTITY, quantityProblem);
        }
        if (ordType.hasLimitPrice())
        {
            final String priceProblem = requestedPrice == NewOrderCommand.ABSENT ?
                "Price (44) is required for OrdType (40) " + describe(ordType) : positive("Price (44)", requestedPrice);
            if (priceProblem != null)
            {
                return fail(OrdRejReason.OTHER, priceProblem);
            }
            price = requestedPrice;
        }
        else if (requestedPrice != NewOrderCommand.ABSENT)
        {
            return fail(OrdRejReason.OTHER, "Price (44) does not apply to OrdType (40) " + describe(ordType) +
                ": send it without a price, or as a limit type");
        }
        if (ordType.hasTrigger())
        {
            final String stopProblem = requestedStopPx == NewOrderCommand.ABSENT ?
                "StopPx (99) is required for OrdType (40) " + describe(ordType) : positive("StopPx (99)", requestedStopPx);
            if (stopProblem != null)
            {
                return fail(OrdRejReason.OTHER, stopProblem);
            }
            stopPx = requestedStopPx;
        }
        else if (requestedStopPx != NewOrderCommand.ABSENT)
        {
            return fail(OrdRejReason.OTHER, "StopPx (99) does not apply to OrdType (40) " + describe(ordType));
        }

        if (venue.rounding() == RoundingPolicy.ROUND)
        {
            round(instrument, side);
        }
        final String ruleProblem = InstrumentRules.problem(instrument, orderQty, price, stopPx);
        if (ruleProblem != null)
        {
            return fail(ruleProblem.startsWith("OrderQty") ? OrdRejReason.INCORRECT_QUANTITY : OrdRejReason.OTHER,
                ruleProblem);
        }
        return conditionsSupported(venue.supports(), ordType, timeInForce, postOnly);
    }

    private Verdict conditionsSupported(
        final VenueCapabilities supports, final OrdType ordType, final TimeInForce timeInForce, final boolean postOnly)
    {
        if (postOnly)
        {
            if (ordType != OrdType.LIMIT)
            {
                return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                    "ExecInst (18) 6 (post-only) applies only to OrdType (40) 2 (Limit)");
            }
            if (timeInForce == TimeInForce.IMMEDIATE_OR_CANCEL || timeInForce == TimeInForce.FILL_OR_KILL)
            {
                return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                    "ExecInst (18) 6 (post-only) cannot be combined with TimeInForce (59) " + timeInForce.fixValue() +
                    ": a post-only order never trades on entry");
            }
            if (!supports.postOnly())
            {
                return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                    "ExecInst (18) 6 (post-only) is not supported by this venue");
            }
        }
        if (timeInForce == TimeInForce.FILL_OR_KILL && !supports.fillOrKill())
        {
            // an emulation could fill part and then fail to kill the rest: not fill-or-kill at all
            return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "TimeInForce (59) 4 (FOK) is not supported by this venue");
        }
        return verdict;
    }

    private void round(final Instrument instrument, final Side side)
    {
        final StringBuilder note = new StringBuilder();
        final long roundedQty = orderQty - orderQty % instrument.lotSize();
        if (roundedQty != orderQty && roundedQty > 0)
        {
            note.append("OrderQty rounded down to the lot ").append(Fixed.toString(instrument.lotSize()))
                .append(": ").append(Fixed.toString(orderQty)).append(" -> ").append(Fixed.toString(roundedQty));
            orderQty = roundedQty;
        }
        if (price > 0 && price % instrument.tickSize() != 0)
        {
            // the passive side: a buy never pays more, a sell never takes less, than the client asked
            final long below = price - price % instrument.tickSize();
            final long roundedPrice = side == Side.BUY ? below : below + instrument.tickSize();
            note.append(note.length() > 0 ? "; " : "").append("Price rounded to the tick ")
                .append(Fixed.toString(instrument.tickSize())).append(": ").append(Fixed.toString(price))
                .append(" -> ").append(Fixed.toString(roundedPrice));
            price = roundedPrice;
        }
        roundingNote = note.length() == 0 ? null : note.toString();
    }

    private Verdict fail(final OrdRejReason reason, final String problem)
    {
        this.reason = reason;
        this.problem = problem;
        return verdict;
    }

    static String describe(final OrdType ordType)
    {
        switch (ordType)
        {
            case MARKET: return "1 (Market)";
            case LIMIT: return "2 (Limit)";
            case STOP: return "3 (Stop)";
            case STOP_LIMIT: return "4 (StopLimit)";
            default: return "J (MarketIfTouched)";
        }
    }

    private static String positive(final String field, final long value)
    {
        if (value == NewOrderCommand.ABSENT)
        {
            return field + " is required";
        }
        if (value == NewOrderCommand.TOO_PRECISE)
        {
            return field + " cannot be represented: more than " + Fixed.SCALE + " decimal places, or too large";
        }
        if (value <= 0)
        {
            return field + " must be greater than 0, got " + Fixed.toString(value);
        }
        return null;
    }
}
