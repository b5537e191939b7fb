package io.cryptofix.order;

import io.cryptofix.domain.OrdRejReason;

/**
 * What an answer to a client's request carries beside its event: the request answered and what the
 * answer counts. A flyweight owned by its {@link OrderEvent}; empty for events that answer nothing.
 */
public final class ClientAnswer
{
    private NewOrderCommand newOrder;
    private OrdRejReason ordRejReason;
    private OrderStatusCommand statusRequest;
    private MassCancelCommand massCancel;
    private boolean accepted;
    private int affectedOrders;
    private MassStatusCommand massStatus;
    private int totNumReports;
    private boolean lastReport;

    void clear()
    {
        newOrder = null;
        ordRejReason = null;
        statusRequest = null;
        massCancel = null;
        accepted = false;
        affectedOrders = 0;
        massStatus = null;
        totNumReports = 0;
        lastReport = false;
    }

    void copyFrom(final ClientAnswer other)
    {
        newOrder = other.newOrder;
        ordRejReason = other.ordRejReason;
        statusRequest = other.statusRequest;
        massCancel = other.massCancel;
        accepted = other.accepted;
        affectedOrders = other.affectedOrders;
        massStatus = other.massStatus;
        totNumReports = other.totNumReports;
        lastReport = other.lastReport;
    }

    void newOrderRefused(final NewOrderCommand command, final OrdRejReason reason)
    {
        newOrder = command;
        ordRejReason = reason;
    }

    void statusRequest(final OrderStatusCommand command)
    {
        statusRequest = command;
    }

    void massCancel(final MassCancelCommand command, final boolean accepted, final int affectedOrders)
    {
        this.massCancel = command;
        this.accepted = accepted;
        this.affectedOrders = affectedOrders;
    }

    void massStatus(final MassStatusCommand command, final int totNumReports, final boolean lastReport)
    {
        this.massStatus = command;
        this.totNumReports = totNumReports;
        this.lastReport = lastReport;
    }

    /** The NewOrderSingle a NEW_ORDER_REFUSED refuses. */
    public NewOrderCommand newOrder()
    {
        return newOrder;
    }

    /** OrdRejReason (103) of a NEW_ORDER_REFUSED. */
    public OrdRejReason ordRejReason()
    {
        return ordRejReason;
    }

    /** The OrderStatusRequest an UNKNOWN_ORDER_STATUS answers. */
    public OrderStatusCommand statusRequest()
    {
        return statusRequest;
    }

    /** The OrderMassCancelRequest a MASS_CANCEL_REPORT answers. */
    public MassCancelCommand massCancel()
    {
        return massCancel;
    }

    /** Whether the OrderMassCancelRequest was accepted; when not, the event's Text says why. */
    public boolean accepted()
    {
        return accepted;
    }

    /** TotalAffectedOrders (533). */
    public int affectedOrders()
    {
        return affectedOrders;
    }

    /** The OrderMassStatusRequest a MASS_STATUS_REPORT answers. */
    public MassStatusCommand massStatus()
    {
        return massStatus;
    }

    /** TotNumReports (911) of a mass status report. */
    public int totNumReports()
    {
        return totNumReports;
    }

    /** LastRptRequested (912) of a mass status report. */
    public boolean lastReport()
    {
        return lastReport;
    }
}
