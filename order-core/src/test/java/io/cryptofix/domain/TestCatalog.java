package io.cryptofix.domain;

import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.VenueCapabilities;

import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * The venues and instruments a test trades, written the way people read them: venue by venue, each
 * with what it does natively, its rounding policy and Day cut-off, and the symbols it trades with
 * their tick size, lot size, minimum quantity and minimum notional in decimals. Shared by the tests of
 * every module (order-core's test jar).
 *
 * <pre>
 * TestCatalog.venue("SIM").trades("BTC/USDT", "0.01", "0.00001", "0.00001")
 *     .venue("NATIVE", VenueCapabilities.ALL).dayCutoff(LocalTime.of(22, 0)).trades("BTC/USDT", "0.01", "0.001", "0.001")
 *     .build();
 * </pre>
 */
public final class TestCatalog
{
    private final InstrumentCatalog catalog = new InstrumentCatalog();
    private String venueId;
    private VenueCapabilities capabilities;
    private RoundingPolicy rounding;
    private LocalTime dayCutoff;
    private java.util.Set<String> accounts = java.util.Set.of();

    private TestCatalog()
    {
    }

    /** A catalog starting with a venue that does nothing natively, rejects what is off its rules, and cuts Day orders at midnight UTC. */
    public static TestCatalog venue(final String venueId)
    {
        return new TestCatalog().venue(venueId, VenueCapabilities.NONE);
    }

    /** The next venue of the catalog. */
    public TestCatalog venue(final String venueId, final VenueCapabilities capabilities)
    {
        flushVenue();
        this.venueId = venueId;
        this.capabilities = capabilities;
        this.rounding = RoundingPolicy.REJECT;
        this.dayCutoff = LocalTime.MIDNIGHT;
        this.accounts = java.util.Set.of();
        return this;
    }

    /** The current venue's accounts, which an order names in Account (1). */
    public TestCatalog accounts(final String... accounts)
    {
        this.accounts = java.util.Set.of(accounts);
        return this;
    }

    public TestCatalog rounding(final RoundingPolicy rounding)
    {
        this.rounding = rounding;
        return this;
    }

    public TestCatalog dayCutoff(final LocalTime dayCutoffUtc)
    {
        this.dayCutoff = dayCutoffUtc;
        return this;
    }

    /** A symbol the current venue trades, without a minimum notional. */
    public TestCatalog trades(final String symbol, final String tickSize, final String lotSize, final String minQty)
    {
        catalog.add(new Instrument(venueId, symbol, fixed(tickSize), fixed(lotSize), fixed(minQty)));
        return this;
    }

    public TestCatalog trades(
        final String symbol, final String tickSize, final String lotSize, final String minQty, final String minNotional)
    {
        catalog.add(new Instrument(venueId, symbol, fixed(tickSize), fixed(lotSize), fixed(minQty), fixed(minNotional)));
        return this;
    }

    public InstrumentCatalog build()
    {
        flushVenue();
        return catalog;
    }

    /** A decimal as the gateway holds it ({@link Fixed}): {@code fixed("0.001")}. */
    public static long fixed(final String decimal)
    {
        return Fixed.fromBigDecimal(new BigDecimal(decimal));
    }

    private void flushVenue()
    {
        if (venueId != null)
        {
            catalog.add(new VenueRules(venueId, capabilities, rounding, dayCutoff, accounts));
        }
    }
}
