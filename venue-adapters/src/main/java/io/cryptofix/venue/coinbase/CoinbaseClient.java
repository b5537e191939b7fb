package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
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
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.knowm.xchange.coinbasepro.CoinbaseProExchange;
import org.knowm.xchange.coinbasepro.dto.account.CoinbaseProAccount;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProProduct;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProPlaceLimitOrder;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProPlaceMarketOrder;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProPlaceOrder;
import org.knowm.xchange.coinbasepro.service.CoinbaseProDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coinbase Exchange (the former Coinbase Pro): market, limit, post-only, GTC, IOC and FOK, and
 * StopLimit as a native stop order (Coinbase has had no stop-market orders since 2019: Stop and
 * MarketIfTouched are the gateway's). Its good-till-time orders only know a cancel after one minute,
 * hour or day, so GTD and Day are the gateway's; amend too. Requests go through XChange's REST layer
 * and Coinbase signer, on the endpoints {@link CoinbaseExchangeApi} declares, stamped with the
 * {@link VenueClock}'s time.
 *
 * <p>The client order id is a UUID ({@code client_oid}), derived from the gateway run, the order and
 * the placement, so that the adapter can look any placement up again by it
 * ({@code GET /orders/client:<uuid>}). Coinbase may forget a canceled order that had no fill: one
 * it no longer knows after the adapter's cancel is reported canceled. Quantities are always the base
 * currency's ({@code size}, never {@code funds}); each fill's fee is charged in the quote currency.
 */
public final class CoinbaseClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(false, true, true, true, true, false, false);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int FILLS_PER_PAGE = 100;
    // every price level, aggregated: level 1 holds the best bid and ask only
    private static final int BOOK_LEVEL = 2;

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final SigningKey<CoinbaseProDigest> key;
    private final String runId;
    // BASE/QUOTE symbol to Coinbase's product, in the order of the symbols to trade
    private final Map<String, CoinbaseProProduct> products = new LinkedHashMap<>();
    private VenueClock clock = new VenueClock(System::currentTimeMillis);
    private CoinbaseExchangeApi api;

    public CoinbaseClient(
        final String baseUrl, final String apiKey, final String secretKey, final String passphrase, final String runId)
    {
        this(baseUrl, VenueKeys.fixed(apiKey, secretKey, passphrase), runId);
    }

    /**
     * @param keys   the key, secret and passphrase to sign with, read again when an operator rotates them.
     * @param runId  short id unique to this gateway start, part of every client order id.
     */
    public CoinbaseClient(final String baseUrl, final VenueKeys keys, final String runId)
    {
        this.baseUrl = baseUrl;
        this.key = new SigningKey<>(keys, CoinbaseProDigest::createInstance);
        this.runId = runId;
    }

    /**
     * The sandbox ({@code config.testnet()}) needs nothing apart: the adapter calls only endpoints
     * it serves (products, time, accounts, orders, fills, book), none of its missing transfer ones.
     */
    @Override
    public void configure(final ExchangeVenueConfig config, final VenueClock venueClock)
    {
        this.clock = venueClock;
    }

    @Override
    public long serverTimeMillis() throws IOException
    {
        final JsonNode time = api().time();
        return new BigDecimal(time.path("epoch").asText()).movePointRight(3).longValue();
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> symbols)
    {
        final CoinbaseProProduct[] listed;
        try
        {
            listed = api().products();
            // a signed call at start: keys Coinbase refuses stop this venue now, not at the first order
            final SigningKey.Signing<CoinbaseProDigest> signing = key.current();
            api().accounts(signing.apiKey(), signing.signer(), timestamp(), signing.passphrase());
        }
        catch (final RuntimeException | IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (Coinbase at " + baseUrl + ") cannot be used: " +
                CoinbaseRefusal.describe(e));
        }
        final List<Instrument> instruments = new ArrayList<>();
        for (final String symbol : symbols)
        {
            final CoinbaseProProduct product = product(listed, productId(symbol));
            if (product == null || product.isTradingDisabled() || !"online".equals(product.getStatus()))
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + symbol +
                    (product == null ? " is not listed" : " is not trading"));
            }
            products.put(symbol, product);
            final long lot = fixed(product.getBaseIncrement());
            instruments.add(new Instrument(venueId, symbol, fixed(product.getQuoteIncrement()), lot,
                Math.max(lot, fixed(product.getBaseMinSize())), fixed(product.getMinMarketFunds())));
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
        // a name-based UUID: the same placement always gives the same id, and no other placement does
        return UUID.nameUUIDFromBytes(("cryptofix-" + runId + "-" + orderKey + "-" + attempt)
            .getBytes(StandardCharsets.US_ASCII)).toString();
    }

    @Override
    public ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final SigningKey.Signing<CoinbaseProDigest> signing = key.current();
        final JsonNode placed = api().placeOrder(placement(order, clientOrderId), signing.apiKey(), signing.signer(), timestamp(), signing.passphrase());
        final String id = placed.path("id").asText();
        // Coinbase answers a placement before matching it ("pending"): what it did takes one more look
        ExchangeOrder found = null;
        try
        {
            found = find(order.symbol(), id, clientOrderId);
        }
        catch (final RuntimeException | IOException e)
        {
            // the order is placed: a failed look must not read as a refused placement; polling tells the rest
        }
        return found != null ? found : CoinbaseOrderStatus.read(placed, clientOrderId);
    }

    private static CoinbaseProPlaceOrder placement(final VenueOrder order, final String clientOrderId)
    {
        final CoinbaseProPlaceOrder.Side side =
            order.side() == Side.BUY ? CoinbaseProPlaceOrder.Side.buy : CoinbaseProPlaceOrder.Side.sell;
        final String productId = productId(order.symbol());
        // the FIX OrderQty is in the base currency: Coinbase's size, for market orders too (never funds)
        final BigDecimal size = Fixed.toBigDecimal(order.quantity()).stripTrailingZeros();
        if (order.ordType() == OrdType.MARKET)
        {
            return new CoinbaseProPlaceMarketOrder.Builder().size(size).clientOid(clientOrderId)
                .type(CoinbaseProPlaceOrder.Type.market).side(side).productId(productId).build();
        }
        final CoinbaseProPlaceLimitOrder.Builder limit = new CoinbaseProPlaceLimitOrder.Builder()
            .price(Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros())
            .size(size)
            .timeInForce(timeInForce(order.timeInForce()))
            .postOnly(order.postOnly())
            .clientOid(clientOrderId).type(CoinbaseProPlaceOrder.Type.limit).side(side).productId(productId);
        if (order.ordType() == OrdType.STOP_LIMIT)
        {
            // Coinbase's "entry" triggers at or above the stop price and takes only buys, "loss" at or
            // below and only sells: a FIX StopLimit's triggers
            limit.stop(order.side() == Side.BUY ? CoinbaseProPlaceOrder.Stop.entry : CoinbaseProPlaceOrder.Stop.loss)
                .stopPrice(Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros());
        }
        return limit.build();
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final SigningKey.Signing<CoinbaseProDigest> signing = key.current();
        api().cancelOrder(orderPath(venueOrderId, clientOrderId), productId(symbol), signing.apiKey(), signing.signer(), timestamp(),
            signing.passphrase());
        final ExchangeOrder canceled = find(symbol, venueOrderId, clientOrderId);
        if (canceled == null)
        {
            // Coinbase forgets a canceled order that never traded
            return new ExchangeOrder(venueOrderId, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO,
                BigDecimal.ZERO, "done/canceled", null);
        }
        // canceled by this request, not by Coinbase on its own: no venue reason
        return canceled.state() == ExchangeOrder.State.CANCELED ?
            new ExchangeOrder(canceled.venueOrderId(), canceled.clientOrderId(), canceled.state(), canceled.executedQty(),
                canceled.executedQuote(), canceled.venueStatus(), null) : canceled;
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final JsonNode order;
        try
        {
            final SigningKey.Signing<CoinbaseProDigest> signing = key.current();
            order = api().order(orderPath(venueOrderId, clientOrderId), signing.apiKey(), signing.signer(), timestamp(), signing.passphrase());
        }
        catch (final RuntimeException | IOException e)
        {
            if (CoinbaseRefusal.httpStatus(e) == 404)
            {
                return null;
            }
            throw e;
        }
        return CoinbaseOrderStatus.read(order, clientOrderId);
    }

    /** The order's fills, from {@code GET /fills?order_id=}, oldest first; fees in the product's quote currency. */
    @Override
    public List<VenueTrade> trades(final String symbol, final ExchangeOrder order) throws IOException
    {
        if (order.venueOrderId() == null)
        {
            return List.of();
        }
        final String feeAsset = products.containsKey(symbol) ? products.get(symbol).getTargetCurrency() :
            symbol.substring(symbol.indexOf('/') + 1);
        final SigningKey.Signing<CoinbaseProDigest> signing = key.current();
        return CoinbaseFills.read(api(), signing.apiKey(), signing.signer(), signing.passphrase(), this::timestamp, order.venueOrderId(), feeAsset,
            FILLS_PER_PAGE);
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        final SigningKey.Signing<CoinbaseProDigest> signing = key.current();
        for (final JsonNode order : api().openOrders(signing.apiKey(), signing.signer(), timestamp(), signing.passphrase()))
        {
            open.add(CoinbaseOrderStatus.read(order, null));
        }
        return open;
    }

    /**
     * {@code GET /products/<id>/book?level=2} for each product to trade, one request each. Level 2 is
     * the whole book, aggregated by price (level 1 holds only the best bid and ask, and Coinbase takes
     * no count of levels): its first {@link MarketDepth#LEVELS} levels a side are kept. A refusal for one
     * product fails the whole read; the poller logs it and reads again at its next turn.
     */
    @Override
    public Map<String, MarketDepth> marketDepth() throws IOException
    {
        final Map<String, MarketDepth> books = new LinkedHashMap<>();
        for (final String symbol : products.keySet())
        {
            final JsonNode book = api().book(productId(symbol), BOOK_LEVEL);
            books.put(symbol, new MarketDepth(side(book.path("bids")), side(book.path("asks"))));
        }
        return books;
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        final SigningKey.Signing<CoinbaseProDigest> signing = key.current();
        for (final CoinbaseProAccount balance : api().accounts(signing.apiKey(), signing.signer(), timestamp(), signing.passphrase()))
        {
            balances.put(balance.getCurrency(), balance.getAvailable());
        }
        return balances;
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        return CoinbaseRefusal.classify(failure);
    }

    /** Coinbase's CB-ACCESS-TIMESTAMP: the venue clock's time in decimal seconds. */
    String timestamp()
    {
        return BigDecimal.valueOf(clock.millis(), 3).toPlainString();
    }

    /** Coinbase's endpoints on XChange's REST layer, built at first use (the time may be read before connecting). */
    CoinbaseExchangeApi api()
    {
        if (api == null)
        {
            final ExchangeSpecification spec = new CoinbaseProExchange().getDefaultExchangeSpecification();
            spec.setSslUri(baseUrl);
            spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
            spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
            spec.getResilience().setRetryEnabled(false);
            api = ExchangeRestProxyBuilder.forInterface(CoinbaseExchangeApi.class, spec).build();
        }
        return api;
    }

    private static String orderPath(final String venueOrderId, final String clientOrderId)
    {
        return venueOrderId != null ? venueOrderId : "client:" + clientOrderId;
    }

    private static String productId(final String symbol)
    {
        return symbol.replace('/', '-');
    }

    private static CoinbaseProPlaceLimitOrder.TimeInForce timeInForce(final TimeInForce timeInForce)
    {
        switch (timeInForce)
        {
            case IMMEDIATE_OR_CANCEL: return CoinbaseProPlaceLimitOrder.TimeInForce.IOC;
            case FILL_OR_KILL: return CoinbaseProPlaceLimitOrder.TimeInForce.FOK;
            default: return CoinbaseProPlaceLimitOrder.TimeInForce.GTC;
        }
    }

    private static CoinbaseProProduct product(final CoinbaseProProduct[] listed, final String id)
    {
        for (final CoinbaseProProduct product : listed)
        {
            if (id.equals(product.getId()))
            {
                return product;
            }
        }
        return null;
    }

    /** One side of Coinbase's book, {@code [["price","size",num_orders], ...]}, best first: its first levels. */
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

    private static long fixed(final BigDecimal value)
    {
        return value == null ? 0 : Fixed.fromBigDecimal(value.stripTrailingZeros());
    }
}
