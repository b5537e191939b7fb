package io.cryptofix.config;

/**
 * The simulated venue: a matching engine over a seeded synthetic market.
 *
 * @param seed              random seed; the same seed and the same orders give the same fills.
 * @param latencyMillis     delay before the venue answers any request.
 * @param marketTickMillis  how often the synthetic market moves its reference price and trades.
 * @param volatilityBps     standard deviation of one market tick's price move, in basis points.
 * @param depthLevels       price levels of synthetic liquidity on each side.
 * @param spreadTicks       distance, in ticks, from the reference price to the best synthetic bid and ask.
 * @param supports          what the venue does natively; the gateway emulates the rest.
 * @param faults            requests the venue loses on purpose; {@link SimulatedFaults#NONE} normally.
 */
public record SimulatedVenueConfig(
    long seed,
    long latencyMillis,
    long marketTickMillis,
    double volatilityBps,
    int depthLevels,
    int spreadTicks,
    VenueCapabilities supports,
    SimulatedFaults faults)
{
    /** A venue that loses nothing. */
    public SimulatedVenueConfig(
        final long seed,
        final long latencyMillis,
        final long marketTickMillis,
        final double volatilityBps,
        final int depthLevels,
        final int spreadTicks,
        final VenueCapabilities supports)
    {
        this(seed, latencyMillis, marketTickMillis, volatilityBps, depthLevels, spreadTicks, supports, SimulatedFaults.NONE);
    }
}
