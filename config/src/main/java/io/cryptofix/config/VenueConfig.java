package io.cryptofix.config;

import java.time.LocalTime;
import java.util.Map;

/**
 * One venue. {@code type} selects the adapter: {@code simulated}, or a venue reached over its REST API.
 *
 * @param id           the ExDestination (100) value that routes to this venue, e.g. {@code SIM}.
 * @param type         adapter type.
 * @param rounding     what to do with a quantity or price off the lot or tick.
 * @param dayCutoffUtc when Day (TimeInForce 0) orders expire, UTC time of day.
 * @param simulated    settings of the simulated venue (present when type is simulated).
 * @param instruments  tradable instruments by symbol in BASE/QUOTE form, in file order (simulated
 *                     venues; others load theirs from the venue at start).
 * @param exchange     settings of a venue reached over its REST API (present when type is not simulated).
 * @param accounts     the venue's accounts beside its own keys, by the Account (1) value that selects
 *                     each, in file order; empty when orders trade on the venue's own keys only.
 */
public record VenueConfig(
    String id,
    String type,
    RoundingPolicy rounding,
    LocalTime dayCutoffUtc,
    SimulatedVenueConfig simulated,
    Map<String, InstrumentConfig> instruments,
    ExchangeVenueConfig exchange,
    Map<String, VenueAccount> accounts)
{
    public static final String TYPE_SIMULATED = "simulated";
    public static final String TYPE_BINANCE = "binance";
    public static final String TYPE_KRAKEN = "kraken";
    public static final String TYPE_COINBASE = "coinbase";
    public static final String TYPE_OKX = "okx";
    public static final String TYPE_BYBIT = "bybit";

    /** A simulated venue. */
    public VenueConfig(
        final String id,
        final String type,
        final RoundingPolicy rounding,
        final LocalTime dayCutoffUtc,
        final SimulatedVenueConfig simulated,
        final Map<String, InstrumentConfig> instruments)
    {
        this(id, type, rounding, dayCutoffUtc, simulated, instruments, null, Map.of());
    }

    /** A venue without accounts of its own. */
    public VenueConfig(
        final String id,
        final String type,
        final RoundingPolicy rounding,
        final LocalTime dayCutoffUtc,
        final SimulatedVenueConfig simulated,
        final Map<String, InstrumentConfig> instruments,
        final ExchangeVenueConfig exchange)
    {
        this(id, type, rounding, dayCutoffUtc, simulated, instruments, exchange, Map.of());
    }

    /**
     * The venue as one of its accounts trades at it: the same venue with the account's keys, for a
     * venue reached over its REST API.
     */
    public VenueConfig forAccount(final VenueAccount account)
    {
        return exchange == null ? this : new VenueConfig(id, type, rounding, dayCutoffUtc, simulated, instruments,
            exchange.withCredentials(account.apiKeyEnv(), account.secretKeyEnv(), account.passphraseEnv(),
            account.credentialsFile()), Map.of());
    }
}
