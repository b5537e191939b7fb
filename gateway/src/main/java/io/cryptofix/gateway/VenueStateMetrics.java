package io.cryptofix.gateway;

import io.cryptofix.venue.VenueState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * What the venue adapters tell about each venue's health: its state, its clock offset, the lookups
 * that failed, the statuses they could not read, the fees their trades carried. Thread-safe: the
 * venue worker threads write, the scrape reads.
 */
final class VenueStateMetrics
{
    private final Gauge state;
    private final Gauge clockOffset;
    private final Counter lookupsFailed;
    private final Counter unknownStatuses;
    private final Counter fees;

    VenueStateMetrics(final PrometheusRegistry registry)
    {
        state = Gauge.builder()
            .name("cryptofix_venue_state")
            .help("1 for the state each venue is in (STARTING, UP, RATE_LIMITED, DOWN), 0 for the others")
            .labelNames("venue", "state")
            .register(registry);
        clockOffset = Gauge.builder()
            .name("cryptofix_venue_clock_offset_seconds")
            .help("How far the venue's clock runs ahead of the host's (negative: behind), last measured")
            .labelNames("venue")
            .register(registry);
        lookupsFailed = Counter.builder()
            .name("cryptofix_venue_lookups_failed_total")
            .help("Order lookups at a venue that failed; each backs its order off before the next")
            .labelNames("venue")
            .register(registry);
        unknownStatuses = Counter.builder()
            .name("cryptofix_venue_unknown_statuses_total")
            .help("Orders a venue reported in a status the gateway does not know (the client is told it is in doubt)")
            .labelNames("venue")
            .register(registry);
        fees = Counter.builder()
            .name("cryptofix_venue_fees_total")
            .help("Fees the venues charged on the gateway's trades, in each fee asset (negative for rebates)")
            .labelNames("venue", "asset")
            .register(registry);
    }

    void state(final String venueId, final VenueState now)
    {
        for (final VenueState each : VenueState.values())
        {
            state.labelValues(venueId, each.name()).set(each == now ? 1 : 0);
        }
    }

    void clockOffset(final String venueId, final long offsetMillis)
    {
        clockOffset.labelValues(venueId).set(offsetMillis / 1e3);
    }

    void lookupFailed(final String venueId)
    {
        lookupsFailed.labelValues(venueId).inc();
    }

    void unknownStatus(final String venueId)
    {
        unknownStatuses.labelValues(venueId).inc();
    }

    void fee(final String venueId, final String asset, final double amount)
    {
        // a Prometheus counter only rises: rebates are left to the execution records
        if (amount > 0)
        {
            fees.labelValues(venueId, asset == null ? "" : asset).inc(amount);
        }
    }
}
