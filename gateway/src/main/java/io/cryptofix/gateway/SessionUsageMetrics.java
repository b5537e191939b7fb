package io.cryptofix.gateway;

import io.cryptofix.order.RiskStatus;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Each session's use of its limits, as the risk status tells it: working orders, their open value,
 * the value sent today, and the position in each asset. Sampled from the duty cycle now and then, not
 * per order: a copy of the status allocates.
 */
final class SessionUsageMetrics
{
    private final Gauge openOrders;
    private final Gauge openNotional;
    private final Gauge dailyNotional;
    private final Gauge position;

    SessionUsageMetrics(final PrometheusRegistry registry)
    {
        openOrders = Gauge.builder()
            .name("cryptofix_session_open_orders")
            .help("Orders each session has working now (maxOpenOrders)")
            .labelNames("session")
            .register(registry);
        openNotional = Gauge.builder()
            .name("cryptofix_session_open_notional")
            .help("The value of each session's working orders, quote currencies added up (maxOpenNotional)")
            .labelNames("session")
            .register(registry);
        dailyNotional = Gauge.builder()
            .name("cryptofix_session_daily_notional")
            .help("The value of the orders each session sent since 00:00 UTC (maxDailyNotional)")
            .labelNames("session")
            .register(registry);
        position = Gauge.builder()
            .name("cryptofix_session_position")
            .help("Each session's net position in an asset from its own fills, negative when short (positionLimit)")
            .labelNames("session", "asset")
            .register(registry);
    }

    void update(final RiskStatus status)
    {
        for (final Map.Entry<String, RiskStatus.SessionUsage> entry : status.usage().entrySet())
        {
            final String session = entry.getKey();
            final RiskStatus.SessionUsage usage = entry.getValue();
            openOrders.labelValues(session).set(usage.openOrders());
            openNotional.labelValues(session).set(usage.openNotional().doubleValue());
            dailyNotional.labelValues(session).set(usage.dailyNotional().doubleValue());
            for (final Map.Entry<String, BigDecimal> held : usage.positions().entrySet())
            {
                position.labelValues(session, held.getKey()).set(held.getValue().doubleValue());
            }
        }
    }
}
