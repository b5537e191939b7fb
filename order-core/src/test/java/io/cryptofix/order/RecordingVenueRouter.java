package io.cryptofix.order;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link VenueRouter} that remembers what the core asked of the venue. Set it {@link #full} to
 * make it refuse requests the way a venue whose request queue is full does.
 */
final class RecordingVenueRouter implements VenueRouter
{
    private final List<Order> submitted = new ArrayList<>();
    private final List<Order> cancelRequested = new ArrayList<>();
    private final List<Amend> amended = new ArrayList<>();
    private final List<Order> queried = new ArrayList<>();
    private boolean full;

    /** While full, every submit and cancel is refused and nothing is recorded. */
    RecordingVenueRouter full(final boolean full)
    {
        this.full = full;
        return this;
    }

    @Override
    public boolean submit(final Order order)
    {
        if (full)
        {
            return false;
        }
        submitted.add(order);
        return true;
    }

    @Override
    public boolean cancel(final Order order)
    {
        if (full)
        {
            return false;
        }
        cancelRequested.add(order);
        return true;
    }

    @Override
    public boolean amend(final Order order, final long orderQty, final long price, final long stopPx)
    {
        if (full)
        {
            return false;
        }
        amended.add(new Amend(order.orderKey(), orderQty, price, stopPx));
        return true;
    }

    @Override
    public boolean query(final Order order)
    {
        if (full)
        {
            return false;
        }
        queried.add(order);
        return true;
    }

    /** Orders the core asked the venue about, once per query. */
    List<Order> queried()
    {
        return queried;
    }

    record Amend(long orderKey, long orderQty, long price, long stopPx)
    {
    }

    List<Amend> amended()
    {
        return amended;
    }

    List<Order> submitted()
    {
        return submitted;
    }

    List<Order> cancelRequested()
    {
        return cancelRequested;
    }

    Order lastSubmitted()
    {
        if (submitted.isEmpty())
        {
            throw new AssertionError("nothing was submitted to the venue");
        }
        return submitted.get(submitted.size() - 1);
    }

    /** Order keys of every submit then every cancel, for comparing two runs. */
    List<String> requestLog()
    {
        final List<String> log = new ArrayList<>();
        for (final Order order : submitted)
        {
            log.add("submit " + order.orderKey());
        }
        for (final Order order : cancelRequested)
        {
            log.add("cancel " + order.orderKey());
        }
        return log;
    }
}
