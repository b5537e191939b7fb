package io.cryptofix.domain;

import io.cryptofix.config.RoundingPolicy;
import io.cryptofix.config.VenueCapabilities;

import java.time.LocalTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The venues and the instruments each trades, looked up by venue id and BASE/QUOTE symbol, and the
 * venues that take no orders now. Built at start; afterwards changed only on the duty cycle, when a
 * venue comes up late or goes down and up again.
 */
public final class InstrumentCatalog
{
    private final Map<String, Map<String, Instrument>> instrumentsByVenue = new HashMap<>();
    private final Map<String, VenueRules> venues = new HashMap<>();
    private final Map<String, Outage> unavailable = new HashMap<>();
    // venue -> account -> why the account's adapter takes no orders now
    private final Map<String, Map<String, Outage>> accountsUnavailable = new HashMap<>();

    /**
     * Why a venue (or an account's adapter at it) takes no orders now: what its clients are told, and
     * the detail only operators see (the log, the admin API's status).
     *
     * @param detail  the failure as the gateway met it: it may name files, environment variables or URLs,
     *                so it never reaches a FIX client.
     */
    public record Outage(Kind kind, String detail)
    {
        /** What kind of outage, and the words a client's refusal uses for it. */
        public enum Kind
        {
            /** It could not be started (no credentials, a configuration it cannot use): a restart is needed. */
            NOT_STARTED("not available"),
            /** It has not connected yet; its worker keeps trying. */
            STARTING("starting, retry later"),
            /** It stopped answering; its worker probes until it answers again. */
            DOWN("unavailable, retry later");

            private final String clientText;

            Kind(final String clientText)
            {
                this.clientText = clientText;
            }

            /** @return the words after "venue X is " in a client's refusal, e.g. "starting, retry later". */
            public String clientText()
            {
                return clientText;
            }
        }

        /** @return the words after "venue X is " in a client's refusal: the kind alone, never the detail. */
        public String clientText()
        {
            return kind.clientText();
        }
    }

    public InstrumentCatalog add(final VenueRules venue)
    {
        venues.put(venue.venueId(), venue);
        return this;
    }

    /**
     * Adds an instrument; its venue, unless added with its own rules, supports only market and limit
     * orders natively, rejects off-lot or off-tick orders, and ends Day orders at midnight UTC.
     */
    public InstrumentCatalog add(final Instrument instrument)
    {
        instrumentsByVenue.computeIfAbsent(instrument.venueId(), venue -> new HashMap<>())
            .put(instrument.symbol(), instrument);
        venues.computeIfAbsent(instrument.venueId(),
            venueId -> new VenueRules(venueId, VenueCapabilities.NONE, RoundingPolicy.REJECT, LocalTime.MIDNIGHT));
        return this;
    }

    /**
     * A configured venue that takes no orders now (not started, starting or down): orders for it are
     * refused with "venue ID is " and the kind's words, e.g. "venue BINANCE is starting, retry later";
     * the {@code detail} is kept for operators only. An account's adapter reports as {@code VENUE/ACCOUNT}:
     * then only the orders naming that account are refused.
     */
    public InstrumentCatalog unavailable(final String venueId, final Outage.Kind kind, final String detail)
    {
        final Outage outage = new Outage(kind, detail);
        final int slash = venueId.indexOf('/');
        if (slash > 0)
        {
            accountsUnavailable.computeIfAbsent(venueId.substring(0, slash), unused -> new HashMap<>())
                .put(venueId.substring(slash + 1), outage);
            return this;
        }
        unavailable.put(venueId, outage);
        return this;
    }

    /** The venue (or, named {@code VENUE/ACCOUNT}, an account's adapter at it) takes orders again. */
    public InstrumentCatalog available(final String venueId)
    {
        final int slash = venueId.indexOf('/');
        if (slash > 0)
        {
            final Map<String, Outage> accounts = accountsUnavailable.get(venueId.substring(0, slash));
            if (accounts != null)
            {
                accounts.remove(venueId.substring(slash + 1));
            }
            return this;
        }
        unavailable.remove(venueId);
        return this;
    }

    /**
     * @return why the adapter of an account at a venue (which reports as {@code VENUE/ACCOUNT}) takes
     *     no orders now, or null when it takes them.
     */
    public Outage outage(final String venueId, final String account)
    {
        final Map<String, Outage> accounts = accountsUnavailable.get(venueId);
        return accounts == null ? null : accounts.get(account);
    }

    /**
     * @return why a configured venue takes no orders now, or null when it takes them.
     */
    public Outage outage(final String venueId)
    {
        return unavailable.get(venueId);
    }

    /**
     * @return a copy of every outage now, by venue id or {@code VENUE/ACCOUNT}, in name order: for the
     *     admin API's status, taken on the thread that owns the catalog.
     */
    public Map<String, Outage> outages()
    {
        final Map<String, Outage> all = new TreeMap<>(unavailable);
        accountsUnavailable.forEach((venueId, accounts) ->
            accounts.forEach((account, outage) -> all.put(venueId + "/" + account, outage)));
        return Collections.unmodifiableMap(all);
    }

    public boolean hasVenue(final String venueId)
    {
        return venues.containsKey(venueId);
    }

    /**
     * @return the venue's rules, or null if there is no such venue.
     */
    public VenueRules venue(final String venueId)
    {
        return venues.get(venueId);
    }

    /**
     * @return the instrument, or null if the venue does not trade that symbol.
     */
    public Instrument instrument(final String venueId, final String symbol)
    {
        final Map<String, Instrument> instruments = instrumentsByVenue.get(venueId);
        return instruments == null ? null : instruments.get(symbol);
    }

    public Iterable<String> venueIds()
    {
        return venues.keySet();
    }
}
