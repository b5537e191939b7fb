package io.cryptofix.translation;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.order.NewOrderCommand;
import io.cryptofix.order.ReplaceOrderCommand;
import uk.co.real_logic.artio.decoder.OrderCancelReplaceRequestDecoder;

/**
 * Maps a decoded, session-valid OrderCancelReplaceRequest (G) onto a {@link ReplaceOrderCommand}.
 * Values the gateway does not trade make {@link #translate} return false with {@link #problem()}
 * saying why, for the OrderCancelReject.
 */
public final class OrderCancelReplaceTranslator
{
    private static final int SYMBOL = 55;

    private final OrderFields fields = new OrderFields();
    private String problem;

    public boolean translate(
        final OrderCancelReplaceRequestDecoder request, final long sessionId, final ReplaceOrderCommand command)
    {
        problem = null;
        // a Symbol that breaks the identifier rule is refused and never kept
        final FieldProblem badSymbol = Identifiers.check("Symbol", SYMBOL, request.symbol(), request.symbolLength());
        final Side side = OrderFields.side(request.side());
        final OrdType ordType = OrderFields.ordType(request.ordType());
        final TimeInForce timeInForce = request.hasTimeInForce() ? OrderFields.timeInForce(request.timeInForce()) : null;
        final long expireTime = request.hasExpireTime() ?
            fields.epochMillis(request.expireTime(), request.expireTimeLength()) : NewOrderCommand.ABSENT;
        command.set(
            sessionId,
            request.clOrdIDAsString(),
            request.origClOrdIDAsString(),
            request.symbolLength() > 0 && badSymbol == null ? request.symbolAsString() : null,
            side,
            ordType,
            request.hasOrderQty() ? OrderFields.fixed(request.orderQty()) : NewOrderCommand.ABSENT,
            request.hasPrice() ? OrderFields.fixed(request.price()) : NewOrderCommand.ABSENT,
            request.hasStopPx() ? OrderFields.fixed(request.stopPx()) : NewOrderCommand.ABSENT,
            timeInForce,
            expireTime);

        if (badSymbol != null)
        {
            problem = badSymbol.text();
            return false;
        }
        if (ordType == null)
        {
            problem = "OrdType (40) '" + ClientText.escape(request.ordType()) + "' is not supported (supported: " +
                OrderFields.SUPPORTED_ORD_TYPES + ")";
            return false;
        }
        if (request.hasTimeInForce() && timeInForce == null)
        {
            problem = "TimeInForce (59) '" + ClientText.escape(request.timeInForce()) + "' is not supported (supported: " +
                OrderFields.SUPPORTED_TIME_IN_FORCE + ")";
            return false;
        }
        if (expireTime == OrderFields.NOT_A_TIMESTAMP)
        {
            problem = "ExpireTime (126) '" + ClientText.excerpt(request.expireTime(), request.expireTimeLength()) +
                "' is not a UTC timestamp";
            return false;
        }
        return true;
    }

    public String problem()
    {
        return problem;
    }
}
