package io.cryptofix.gateway;

import io.cryptofix.acceptor.ExecutionReportSender;
import io.cryptofix.acceptor.UnansweredRequests;
import io.cryptofix.config.PerformanceConfig;
import io.cryptofix.order.MissedReport;
import io.cryptofix.order.OrderCore;
import io.cryptofix.order.OrderEventSink;
import io.cryptofix.order.OrderReplay;
import io.cryptofix.store.JournalingSink;
import io.cryptofix.store.OrderJournal;
import io.cryptofix.venue.JournalGate;
import org.agrona.concurrent.EpochNanoClock;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/**
 * The order journal across a restart: {@link #open} reads what earlier runs left in it and opens
 * this run's recording; {@link #unansweredRequests} finds what clients sent that the journal shows
 * no trace of; once the order core exists, {@link #recover} hands it the orders of earlier runs and
 * the reports they never sent. Closing closes the journal.
 */
final class OrderJournalRecovery implements AutoCloseable
{
    private static final Logger LOG = System.getLogger(OrderJournalRecovery.class.getName());
    private static final int RESEND_SLICE = 1024;
    private static final int REQUESTS_NAMED = 20;

    private final OrderJournal journal;
    private final JournalGate gate;
    // what earlier runs left: dropped once the core has it, as it holds every order they had
    private OrderReplay recovered;

    private OrderJournalRecovery(final OrderReplay recovered, final OrderJournal journal)
    {
        this.recovered = recovered;
        this.journal = journal;
        this.gate = new JournalGate(journal::position, journal::durablePosition);
    }

    /** Reads the journal of earlier runs, naming at INFO the orders it leaves open, then opens this run's. */
    static OrderJournalRecovery open(final String aeronDirName, final PerformanceConfig.Profile profile)
    {
        final OrderReplay recovered = EarlierRuns.read(aeronDirName);
        return new OrderJournalRecovery(recovered, OrderJournal.open(aeronDirName, IdleStrategies.orderPath(profile)));
    }

    /** When the journal started: its identity, from which OrderIDs and venue client order ids derive. */
    long startedMillis()
    {
        return journal.startedMillis();
    }

    /** How far the journal is appended and written, for reports and venue requests that wait for it. */
    JournalGate gate()
    {
        return gate;
    }

    /** The order core's sink: the journal first, so that nobody hears of an event before it is appended. */
    OrderEventSink journalFirst(final EpochNanoClock clock, final OrderEventSink next)
    {
        return new JournalingSink(journal, clock, gate::journaled).andThen(next);
    }

    /**
     * The requests the engine received before the gateway stopped that the order core never handled
     * (neither in the journal nor answered), named at INFO; each is handled when its session logs on
     * again. Before {@link #recover}, which lets go of the journal's ClOrdIDs.
     *
     * @param window  where the engine's recordings ended before it started.
     */
    UnansweredRequests unansweredRequests(final String aeronDirName, final UnansweredRequests.Window window)
    {
        final UnansweredRequests unanswered = UnansweredRequests.find(aeronDirName, window, recovered::journaled);
        if (unanswered.count() > 0)
        {
            LOG.log(Level.INFO, "recovery: {0} requests the FIX engine received before the gateway stopped were " +
                "never handled; each is handled when its session logs on again, before anything newer: {1}",
                unanswered.count(), unanswered.describe(REQUESTS_NAMED));
        }
        return unanswered;
    }

    /**
     * Hands the orders of earlier runs to the order core before the duty cycle starts; what the venues
     * say of the open ones is reported to their clients once they log on.
     */
    /** What a start took over from earlier runs. */
    record Recovered(long journalEvents, int ordersHeld, int openOrders, int checkedAtVenues)
    {
    }

    Recovered recover(
        final OrderCore core,
        final OrderReplay.SentLastRun sentLastRun,
        final ExecutionReportSender reports,
        final Duration startTimeout)
    {
        // what the last run journaled but never sent goes first, as it happened before what venues say now
        final List<MissedReport> missed = recovered.missedReports(sentLastRun);
        if (!missed.isEmpty())
        {
            LOG.log(Level.INFO, "recovery: {0} reports journaled by the last run were never sent; sending them " +
                "as their clients log on", missed.size());
            // a slice at a time, each let through once journaled again: the copies waiting for the
            // journal are then reused slice after slice instead of one made for every report
            final long deadline = System.nanoTime() + startTimeout.toNanos();
            for (int from = 0; from < missed.size(); from += RESEND_SLICE)
            {
                core.resendMissed(missed.subList(from, Math.min(missed.size(), from + RESEND_SLICE)),
                    System.currentTimeMillis());
                awaitJournalWritten(deadline, startTimeout);
                reports.releaseJournaledReports();
            }
        }
        final int asked = core.recover(recovered, System.currentTimeMillis());
        if (!recovered.orders().isEmpty())
        {
            LOG.log(Level.INFO, "recovery: {0} journal events read, {1} orders held ({2} open), {3} being checked at " +
                "their venues", recovered.eventsRead(), core.orderCount(), core.openOrderCount(), asked);
        }
        final Recovered taken = new Recovered(recovered.eventsRead(), core.orderCount(), core.openOrderCount(), asked);
        recovered = null;
        return taken;
    }

    private void awaitJournalWritten(final long deadlineNanos, final Duration startTimeout)
    {
        while (journal.durablePosition() < journal.position())
        {
            if (System.nanoTime() > deadlineNanos)
            {
                throw new IllegalStateException("the order journal did not write the reports being sent again " +
                    "within " + startTimeout.toSeconds() + "s");
            }
            Thread.yield();
        }
    }

    @Override
    public void close()
    {
        journal.close();
    }
}
