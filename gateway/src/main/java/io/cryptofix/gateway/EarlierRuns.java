package io.cryptofix.gateway;

import io.cryptofix.order.Order;
import io.cryptofix.order.OrderReplay;
import io.cryptofix.store.JournalReplay;
import io.cryptofix.translation.ClientText;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * What the order journal holds of earlier runs, read at start and told at INFO: how much there was,
 * how long reading it took, and the orders it leaves open, which this run takes over. An operator
 * reads these lines first after a crash.
 */
final class EarlierRuns
{
    private static final Logger LOG = System.getLogger(EarlierRuns.class.getName());
    private static final int OPEN_ORDERS_NAMED = 20;

    private EarlierRuns()
    {
    }

    static OrderReplay read(final String aeronDirName)
    {
        final long startNanos = System.nanoTime();
        final OrderReplay recovered = JournalReplay.read(aeronDirName, IdleStrategies.parking());
        final List<Order> open = recovered.openOrders();
        LOG.log(Level.INFO, "order journal: {0} events of earlier runs read in {1} ms, {2} orders left open",
            recovered.eventsRead(), (System.nanoTime() - startNanos) / 1_000_000, open.size());
        if (recovered.eventsRefused() > 0)
        {
            LOG.log(Level.WARNING, "order journal: {0} events were not allowed for their orders as replayed and were " +
                "left out; check those orders with bin/gateway audit", recovered.eventsRefused());
        }
        if (!open.isEmpty())
        {
            final StringBuilder orders = new StringBuilder();
            for (int i = 0; i < Math.min(open.size(), OPEN_ORDERS_NAMED); i++)
            {
                orders.append(i == 0 ? "" : "; ").append(ClientText.escape(OrderReplay.describe(open.get(i))));
            }
            LOG.log(Level.INFO, "order journal: taking over {0} open orders: {1}{2}", open.size(), orders,
                open.size() > OPEN_ORDERS_NAMED ? "; ..." : "");
        }
        return recovered;
    }
}
