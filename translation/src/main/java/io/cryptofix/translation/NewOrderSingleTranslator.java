package io.cryptofix.translation;

import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.NewOrderCommand;
import uk.co.real_logic.artio.decoder.NewOrderSingleDecoder;

/**
 * Maps a decoded, session-valid NewOrderSingle (D) onto a {@link NewOrderCommand}. What the FIX
 * dictionary allows but the gateway does not trade (a Side other than buy/sell, an unsupported
 * OrdType, TimeInForce or ExecInst, no Symbol) is a business problem: {@link #translate} returns
 * false and {@link #problem()}/{@link #problemReason()} say what to put in the Rejected report.
 */
public final class NewOrderSingleTranslator
{
    private final OrderFields fields = new OrderFields();
    private String problem;
    private OrdRejReason problemReason;

    /**
     * @param defaultVenue  the session's venue for orders without ExDestination (100), or null.
     * @return true if {@code command} holds a complete order; false if it must be rejected (the
     * command is still filled as far as possible, so the reject can echo ClOrdID, Symbol, Side).
     */
    public boolean translate(
        final NewOrderSingleDecoder order,
        final long sessionId,
        final String defaultVenue,
        final long receivedTimeNanos,
        final NewOrderCommand command)
    {
        problem = null;
        problemReason = null;

        // a value that breaks the identifier rule is refused and never echoed: the report says [N/A]
        final FieldProblem badSymbol = Identifiers.check("Symbol", SYMBOL, order.symbol(), order.symbolLength());
        final FieldProblem badVenue = order.hasExDestination() ?
            Identifiers.check("ExDestination", EX_DESTINATION, order.exDestination(), order.exDestinationLength()) : null;
        final FieldProblem badAccount = order.hasAccount() ?
            Identifiers.check("Account", ACCOUNT, order.account(), order.accountLength()) : null;

        final Side side = OrderFields.side(order.side());
        final OrdType ordType = OrderFields.ordType(order.ordType());
        final String symbol = order.symbolLength() > 0 && badSymbol == null ? order.symbolAsString() : null;
        final String venueId = !order.hasExDestination() ? defaultVenue :
            badVenue == null ? order.exDestinationAsString() : null;
        final long orderQty = order.hasOrderQty() ? OrderFields.fixed(order.orderQty()) : NewOrderCommand.ABSENT;
        final long price = order.hasPrice() ? OrderFields.fixed(order.price()) : NewOrderCommand.ABSENT;
        final long stopPx = order.hasStopPx() ? OrderFields.fixed(order.stopPx()) : NewOrderCommand.ABSENT;
        final TimeInForce timeInForce = order.hasTimeInForce() ? OrderFields.timeInForce(order.timeInForce()) : null;
        final long expireTime = order.hasExpireTime() ?
            fields.epochMillis(order.expireTime(), order.expireTimeLength()) : NewOrderCommand.ABSENT;
        final boolean postOnly = order.hasExecInst() && hasInstruction(order, POST_ONLY);

        command.set(sessionId, order.clOrdIDAsString(), symbol, venueId, side, ordType, orderQty, price,
            receivedTimeNanos)
            .conditions(timeInForce, stopPx, expireTime, postOnly)
            .possResend(order.header().hasPossResend() && order.header().possResend())
            .account(order.hasAccount() && order.accountLength() > 0 && badAccount == null ? order.accountAsString() : null);

        if (badSymbol != null)
        {
            return fail(OrdRejReason.UNKNOWN_SYMBOL, badSymbol.text());
        }
        if (badVenue != null)
        {
            return fail(OrdRejReason.OTHER, badVenue.text());
        }
        if (badAccount != null)
        {
            return fail(OrdRejReason.UNKNOWN_ACCOUNT, badAccount.text());
        }
        if (symbol == null)
        {
            return fail(OrdRejReason.UNKNOWN_SYMBOL, "Symbol (55) is required");
        }
        if (side == null)
        {
            return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "Side (54) '" + ClientText.escape(order.side()) + "' is not supported (supported: 1 Buy, 2 Sell)");
        }
        if (ordType == null)
        {
            return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "OrdType (40) '" + ClientText.escape(order.ordType()) + "' is not supported (supported: " + OrderFields.SUPPORTED_ORD_TYPES + ")");
        }
        if (order.hasTimeInForce() && timeInForce == null)
        {
            return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "TimeInForce (59) '" + ClientText.escape(order.timeInForce()) + "' is not supported (supported: " +
                OrderFields.SUPPORTED_TIME_IN_FORCE + ")");
        }
        if (expireTime == OrderFields.NOT_A_TIMESTAMP)
        {
            return fail(OrdRejReason.OTHER, "ExpireTime (126) '" + ClientText.excerpt(order.expireTime(), order.expireTimeLength()) +
                "' is not a UTC timestamp (YYYYMMDD-HH:MM:SS[.sss])");
        }
        if (order.hasExpireDate())
        {
            return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "ExpireDate (432) is not supported: give a GTD order's end as ExpireTime (126), UTC");
        }
        if (order.hasExecInst() && !onlyPostOnly(order))
        {
            return fail(OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "ExecInst (18) '" + ClientText.excerpt(order.execInst(), order.execInstLength()) + "' is not supported (supported: 6 post-only)");
        }
        return true;
    }

    public String problem()
    {
        return problem;
    }

    public OrdRejReason problemReason()
    {
        return problemReason;
    }

    private boolean fail(final OrdRejReason reason, final String text)
    {
        problemReason = reason;
        problem = text;
        return false;
    }

    private static final int ACCOUNT = 1;
    private static final int SYMBOL = 55;
    private static final int EX_DESTINATION = 100;

    // ExecInst (18) 6: participate, don't initiate
    private static final char POST_ONLY = '6';

    private static boolean hasInstruction(final NewOrderSingleDecoder order, final char instruction)
    {
        final char[] values = order.execInst();
        for (int i = 0; i < order.execInstLength(); i++)
        {
            if (values[i] == instruction)
            {
                return true;
            }
        }
        return false;
    }

    // ExecInst is a space-separated list of single-character values
    private static boolean onlyPostOnly(final NewOrderSingleDecoder order)
    {
        final char[] values = order.execInst();
        for (int i = 0; i < order.execInstLength(); i++)
        {
            if (values[i] != POST_ONLY && values[i] != ' ')
            {
                return false;
            }
        }
        return true;
    }
}
