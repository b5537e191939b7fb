package io.cryptofix.venue.rest;

import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.VenueOrder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The calls one venue's REST API needs, made through XChange, with that venue's client order id
 * format and error codes. Not thread-safe (XChange's request signing is not): one instance per
 * venue, used by one thread at a time. Every call may block on the network.
 */
public interface ExchangeClient
{
    /**
     * Called once, before {@link #connect}: the venue's settings ({@code testnet},
     * {@code recvWindowMillis}) and the clock every signed request takes its timestamp from.
     */
    default void configure(final ExchangeVenueConfig config, final VenueClock clock)
    {
    }

    /**
     * The venue's server time, from its public time endpoint (Binance {@code /api/v3/time}, OKX
     * {@code /api/v5/public/time}, Bybit {@code /v5/market/time}, Kraken {@code /0/public/Time},
     * Coinbase {@code /time}). May be called before {@link #connect}.
     *
     * @return epoch milliseconds.
     * @throws UnsupportedOperationException when the client cannot read the venue's time: its
     *     requests are then signed with the host's clock.
     */
    default long serverTimeMillis() throws Exception
    {
        throw new UnsupportedOperationException("no server time");
    }

    /**
     * Connects (XChange loads the venue's metadata) and returns the rules of the symbols to trade.
     *
     * @throws VenueUnavailableException when the venue cannot be used: the message says why, and
     *                                   never holds a secret.
     */
    List<Instrument> connect(String venueId, List<String> symbols);

    VenueCapabilities capabilities();

    /**
     * @return the client order id of a placement, in the venue's format, unique across gateway runs.
     */
    String clientOrderId(long orderKey, int attempt);

    ExchangeOrder place(VenueOrder order, String clientOrderId) throws Exception;

    /**
     * @param venueOrderId  null when the venue never told it; the client order id then finds the order.
     */
    ExchangeOrder cancel(String symbol, String venueOrderId, String clientOrderId) throws Exception;

    /**
     * @return the order, or null when the venue has none with these ids.
     */
    ExchangeOrder find(String symbol, String venueOrderId, String clientOrderId) throws Exception;

    /**
     * The most orders {@link #findAll} asks the venue about in one request; 1 when the venue answers
     * about one order at a time, and {@link #findAll} is not used.
     */
    default int statusBatchSize()
    {
        return 1;
    }

    /**
     * The venue's view of several orders known by the venue's ids, in one request.
     *
     * @param venueOrderIds at most {@link #statusBatchSize()} ids.
     * @return venue order id to the order, for each id the venue answered about.
     */
    default Map<String, ExchangeOrder> findAll(final List<String> venueOrderIds) throws Exception
    {
        throw new UnsupportedOperationException("one order at a time at this venue");
    }

    /**
     * The trades of one order, from the venue's trade list (Binance {@code myTrades}, OKX fills,
     * Bybit executions, Kraken trades, Coinbase fills), oldest first: each is one fill to the client,
     * with its own price and fee.
     *
     * @param order the order as last seen, with the venue's id.
     * @return the order's trades so far; null when this venue has no trade list to read, and fills
     *     are then told from the order's executed totals.
     */
    default java.util.List<VenueTrade> trades(final String symbol, final ExchangeOrder order) throws Exception
    {
        return null;
    }

    /**
     * The account's open orders, whoever placed them: all of them, or those in the symbols to trade
     * where the venue lists open orders by symbol.
     */
    List<ExchangeOrder> openOrders() throws Exception;

    /**
     * The book near the touch of each symbol to trade: {@link MarketDepth#LEVELS} levels a side asked
     * for, in as few requests as the venue allows.
     *
     * @return BASE/QUOTE symbol to its depth.
     */
    Map<String, MarketDepth> marketDepth() throws Exception;

    /**
     * What one {@link #marketDepth} read costs of the venue's request budget: one request per symbol
     * by default; a venue that weighs a book request more says so.
     */
    default int marketDepthCost(final int symbols)
    {
        return symbols;
    }

    /**
     * The account's balances.
     *
     * @return asset (as the venue names it) to the quantity free to trade.
     */
    Map<String, BigDecimal> balances() throws Exception;

    /** What a failure of one of the calls above means. */
    VenueError classify(Exception failure);
}
