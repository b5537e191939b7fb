package io.cryptofix.order;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the risk controls hold at one moment, for operators: the trading state of every scope that is
 * not ACTIVE and each session's use of its limits. A copy, taken on the duty cycle; safe to read
 * anywhere.
 *
 * @param global    the gateway-wide state.
 * @param venues    venue id to its state, for venues not ACTIVE.
 * @param sessions  client CompID to its state, for sessions not ACTIVE.
 * @param usage     client CompID to what the session uses now, for every session with orders or fills.
 */
public record RiskStatus(
    ScopeState global,
    Map<String, ScopeState> venues,
    Map<String, ScopeState> sessions,
    Map<String, SessionUsage> usage)
{
    /**
     * @param reason  the operator's or the automatic trip's words; null for the start state.
     * @param sinceMillis  when the state was set, epoch milliseconds; 0 for the start state.
     */
    public record ScopeState(TradingState state, String reason, long sinceMillis)
    {
    }

    /**
     * @param openOrders     orders working now.
     * @param openNotional   their remaining value, in their quote currencies added up.
     * @param dailyNotional  the value of the orders accepted since 00:00 UTC.
     * @param positions      asset to the session's net position from its own fills (negative: short).
     */
    public record SessionUsage(
        int openOrders, BigDecimal openNotional, BigDecimal dailyNotional, Map<String, BigDecimal> positions)
    {
    }
}
