package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;

/**
 * An order left open when the gateway last stopped, as its journal tells it: what
 * {@link OrderCore#recover} needs to take it over again. Times are epoch milliseconds; prices and
 * quantities {@link io.cryptofix.domain.Fixed}.
 *
 * @param clOrdId          ClOrdID (11) the order is known by.
 * @param pending          the client's cancel or replace that was waiting for the venue, if any.
 * @param pendingClOrdId   ClOrdID of that request, else null.
 * @param venueAttempt     the latest placement at the venue; -1 if the gateway still holds the order.
 * @param deadlineMillis   the earliest of its deadlines (timeout, ExpireTime); 0 if none.
 */
public record RecoveredOrder(
    long orderKey,
    long sessionId,
    String clOrdId,
    String origClOrdId,
    Order.PendingRequest pending,
    String pendingClOrdId,
    String symbol,
    String venueId,
    Side side,
    OrdType ordType,
    TimeInForce timeInForce,
    boolean postOnly,
    long orderQty,
    long price,
    long stopPx,
    long expireTimeMillis,
    long deadlineMillis,
    long createdMillis,
    OrderState state,
    long cumQty,
    long avgPx,
    String venueOrderId,
    int venueAttempt)
{
}
