package io.cryptofix.gateway;

import io.cryptofix.order.TradingScope;
import io.cryptofix.order.TradingState;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The trading state of each scope an operator or a trip has touched, and the admin actions by
 * outcome, for alerts: a halt nobody expected, or tokens refused again and again.
 */
final class TradingStateMetrics
{
    private final Gauge tradingState;
    private final Counter adminActions;

    TradingStateMetrics(final PrometheusRegistry registry)
    {
        tradingState = Gauge.builder()
            .name("cryptofix_trading_state")
            .help("Trading state of a scope: 0 ACTIVE, 1 REDUCING, 2 HALTED; by scope (global, venue, session) " +
                "and name (the venue id, the session's CompID, or global)")
            .labelNames("scope", "name")
            .register(registry);
        tradingState.labelValues("global", "global").set(0);
        adminActions = Counter.builder()
            .name("cryptofix_admin_actions_total")
            .help("Admin API requests by action and outcome (accepted, unauthorized, forbidden, invalid, failed)")
            .labelNames("action", "outcome")
            .register(registry);
    }

    /** Rare (an operator's action or a trip), so the label lookup is no cost worth saving. */
    void state(final TradingScope scope, final String name, final TradingState state)
    {
        final String scopeWord = ScopeRequest.word(scope);
        tradingState.labelValues(scopeWord, scope == TradingScope.GLOBAL || name == null ? "global" : name)
            .set(state.ordinal());
    }

    void adminAction(final String action, final String outcome)
    {
        adminActions.labelValues(action, outcome).inc();
    }
}
