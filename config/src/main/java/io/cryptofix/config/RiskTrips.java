package io.cryptofix.config;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The automatic trips of the {@code risk.trips} section; each null when off.
 *
 * @param priceMove   a venue's price moving too far too fast puts the venue in a trading state.
 * @param rejectRate  a session whose orders are refused too often is halted.
 */
public record RiskTrips(PriceMove priceMove, RejectRate rejectRate)
{
    public static final RiskTrips NONE = new RiskTrips(null, null);

    /**
     * @param percent  how far a symbol's mid price may move, up or down, within {@code within}.
     * @param state    the venue's state once it has: {@code REDUCING} or {@code HALTED}.
     */
    public record PriceMove(BigDecimal percent, Duration within, String state)
    {
    }

    /**
     * @param percent    the share of a session's new orders refused (by the gateway or its venues)
     *                   within {@code within} that halts the session.
     * @param minOrders  how many orders the session must have sent within the window before the rate counts.
     */
    public record RejectRate(BigDecimal percent, Duration within, int minOrders)
    {
    }
}
