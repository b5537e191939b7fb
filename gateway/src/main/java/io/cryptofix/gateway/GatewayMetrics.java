package io.cryptofix.gateway;

import io.cryptofix.acceptor.FixMetrics;
import io.cryptofix.domain.CxlRejReason;
import io.cryptofix.domain.ExecType;
import io.cryptofix.domain.OrdRejReason;
import io.cryptofix.order.TradingScope;
import io.cryptofix.order.TradingState;
import io.cryptofix.venue.VenueMetrics;
import io.cryptofix.venue.VenueState;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.function.ToIntFunction;

/**
 * The gateway's Prometheus metrics: what the FIX side counts ({@link FixMetrics}), what the venues
 * report ({@link VenueMetrics}), what the order core's follow-ups observe ({@link CoreDiagnostics}), and
 * the trading states and admin actions ({@link TradingStateMetrics}).
 * Label children are resolved once here, so that counting on the duty cycle is a plain increment
 * with no lookup or allocation.
 */
public final class GatewayMetrics implements FixMetrics, VenueMetrics
{
    private final PrometheusRegistry registry;
    private final Counter ordersReceived;
    private final Gauge recoveryOrders;
    private final Gauge recoveryJournalEvents;
    private final Gauge recoverySeconds;
    private final Counter cancelRequestsReceived;
    private final Counter replaceRequestsReceived;
    private final EnumMap<ExecType, CounterDataPoint> executionReportsByExecType = new EnumMap<>(ExecType.class);
    private final EnumMap<OrdRejReason, CounterDataPoint> orderRejectsByReason = new EnumMap<>(OrdRejReason.class);
    private final CounterDataPoint venueRejects;
    private final EnumMap<CxlRejReason, CounterDataPoint> cancelRejectsByReason = new EnumMap<>(CxlRejReason.class);
    private final Counter sessionRejects;
    private final Counter businessMessageRejects;
    private final Counter undeliverableReports;
    private final Counter illegalTransitions;
    private final Gauge sessionsLoggedOn;
    private final Histogram firstReportLatency;
    private final Counter timeoutsFired;
    private final Counter cancelsRetried;
    private final Counter venueStatusQueries;
    private final Counter cancelsUnconfirmed;
    private final Counter submitsUnacknowledged;
    private final Gauge reportsHeld;
    private final Counter rateLimitWait;
    private final Counter rateLimited;
    private final Counter shareRefusals;
    // null unless balances are published: they tell whoever can scrape what the firm holds
    private final Gauge balances;
    private final Histogram timeoutLateness;
    private final VenueStateMetrics venueStates;
    private final Counter venueQuantityDisagreements;
    private final Counter riskRejects;
    private final Counter logonsRefused;
    private final TradingStateMetrics tradingStates;

    /**
     * @param publishBalances  true: the venue accounts' free balances are registered and published
     *                         ({@code cryptofix_venue_balance}); false: the venues are told not to read them.
     */
    public GatewayMetrics(final PrometheusRegistry registry, final boolean publishBalances)
    {
        this.registry = registry;
        venueStates = new VenueStateMetrics(registry);
        tradingStates = new TradingStateMetrics(registry);
        riskRejects = Counter.builder()
            .name("cryptofix_risk_rejects_total")
            .help("New orders refused by a pre-trade limit, by the limit (check) and the session's CompID")
            .labelNames("check", "session")
            .register(registry);
        logonsRefused = Counter.builder()
            .name("cryptofix_logons_refused_total")
            .help("Logons refused, by reason: unknown_session, address, no_credentials, username, password_missing, " +
                "password, signature_missing, signature_stale, signature, duplicate_session, proxy_header (a source address " +
                "claimed in a PROXY protocol header), pending_limit (a connection closed at once: fix.maxPendingLogons " +
                "connections were waiting to log on)")
            .labelNames("reason")
            .register(registry);
        venueQuantityDisagreements = Counter.builder()
            .name("cryptofix_venue_quantity_disagreements_total")
            .help("Orders a venue ended filled at a quantity other than the gateway's count; the venue's figure was reported")
            .register(registry);
        ordersReceived = Counter.builder()
            .name("cryptofix_orders_received_total")
            .help("NewOrderSingle messages received")
            .register(registry);
        cancelRequestsReceived = Counter.builder()
            .name("cryptofix_cancel_requests_received_total")
            .help("OrderCancelRequest messages received")
            .register(registry);
        replaceRequestsReceived = Counter.builder()
            .name("cryptofix_replace_requests_received_total")
            .help("OrderCancelReplaceRequest messages received")
            .register(registry);
        final Counter executionReports = Counter.builder()
            .name("cryptofix_execution_reports_sent_total")
            .help("ExecutionReports sent, by ExecType")
            .labelNames("exec_type")
            .register(registry);
        for (final ExecType execType : ExecType.values())
        {
            executionReportsByExecType.put(execType, executionReports.labelValues(execType.name()));
        }
        final Counter orderRejects = Counter.builder()
            .name("cryptofix_order_rejects_total")
            .help("Orders rejected (ExecType 8), by reason; VENUE when the venue refused the order")
            .labelNames("reason")
            .register(registry);
        for (final OrdRejReason reason : OrdRejReason.values())
        {
            orderRejectsByReason.put(reason, orderRejects.labelValues(reason.name()));
        }
        venueRejects = orderRejects.labelValues("VENUE");
        final Counter cancelRejects = Counter.builder()
            .name("cryptofix_cancel_rejects_total")
            .help("OrderCancelReject messages sent, by CxlRejReason")
            .labelNames("reason")
            .register(registry);
        for (final CxlRejReason reason : CxlRejReason.values())
        {
            cancelRejectsByReason.put(reason, cancelRejects.labelValues(reason.name()));
        }
        sessionRejects = Counter.builder()
            .name("cryptofix_session_rejects_total")
            .help("Session-level Reject (35=3) messages sent for malformed application messages")
            .register(registry);
        businessMessageRejects = Counter.builder()
            .name("cryptofix_business_message_rejects_total")
            .help("BusinessMessageReject (35=j) messages sent for unsupported application messages")
            .register(registry);
        undeliverableReports = Counter.builder()
            .name("cryptofix_reports_undeliverable_total")
            .help("Reports that could not be sent because the client session was offline or back-pressured")
            .register(registry);
        illegalTransitions = Counter.builder()
            .name("cryptofix_order_illegal_transitions_total")
            .help("Venue events that the order state did not allow; each one is logged")
            .register(registry);
        sessionsLoggedOn = Gauge.builder()
            .name("cryptofix_sessions_logged_on")
            .help("FIX sessions currently logged on")
            .register(registry);
        firstReportLatency = Histogram.builder()
            .name("cryptofix_order_first_report_latency_seconds")
            .help("Time from NewOrderSingle received to its first ExecutionReport (New or Rejected) sent")
            .classicUpperBounds(
                0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                0.25, 0.5, 1, 2.5)
            .register(registry);
        timeoutsFired = Counter.builder()
            .name("cryptofix_timeouts_fired_total")
            .help("Orders whose timeout under the gateway's policy came, by the rule that set it")
            .labelNames("rule")
            .register(registry);
        cancelsRetried = Counter.builder()
            .name("cryptofix_cancels_retried_total")
            .help("Cancels sent to a venue again: not confirmed in time, or the venue's request queue was full")
            .register(registry);
        venueStatusQueries = Counter.builder()
            .name("cryptofix_venue_status_queries_total")
            .help("Orders looked up at their venue by client order id: a submit or cancel went unanswered")
            .register(registry);
        cancelsUnconfirmed = Counter.builder()
            .name("cryptofix_cancels_unconfirmed_total")
            .help("Cancels still unconfirmed after resends and a status query; each told to the client and logged")
            .register(registry);
        submitsUnacknowledged = Counter.builder()
            .name("cryptofix_submits_unacknowledged_total")
            .help("Orders still unanswered by their venue after status queries; each told to the client and logged")
            .register(registry);
        recoveryOrders = Gauge.builder()
            .name("cryptofix_recovery_orders")
            .help("What this start took over from earlier runs: orders held in memory (held), those still open " +
                "(open), and those asked about at their venues (checked)")
            .labelNames("kind")
            .register(registry);
        recoveryJournalEvents = Gauge.builder()
            .name("cryptofix_recovery_journal_events")
            .help("Order journal events this start read from earlier runs")
            .register(registry);
        recoverySeconds = Gauge.builder()
            .name("cryptofix_recovery_seconds")
            .help("How long this start took to read the journal of earlier runs and take their orders over")
            .register(registry);
        reportsHeld = Gauge.builder()
            .name("cryptofix_reports_held")
            .help("ExecutionReports waiting for their session to log on again")
            .register(registry);
        rateLimitWait = Counter.builder()
            .name("cryptofix_venue_rate_limit_wait_seconds_total")
            .help("Time requests waited before leaving, to stay inside the venue's rate limits, by venue")
            .labelNames("venue")
            .register(registry);
        rateLimited = Counter.builder()
            .name("cryptofix_venue_rate_limited_total")
            .help("Requests the venue refused for its rate limit, by venue; each pauses the venue's requests")
            .labelNames("venue")
            .register(registry);
        shareRefusals = Counter.builder()
            .name("cryptofix_venue_share_refusals_total")
            .help("New orders refused as the venue being busy to keep its request queue shared between sessions, by venue")
            .labelNames("venue")
            .register(registry);
        balances = !publishBalances ? null : Gauge.builder()
            .name("cryptofix_venue_balance")
            .help("The account's balance free to trade at each venue over REST, by asset as the venue names it; " +
                "read about once a minute")
            .labelNames("venue", "asset")
            .register(registry);
        timeoutLateness = Histogram.builder()
            .name("cryptofix_timeout_lateness_seconds")
            .help("Time from an order's timeout deadline to the gateway acting on it")
            .classicUpperBounds(0.001, 0.005, 0.01, 0.016, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5)
            .register(registry);
    }

    public PrometheusRegistry registry()
    {
        return registry;
    }

    @Override
    public void orderReceived()
    {
        ordersReceived.inc();
    }

    @Override
    public void cancelRequestReceived()
    {
        cancelRequestsReceived.inc();
    }

    @Override
    public void replaceRequestReceived()
    {
        replaceRequestsReceived.inc();
    }

    @Override
    public void executionReportSent(final ExecType execType)
    {
        executionReportsByExecType.get(execType).inc();
    }

    @Override
    public void orderRejected(final OrdRejReason reason)
    {
        orderRejectsByReason.get(reason).inc();
    }

    @Override
    public void orderRejectedByVenue()
    {
        venueRejects.inc();
    }

    @Override
    public void cancelRejected(final CxlRejReason reason)
    {
        cancelRejectsByReason.get(reason).inc();
    }

    @Override
    public void sessionRejectSent()
    {
        sessionRejects.inc();
    }

    @Override
    public void businessMessageRejectSent()
    {
        businessMessageRejects.inc();
    }

    @Override
    public void reportUndeliverable()
    {
        undeliverableReports.inc();
    }

    void illegalTransition()
    {
        illegalTransitions.inc();
    }

    @Override
    public void sessionLoggedOn()
    {
        sessionsLoggedOn.inc();
    }

    @Override
    public void sessionLoggedOut()
    {
        sessionsLoggedOn.dec();
    }

    void timeoutFired(final String rule, final long lateMillis)
    {
        // label children by rule are few (one per configured rule) and a timeout is rare next to orders
        timeoutsFired.labelValues(rule).inc();
        timeoutLateness.observe(lateMillis / 1e3);
    }

    void cancelRetried()
    {
        cancelsRetried.inc();
    }

    void venueStatusQueried()
    {
        venueStatusQueries.inc();
    }

    void venueRequestUnconfirmed(final boolean cancel)
    {
        (cancel ? cancelsUnconfirmed : submitsUnacknowledged).inc();
    }

    @Override
    public void onRateLimitWait(final String venueId, final long waitedMillis)
    {
        rateLimitWait.labelValues(venueId).inc(waitedMillis / 1e3);
    }

    @Override
    public void onRateLimited(final String venueId)
    {
        rateLimited.labelValues(venueId).inc();
    }

    @Override
    public void onShareRefused(final String venueId)
    {
        shareRefusals.labelValues(venueId).inc();
    }

    @Override
    public void onVenueState(final String venueId, final VenueState state)
    {
        venueStates.state(venueId, state);
    }

    @Override
    public void onClockOffset(final String venueId, final long offsetMillis)
    {
        venueStates.clockOffset(venueId, offsetMillis);
    }

    @Override
    public void onLookupFailed(final String venueId)
    {
        venueStates.lookupFailed(venueId);
    }

    @Override
    public void onUnknownStatus(final String venueId)
    {
        venueStates.unknownStatus(venueId);
    }

    @Override
    public void onFee(final String venueId, final String asset, final double amount)
    {
        venueStates.fee(venueId, asset, amount);
    }

    void riskRejected(final String check, final String session)
    {
        riskRejects.labelValues(check, session == null ? "" : session).inc();
    }

    /** A logon refused (any thread): the reason as {@link io.cryptofix.acceptor.LogonAuthenticator} names it. */
    void logonRefused(final String reason)
    {
        logonsRefused.labelValues(reason).inc();
    }

    void tradingState(final TradingScope scope, final String name, final TradingState state)
    {
        tradingStates.state(scope, name, state);
    }

    /** @param outcome  accepted, unauthorized, forbidden, invalid or failed. */
    void adminAction(final String action, final String outcome)
    {
        tradingStates.adminAction(action, outcome);
    }

    void venueQuantityDisagreed()
    {
        venueQuantityDisagreements.inc();
    }

    @Override
    public boolean readsBalances()
    {
        return balances != null;
    }

    @Override
    public void onBalance(final String venueId, final String asset, final double free)
    {
        if (balances != null)
        {
            balances.labelValues(venueId, asset).set(free);
        }
    }

    /**
     * Publishes how many requests wait in front of each venue's worker thread. Called once, when
     * the venues have started.
     */
    public void venueQueues(final Iterable<String> venueIds, final ToIntFunction<String> queued)
    {
        GaugeWithCallback.builder()
            .name("cryptofix_venue_requests_queued")
            .help("Requests waiting for the venue's worker thread (bounded), by venue")
            .labelNames("venue")
            .callback(callback ->
            {
                for (final String venueId : venueIds)
                {
                    callback.call(queued.applyAsInt(venueId), venueId);
                }
            })
            .register(registry);
    }

    /**
     * The data directory's size (the archive of FIX messages and order events, session state) and the
     * space left on its file system, read at each scrape: what disk alerts and sizing need.
     */
    void dataDirectory(final Path dataDir)
    {
        GaugeWithCallback.builder()
            .name("cryptofix_data_dir_bytes")
            .help("Bytes the files under the data directory take: the archive of FIX messages and order events, " +
                "session state, journals")
            .callback(callback -> callback.call(DataDirectorySize.bytes(dataDir)))
            .register(registry);
        GaugeWithCallback.builder()
            .name("cryptofix_data_dir_free_bytes")
            .help("Bytes the gateway's user may still write on the data directory's file system")
            .callback(callback -> callback.call(DataDirectorySize.usableBytes(dataDir)))
            .register(registry);
    }

    /** What the start took over, and in how long. */
    void recovered(final OrderJournalRecovery.Recovered recovered, final long tookNanos)
    {
        recoveryOrders.labelValues("held").set(recovered.ordersHeld());
        recoveryOrders.labelValues("open").set(recovered.openOrders());
        recoveryOrders.labelValues("checked").set(recovered.checkedAtVenues());
        recoveryJournalEvents.set(recovered.journalEvents());
        recoverySeconds.set(tookNanos / 1e9);
    }

    @Override
    public void reportsHeld(final int held)
    {
        reportsHeld.set(held);
    }

    @Override
    public void firstReportLatency(final long nanos)
    {
        firstReportLatency.observe(nanos / 1e9);
    }
}
