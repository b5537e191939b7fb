package io.cryptofix.venue.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeClient;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.SigningKey;
import io.cryptofix.venue.rest.VenueClock;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.VenueKeys;
import io.cryptofix.venue.rest.VenueTrade;
import io.cryptofix.venue.rest.VenueUnavailableException;
import io.cryptofix.venue.rest.XChangeSupport;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.meta.InstrumentMetaData;
import org.knowm.xchange.instrument.Instrument;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.KrakenUtils;
import org.knowm.xchange.kraken.service.KrakenDigest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kraken spot: market, limit and post-only orders, GTC, IOC, native GTD (expiretm) and native stops
 * (Stop as stop-loss, StopLimit as stop-loss-limit, MarketIfTouched as take-profit). Day and amend
 * are left to the gateway; FOK is refused (it cannot be emulated faithfully). XChange's Kraken
 * binding loads the instrument rules; the book and the signed calls go through {@link KrakenRest},
 * the latter with XChange's Kraken signature and a {@link KrakenNonce} from the venue clock.
 *
 * <p>Kraken's client order id is an integer, {@code userref}, which Kraken does not require to be
 * unique: the adapter makes it unique per placement within a gateway run (nine bits of the run, 22
 * of the placement) and, when looking an order up by it, takes only orders opened since the gateway
 * started. XChange 5.2.0 does not read {@code costmin}, so Kraken enforces its minimum cost itself.
 *
 * <p>Kraken's private-call budget is about one call a second, so working orders are polled up to 50
 * at a time, in one {@code QueryOrders} call.
 */
public final class KrakenClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, false, true, false);
    // Kraken's QueryOrders takes up to 50 txids, QueryTrades up to 20
    private static final int STATUS_BATCH = 50;
    private static final int TRADES_BATCH = 20;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int PLACEMENT_BITS = 22;
    private static final int RUN_VALUES = 511;

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final SigningKey<KrakenDigest> key;
    private final long runBits;
    private final double startedSeconds;
    private final ExchangeSpecification spec;
    private final KrakenRest rest;
    // BASE/QUOTE symbol to XChange's pair, in the order of the symbols to trade
    private final Map<String, CurrencyPair> pairs = new LinkedHashMap<>();
    private KrakenNonce nonce = new KrakenNonce(new VenueClock(System::currentTimeMillis));

    /**
     * @param startMillis  when the order journal started: the run part of every userref, and the earliest
     *                     an order of the journal can have been opened.
     */
    public KrakenClient(final String baseUrl, final String apiKey, final String secretKey, final long startMillis)
    {
        this(baseUrl, VenueKeys.fixed(apiKey, secretKey, null), startMillis);
    }

    /**
     * @param keys         the keys to sign with, read again when an operator rotates them.
     * @param startMillis  when the order journal started: the run part of every userref, and the earliest
     *                     an order of the journal can have been opened.
     */
    public KrakenClient(final String baseUrl, final VenueKeys keys, final long startMillis)
    {
        this.baseUrl = baseUrl;
        this.key = new SigningKey<>(keys, KrakenDigest::createInstance);
        this.runBits = (startMillis / 60_000) % RUN_VALUES + 1;
        this.startedSeconds = startMillis / 1000.0 - 60;
        this.spec = new KrakenExchange().getDefaultExchangeSpecification();
        // XChange's own Kraken services read only public metadata here (connect): every signed call
        // goes through rest with the key current at that call
        spec.setSslUri(baseUrl);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        spec.getResilience().setRetryEnabled(false);
        this.rest = ExchangeRestProxyBuilder.forInterface(KrakenRest.class, spec).build();
    }

    /** Kraken has no spot test environment (the configuration refuses one): only the venue clock is taken. */
    @Override
    public void configure(final ExchangeVenueConfig config, final VenueClock clock)
    {
        nonce = new KrakenNonce(clock);
    }

    /**
     * Kraken's {@code /0/public/Time}: whole seconds, enough for a nonce that only has to grow. The
     * middle of the second Kraken names is taken, so that a measurement is off by half a second at
     * most rather than a whole one, always behind.
     */
    @Override
    public long serverTimeMillis() throws Exception
    {
        return KrakenAnswer.result(rest.time()).path("unixtime").asLong() * 1000 + 500;
    }

    @Override
    public List<io.cryptofix.domain.Instrument> connect(final String venueId, final List<String> symbols)
    {
        final Exchange exchange;
        try
        {
            exchange = ExchangeFactory.INSTANCE.createExchange(spec);
            // a signed call at start: keys Kraken refuses stop this venue now, not at the first order
            final SigningKey.Signing<KrakenDigest> signing = key.current();
            KrakenAnswer.result(rest.balance(signing.apiKey(), signing.signer(), nonce));
        }
        catch (final Exception e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (Kraken at " + baseUrl + ") cannot be used: " +
                KrakenErrors.startFailure(e));
        }
        final Map<Instrument, InstrumentMetaData> metaData = exchange.getExchangeMetaData().getInstruments();
        final List<io.cryptofix.domain.Instrument> instruments = new ArrayList<>();
        for (final String symbol : symbols)
        {
            final CurrencyPair pair = new CurrencyPair(symbol);
            final InstrumentMetaData rules = metaData.get(pair);
            if (rules == null)
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + symbol + " is not listed");
            }
            pairs.put(symbol, pair);
            final long lot = Fixed.fromBigDecimal(BigDecimal.ONE.movePointLeft(rules.getVolumeScale()));
            final long minQty = rules.getMinimumAmount() == null ? lot : Fixed.fromBigDecimal(rules.getMinimumAmount());
            instruments.add(new io.cryptofix.domain.Instrument(venueId, symbol,
                Fixed.fromBigDecimal(BigDecimal.ONE.movePointLeft(rules.getPriceScale())), lot, Math.max(minQty, lot), 0));
        }
        return instruments;
    }

    @Override
    public VenueCapabilities capabilities()
    {
        return CAPABILITIES;
    }

    @Override
    public String clientOrderId(final long orderKey, final int attempt)
    {
        final long placement = ((orderKey << 2) | (attempt & 3)) & ((1L << PLACEMENT_BITS) - 1);
        return Long.toString((runBits << PLACEMENT_BITS) | placement);
    }

    @Override
    public ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws Exception
    {
        final KrakenOrderForm form = KrakenOrderForm.of(order);
        final SigningKey.Signing<KrakenDigest> signing = key.current();
        final JsonNode placed = KrakenAnswer.result(rest.addOrder(clientOrderId, form.ordertype(), form.type(),
            form.volume(), KrakenUtils.createKrakenCurrencyPair(pairs.get(order.symbol())), form.price(), form.price2(),
            form.oflags(), form.timeinforce(), form.expiretm(), signing.apiKey(), signing.signer(), nonce));
        final String txid = placed.path("txid").path(0).asText();
        // Kraken answers a placement with its id only: what it did with the order takes one more look
        final ExchangeOrder found = find(order.symbol(), txid, clientOrderId);
        return found != null ? found :
            new ExchangeOrder(txid, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws Exception
    {
        String txid = venueOrderId;
        if (txid == null)
        {
            final ExchangeOrder found = find(symbol, null, clientOrderId);
            if (found == null)
            {
                throw new KrakenRefusal(List.of("EOrder:Unknown order"));
            }
            txid = found.venueOrderId();
        }
        final SigningKey.Signing<KrakenDigest> signing = key.current();
        KrakenAnswer.result(rest.cancelOrder(txid, signing.apiKey(), signing.signer(), nonce));
        final ExchangeOrder canceled = find(symbol, txid, clientOrderId);
        return canceled != null ? canceled :
            new ExchangeOrder(txid, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** By txid through QueryOrders; by userref through OpenOrders, then ClosedOrders. */
    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws Exception
    {
        if (venueOrderId != null)
        {
            try
            {
                final SigningKey.Signing<KrakenDigest> signing = key.current();
                final JsonNode order = KrakenAnswer.result(rest.queryOrders(venueOrderId, null, signing.apiKey(), signing.signer(), nonce))
                    .get(venueOrderId);
                return order == null ? null : KrakenOrderStates.order(venueOrderId, order);
            }
            catch (final KrakenRefusal e)
            {
                if (classify(e).kind() == VenueError.Kind.UNKNOWN_ORDER)
                {
                    return null;
                }
                throw e;
            }
        }
        final SigningKey.Signing<KrakenDigest> signing = key.current();
        final ExchangeOrder open = ofThisRun(
            KrakenAnswer.result(rest.openOrders(clientOrderId, signing.apiKey(), signing.signer(), nonce)).path("open"));
        if (open != null)
        {
            return open;
        }
        final SigningKey.Signing<KrakenDigest> next = key.current();
        return ofThisRun(KrakenAnswer.result(rest.closedOrders(clientOrderId, next.apiKey(), next.signer(), nonce)).path("closed"));
    }

    @Override
    public int statusBatchSize()
    {
        return STATUS_BATCH;
    }

    @Override
    public Map<String, ExchangeOrder> findAll(final List<String> venueOrderIds) throws Exception
    {
        final Map<String, ExchangeOrder> found = new HashMap<>();
        final SigningKey.Signing<KrakenDigest> signing = key.current();
        final JsonNode orders =
            KrakenAnswer.result(rest.queryOrders(String.join(",", venueOrderIds), null, signing.apiKey(), signing.signer(), nonce));
        orders.fields().forEachRemaining(order -> found.put(order.getKey(),
            KrakenOrderStates.order(order.getKey(), order.getValue())));
        return found;
    }

    /**
     * The order's trade ids from QueryOrders, then each trade from QueryTrades. Kraken documents a
     * trade's {@code fee} in the quote currency; it is told in the gateway's name of it (USD of BTC/USD).
     */
    @Override
    public List<VenueTrade> trades(final String symbol, final ExchangeOrder order) throws Exception
    {
        final SigningKey.Signing<KrakenDigest> signing = key.current();
        final JsonNode found = KrakenAnswer.result(
            rest.queryOrders(order.venueOrderId(), "true", signing.apiKey(), signing.signer(), nonce)).path(order.venueOrderId());
        final List<String> tradeIds = new ArrayList<>();
        found.path("trades").forEach(id -> tradeIds.add(id.asText()));
        final String feeAsset = symbol.substring(symbol.indexOf('/') + 1);
        final List<JsonNode> trades = new ArrayList<>();
        for (int from = 0; from < tradeIds.size(); from += TRADES_BATCH)
        {
            final List<String> batch = tradeIds.subList(from, Math.min(tradeIds.size(), from + TRADES_BATCH));
            final SigningKey.Signing<KrakenDigest> batchSigning = key.current();
            final JsonNode answer = KrakenAnswer.result(
                rest.queryTrades(String.join(",", batch), batchSigning.apiKey(), batchSigning.signer(), nonce));
            for (final String id : batch)
            {
                if (answer.has(id))
                {
                    trades.add(((ObjectNode)answer.get(id).deepCopy()).put("id", id));
                }
            }
        }
        // oldest first, by Kraken's time of each trade
        trades.sort(Comparator.comparingDouble(trade -> trade.path("time").asDouble()));
        final List<VenueTrade> result = new ArrayList<>();
        for (final JsonNode trade : trades)
        {
            result.add(new VenueTrade(trade.path("id").asText(), new BigDecimal(trade.path("vol").asText()),
                new BigDecimal(trade.path("price").asText()), new BigDecimal(trade.path("fee").asText("0")), feeAsset));
        }
        return result;
    }

    @Override
    public List<ExchangeOrder> openOrders() throws Exception
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        final SigningKey.Signing<KrakenDigest> signing = key.current();
        KrakenAnswer.result(rest.openOrders(null, signing.apiKey(), signing.signer(), nonce)).path("open").fields()
            .forEachRemaining(order -> open.add(KrakenOrderStates.order(order.getKey(), order.getValue())));
        return open;
    }

    /**
     * {@code GET /0/public/Depth?pair=&count=20} for each pair to trade, one request each: Kraken tells
     * the book of one pair at a time. A refusal for one pair fails the whole read; the poller logs it
     * and reads again at its next turn.
     */
    @Override
    public Map<String, MarketDepth> marketDepth() throws Exception
    {
        final Map<String, MarketDepth> books = new LinkedHashMap<>();
        for (final Map.Entry<String, CurrencyPair> pair : pairs.entrySet())
        {
            final JsonNode result = KrakenAnswer.result(
                rest.depth(KrakenUtils.createKrakenCurrencyPair(pair.getValue()), MarketDepth.LEVELS));
            // one pair asked: Kraken names its book by its own name of the pair, whichever name was sent
            final Iterator<JsonNode> answered = result.elements();
            if (answered.hasNext())
            {
                final JsonNode book = answered.next();
                books.put(pair.getKey(), new MarketDepth(side(book.path("bids")), side(book.path("asks"))));
            }
        }
        return books;
    }

    @Override
    public Map<String, BigDecimal> balances() throws Exception
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        final SigningKey.Signing<KrakenDigest> signing = key.current();
        KrakenAnswer.result(rest.balance(signing.apiKey(), signing.signer(), nonce)).fields()
            .forEachRemaining(asset -> balances.put(asset.getKey(), new BigDecimal(asset.getValue().asText())));
        return balances;
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        return KrakenErrors.classify(failure);
    }

    /** One side of Kraken's book, {@code [["price","volume",timestamp], ...]}, best first. */
    private static long[] side(final JsonNode levels)
    {
        final List<List<String>> side = new ArrayList<>();
        for (final JsonNode level : levels)
        {
            if (side.size() == MarketDepth.LEVELS)
            {
                break;
            }
            side.add(List.of(level.path(0).asText(), level.path(1).asText()));
        }
        return MarketDepth.side(side);
    }

    /** The order of these found that this gateway run placed: a userref from an earlier run is not ours. */
    private ExchangeOrder ofThisRun(final JsonNode orders)
    {
        for (final Iterator<Map.Entry<String, JsonNode>> it = orders.fields(); it.hasNext(); )
        {
            final Map.Entry<String, JsonNode> order = it.next();
            if (order.getValue().path("opentm").asDouble() >= startedSeconds)
            {
                return KrakenOrderStates.order(order.getKey(), order.getValue());
            }
        }
        return null;
    }
}
