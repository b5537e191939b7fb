package io.cryptofix.venue.rest;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
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
     * The account's open orders, whoever placed them: all of them, or those in the symbols to trade
     * where the venue lists open orders by symbol.
     */
    List<ExchangeOrder> openOrders() throws Exception;

    /**
     * The best bid and ask of the symbols to trade, in one request where the venue allows.
     *
     * @return BASE/QUOTE symbol to {bid, ask} as {@link io.cryptofix.domain.Fixed}, 0 for an empty side.
     */
    Map<String, long[]> bestBidAndAsk() throws Exception;

    /**
     * The account's balances.
     *
     * @return asset (as the venue names it) to the quantity free to trade.
     */
    Map<String, BigDecimal> balances() throws Exception;

    /** What a failure of one of the calls above means. */
    VenueError classify(Exception failure);
}
