package io.cryptofix.order;

/**
 * The one writer of an order: applies an event through the order's three tables ({@link OrderState},
 * {@link PendingRequest}, {@link VenueLeg}) and then what the event carries (a fill's quantity, a
 * replace's terms, the venue's order id). An event any table refuses, or a fill that does not fit
 * within OrderQty, changes nothing. Live and replayed events go through here alike.
 */
final class OrderTransitions
{
    private OrderTransitions()
    {
    }

    /** @return false if the event is not legal for the order as it stands: then nothing changed. */
    static boolean apply(final Order order, final OrderEvent event)
    {
        final OrderEventType type = event.type();
        if (type.createsOrder())
        {
            return start(order, event);
        }
        final OrderState nextState = OrderState.next(order.state, type);
        final PendingRequest nextRequest = PendingRequest.next(order.pending, type);
        final VenueLeg nextLeg = VenueLeg.next(order.leg, type);
        if (nextState == null || nextRequest == null || nextLeg == null || !quantitiesFit(order, event))
        {
            return false;
        }
        if (nextState.isTerminal() && !order.state.isTerminal())
        {
            order.finishedMillis = event.timeMillis();
        }
        order.state = nextState;
        order.pending = nextRequest;
        order.leg = nextLeg;
        switch (type)
        {
            case VENUE_SUBMIT -> placed(order, event);
            case VENUE_CANCEL -> order.cancelCause = event.cancelCause();
            case NEW ->
            {
                order.venueOrderId = event.venueOrderId();
                order.acknowledgementText = null;
            }
            case ACKNOWLEDGED -> learnVenueOrderId(order, event);
            case PARTIAL_FILL, FULL_FILL ->
            {
                order.cumQty += event.lastQty();
                order.cumNotional += (double)event.lastQty() * (double)event.lastPx();
            }
            case PENDING_CANCEL -> order.pendingClOrdId = event.clOrdId();
            case PENDING_REPLACE ->
            {
                order.pendingClOrdId = event.clOrdId();
                order.replaceQty = event.orderQty();
                order.replacePrice = event.price();
                order.replaceStopPx = event.stopPx();
            }
            case CANCELED -> ended(order, event);
            case REPLACED, REPLACED_FILLED ->
            {
                ended(order, event);
                order.orderQty = event.orderQty();
                order.price = event.price();
                order.stopPx = event.stopPx();
                learnVenueOrderId(order, event);
            }
            // the venue answered the gateway's cancel (or, after a restart, may never): nothing is in flight
            case EXPIRED, VENUE_CANCEL_REFUSED, RESTARTED -> order.cancelCause = VenueCancelCause.NONE;
            case TIMEOUT_CHANGED ->
            {
                order.timeoutMillis = event.timeoutMillis();
                order.timeoutRule = event.timeoutRule();
            }
            case CANCEL_REJECTED -> order.pendingClOrdId = null;
            default ->
            {
                // the tables say all there is to say
            }
        }
        return true;
    }

    /** Whether the order's tables allow {@code type} as it stands (quantities aside). */
    static boolean allows(final Order order, final OrderEventType type)
    {
        return order.state != null && OrderState.next(order.state, type) != null &&
            PendingRequest.next(order.pending, type) != null && VenueLeg.next(order.leg, type) != null;
    }

    /** The initial states: an order placed at its venue (SUBMITTED) or held by the gateway (HELD). */
    private static boolean start(final Order order, final OrderEvent event)
    {
        if (order.state != null)
        {
            return false;
        }
        order.pending = PendingRequest.NONE;
        if (event.type() == OrderEventType.HELD)
        {
            order.state = OrderState.NEW;
            order.leg = VenueLeg.HELD;
            return true;
        }
        order.state = OrderState.PENDING_NEW;
        order.leg = VenueLeg.PLACING;
        order.acknowledgementText = event.text();
        placed(order, event);
        return true;
    }

    private static void placed(final Order order, final OrderEvent event)
    {
        order.venueAttempt = event.attempt();
        order.venueOrdType = event.venueOrdType();
        order.venueTimeInForce = event.venueTimeInForce();
        order.venueQuantity = event.venueQuantity();
        order.venuePrice = event.venuePrice();
        order.venueStopPx = event.venueStopPx();
        order.cancelCause = VenueCancelCause.NONE;
    }

    /** A cancel or replace done: the order is known by the ClOrdID the event names from now on. */
    private static void ended(final Order order, final OrderEvent event)
    {
        if (event.clOrdId() != null && !event.clOrdId().equals(order.clOrdId))
        {
            order.origClOrdId = event.origClOrdId() != null ? event.origClOrdId() : order.clOrdId;
            order.clOrdId = event.clOrdId();
        }
        order.pendingClOrdId = null;
        order.cancelCause = VenueCancelCause.NONE;
    }

    private static void learnVenueOrderId(final Order order, final OrderEvent event)
    {
        if (event.venueOrderId() != null)
        {
            order.venueOrderId = event.venueOrderId();
        }
    }

    private static boolean quantitiesFit(final Order order, final OrderEvent event)
    {
        switch (event.type())
        {
            case PARTIAL_FILL:
                return event.lastQty() > 0 && event.lastPx() > 0 && order.cumQty + event.lastQty() < order.orderQty;
            case FULL_FILL:
                return event.lastQty() > 0 && event.lastPx() > 0 && order.cumQty + event.lastQty() == order.orderQty;
            case REPLACED:
                return event.orderQty() > order.cumQty;
            case REPLACED_FILLED:
                return event.orderQty() == order.cumQty;
            default:
                return true;
        }
    }

    /** A copy as the order stands now, for telling a client again what it was told then; never changed. */
    static Order copy(final Order order)
    {
        final Order copy = new Order(order);
        copy.clOrdId = order.clOrdId;
        copy.origClOrdId = order.origClOrdId;
        copy.orderQty = order.orderQty;
        copy.price = order.price;
        copy.stopPx = order.stopPx;
        copy.state = order.state;
        copy.pending = order.pending;
        copy.leg = order.leg;
        copy.cumQty = order.cumQty;
        copy.cumNotional = order.cumNotional;
        copy.pendingClOrdId = order.pendingClOrdId;
        copy.venueAttempt = order.venueAttempt;
        copy.venueOrderId = order.venueOrderId;
        return copy;
    }

    /** A detached copy as a client was told of it, from what the journal kept: see {@link Order#asTold}. */
    static Order asTold(
        final OrderEvent terms,
        final String clOrdId,
        final long orderQty,
        final long price,
        final long stopPx,
        final OrderState state,
        final PendingRequest pending,
        final long cumQty,
        final long avgPx)
    {
        final Order told = new Order(terms);
        told.clOrdId = clOrdId;
        told.orderQty = orderQty;
        told.price = price;
        told.stopPx = stopPx;
        told.state = state;
        told.pending = pending;
        told.leg = VenueLeg.GONE;
        told.cumQty = cumQty;
        told.cumNotional = (double)cumQty * (double)avgPx;
        return told;
    }
}
