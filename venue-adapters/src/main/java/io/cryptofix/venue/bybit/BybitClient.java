package io.cryptofix.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.domain.Side;
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
import org.knowm.xchange.bybit.BybitExchange;
import org.knowm.xchange.bybit.service.BybitDigest;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bybit spot (V5, unified account) on XChange's REST layer and Bybit signer ({@link BybitV5}: XChange
 * 5.2.0's Bybit binding lacks cancel, query by client order id and time in force). Market, limit,
 * post-only (PostOnly), IOC and FOK, and native stops: Stop, StopLimit and MarketIfTouched as spot
 * conditional orders ({@code triggerPrice}, held by Bybit until the market reaches it). GTD, Day and
 * amend are the gateway's. The client order id is {@code orderLinkId}. Market orders carry their
 * quantity in the base coin ({@code marketUnit} baseCoin: Bybit counts a market buy in the quote coin
 * otherwise). Signed requests take their timestamp from the {@link VenueClock} given to
 * {@link #configure} and carry the configured receive window. Bybit's testnet serves every V5 call
 * this client makes, so it makes the same calls there.
 */
public final class BybitClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
    private static final String SPOT = "spot";
    private static final String STOP_ORDER = "StopOrder";
    private static final String BASE_COIN = "baseCoin";
    private static final int ORDER_NOT_FOUND = 170213;
    private static final int RECENTLY_CLOSED = 1;
    private static final int TRADES_PER_PAGE = 100;
    private static final long DEFAULT_RECV_WINDOW_MILLIS = 5_000;
    // what a look after a placement or cancel found when Bybit did not answer it
    private static final ExchangeOrder NOT_SEEN =
        new ExchangeOrder(null, null, ExchangeOrder.State.UNKNOWN, BigDecimal.ZERO, BigDecimal.ZERO);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final SigningKey<ParamsDigest> key;
    private final String runId;
    private final List<String> symbols = new ArrayList<>();
    // orderLinkIds of conditional orders last seen untriggered: Bybit finds those for a cancel only
    // with the StopOrder filter
    private final Set<String> untriggered = new HashSet<>();
    private BybitV5 bybit;
    private VenueClock clock = new VenueClock(System::currentTimeMillis);
    private long recvWindowMillis = DEFAULT_RECV_WINDOW_MILLIS;

    public BybitClient(final String baseUrl, final String apiKey, final String secretKey, final String runId)
    {
        this(baseUrl, VenueKeys.fixed(apiKey, secretKey, null), runId);
    }

    /**
     * @param keys   the keys to sign with, read again when an operator rotates them.
     * @param runId  short id unique to this gateway start, part of every client order id.
     */
    public BybitClient(final String baseUrl, final VenueKeys keys, final String runId)
    {
        this.baseUrl = baseUrl;
        this.key = new SigningKey<>(keys, BybitDigest::createInstance);
        this.runId = runId;
    }

    @Override
    public void configure(final ExchangeVenueConfig config, final VenueClock venueClock)
    {
        this.clock = venueClock;
        this.recvWindowMillis = config.recvWindowMillis();
    }

    @Override
    public long serverTimeMillis() throws IOException
    {
        final JsonNode time = checked(api().time());
        final String nanos = time.path("timeNano").asText("");
        return nanos.isEmpty() ? time.path("timeSecond").asLong() * 1_000 : Long.parseLong(nanos) / 1_000_000;
    }

    private BybitV5 api()
    {
        if (bybit == null)
        {
            final ExchangeSpecification spec = new BybitExchange().getDefaultExchangeSpecification();
            spec.setSslUri(baseUrl);
            spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
            spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
            bybit = ExchangeRestProxyBuilder.forInterface(BybitV5.class, spec).build();
        }
        return bybit;
    }

    /** The timestamp of a signed request: the venue's time as the clock last measured it. */
    private long now()
    {
        return clock.millis();
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> tradedSymbols)
    {
        api();
        final List<Instrument> instruments = new ArrayList<>();
        try
        {
            // a signed call at start: keys Bybit refuses stop this venue now, not at the first order
            final SigningKey.Signing<ParamsDigest> signing = key.current();
            checked(bybit.walletBalance(signing.apiKey(), signing.signer(), now(), recvWindowMillis, "UNIFIED"));
            for (final String symbol : tradedSymbols)
            {
                final JsonNode list = checked(bybit.instruments(SPOT, venueSymbol(symbol))).path("list");
                final JsonNode instrument = list.isEmpty() ? null : list.get(0);
                if (instrument == null || !"Trading".equals(instrument.path("status").asText()))
                {
                    throw new VenueUnavailableException("venue " + venueId + ": symbol " + symbol +
                        (instrument == null ? " is not listed" : " is not trading"));
                }
                symbols.add(symbol);
                final long lot = fixed(instrument.path("lotSizeFilter").path("basePrecision").asText());
                instruments.add(new Instrument(venueId, symbol, fixed(instrument.path("priceFilter").path("tickSize").asText()),
                    lot, Math.max(lot, fixed(instrument.path("lotSizeFilter").path("minOrderQty").asText())),
                    fixed(instrument.path("lotSizeFilter").path("minOrderAmt").asText())));
            }
        }
        catch (final BybitErrors.BybitRefusal | IOException e)
        {
            // Bybit's own words and code (or HTTP status): an outage or maintenance is retried by the caller
            throw new VenueUnavailableException("venue " + venueId + " (Bybit at " + baseUrl + ") cannot be used: " +
                classify(e).reason());
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
        // Bybit: up to 36 letters, digits, - and _
        return "cfx-" + runId + "-" + orderKey + "-" + attempt;
    }

    @Override
    public ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final boolean limit = order.ordType().hasLimitPrice();
        final boolean conditional = order.ordType().hasTrigger();
        final SigningKey.Signing<ParamsDigest> signing = key.current();
        final JsonNode placed = checked(bybit.createOrder(signing.apiKey(), signing.signer(), now(), recvWindowMillis, new BybitV5.OrderRequest(
            SPOT,
            venueSymbol(order.symbol()),
            order.side() == Side.BUY ? "Buy" : "Sell",
            limit ? "Limit" : "Market",
            Fixed.toBigDecimal(order.quantity()).stripTrailingZeros().toPlainString(),
            // FIX OrderQty is in the base currency, for buys too
            limit ? null : BASE_COIN,
            limit ? Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros().toPlainString() : null,
            limit ? BybitOrderTerms.timeInForce(order) : null,
            clientOrderId,
            conditional ? Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros().toPlainString() : null,
            conditional ? BybitOrderTerms.triggerDirection(order) : null,
            conditional ? STOP_ORDER : null)));
        if (conditional)
        {
            untriggered.add(clientOrderId);
        }
        final String orderId = placed.path("orderId").asText();
        // Bybit answers a placement with its id: what it did with the order takes one more look
        final ExchangeOrder found = lookAgain(order.symbol(), orderId, clientOrderId);
        return found != null && found != NOT_SEEN ? found :
            new ExchangeOrder(orderId, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * The look after a placement or cancel Bybit took: a failure of it (a rate limit, a timestamp
     * refused, a 5xx) is no failure of the request, which must be neither refused nor sent again.
     *
     * @return the order; null when Bybit has none; {@link #NOT_SEEN} when it did not answer.
     */
    private ExchangeOrder lookAgain(final String symbol, final String venueOrderId, final String clientOrderId)
    {
        try
        {
            return find(symbol, venueOrderId, clientOrderId);
        }
        catch (final BybitErrors.BybitRefusal | IOException e)
        {
            return NOT_SEEN;
        }
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final boolean conditional = untriggered.contains(clientOrderId);
        try
        {
            cancel(symbol, venueOrderId, clientOrderId, conditional);
        }
        catch (final BybitErrors.BybitRefusal refusal)
        {
            if (refusal.code != ORDER_NOT_FOUND || !conditional)
            {
                throw refusal;
            }
            // it triggered since it was last seen, and is an ordinary order now
            untriggered.remove(clientOrderId);
            cancel(symbol, venueOrderId, clientOrderId, false);
        }
        final ExchangeOrder canceled = lookAgain(symbol, venueOrderId, clientOrderId);
        if (canceled == NOT_SEEN)
        {
            // Bybit took the cancel but did not answer the look after it: its fills up to the cancel
            // are unknown here, so the order stays followed and polling tells them and its end
            return new ExchangeOrder(venueOrderId, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return canceled != null ? canceled :
            new ExchangeOrder(venueOrderId, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private void cancel(final String symbol, final String venueOrderId, final String clientOrderId, final boolean conditional)
        throws IOException
    {
        final SigningKey.Signing<ParamsDigest> signing = key.current();
        checked(bybit.cancelOrder(signing.apiKey(), signing.signer(), now(), recvWindowMillis, new BybitV5.CancelRequest(
            SPOT, venueSymbol(symbol), venueOrderId, venueOrderId == null ? clientOrderId : null,
            conditional ? STOP_ORDER : null)));
    }

    /**
     * Open orders first (what polling asks about most), then the recently closed ones Bybit keeps in
     * real time, then the order history: after a Bybit service restart a closed order is only there.
     */
    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final String linkId = venueOrderId == null ? clientOrderId : null;
        SigningKey.Signing<ParamsDigest> signing = key.current();
        JsonNode list = checked(bybit.order(signing.apiKey(), signing.signer(), now(), recvWindowMillis, SPOT, null, venueOrderId, linkId,
            venueSymbol(symbol))).path("list");
        if (list.isEmpty())
        {
            signing = key.current();
            list = checked(bybit.order(signing.apiKey(), signing.signer(), now(), recvWindowMillis, SPOT, RECENTLY_CLOSED, venueOrderId, linkId,
                venueSymbol(symbol))).path("list");
        }
        if (list.isEmpty())
        {
            signing = key.current();
            list = checked(bybit.orderHistory(signing.apiKey(), signing.signer(), now(), recvWindowMillis, SPOT, venueOrderId, linkId,
                venueSymbol(symbol))).path("list");
        }
        if (list.isEmpty())
        {
            return null;
        }
        final ExchangeOrder found = BybitOrderStatus.read(list.get(0));
        if (BybitOrderStatus.UNTRIGGERED.equals(found.venueStatus()))
        {
            untriggered.add(clientOrderId);
        }
        else
        {
            untriggered.remove(clientOrderId);
        }
        return found;
    }

    /** The order's executions, oldest first, every page of them. */
    @Override
    public List<VenueTrade> trades(final String symbol, final ExchangeOrder order) throws IOException
    {
        final List<VenueTrade> trades = new ArrayList<>();
        String cursor = null;
        do
        {
            final SigningKey.Signing<ParamsDigest> signing = key.current();
            final JsonNode page = checked(bybit.executions(signing.apiKey(), signing.signer(), now(), recvWindowMillis, SPOT, cursor,
                TRADES_PER_PAGE, order.venueOrderId(), venueSymbol(symbol)));
            for (final JsonNode execution : page.path("list"))
            {
                final String feeCurrency = execution.path("feeCurrency").asText("");
                trades.add(new VenueTrade(execution.path("execId").asText(), decimal(execution.path("execQty").asText()),
                    decimal(execution.path("execPrice").asText()), decimal(execution.path("execFee").asText()),
                    feeCurrency.isEmpty() ? null : feeCurrency));
            }
            cursor = page.path("nextPageCursor").asText("");
        }
        while (!cursor.isEmpty());
        // Bybit lists the newest first
        Collections.reverse(trades);
        return trades;
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        for (final String symbol : symbols)
        {
            // without ids Bybit lists the symbol's open orders, conditional ones included
            final SigningKey.Signing<ParamsDigest> signing = key.current();
            for (final JsonNode order : checked(bybit.order(signing.apiKey(), signing.signer(), now(), recvWindowMillis, SPOT, null, null, null,
                venueSymbol(symbol))).path("list"))
            {
                open.add(BybitOrderStatus.read(order));
            }
        }
        return open;
    }

    /**
     * Each symbol's book near the touch from {@code GET /v5/market/orderbook} with {@code limit}
     * {@link MarketDepth#LEVELS}: one request per symbol, as Bybit has no book of several symbols in
     * one call. A refusal (e.g. retCode 10001 for a symbol Bybit no longer lists) fails the whole
     * read: the venue logs it and reads again at the next poll.
     */
    @Override
    public Map<String, MarketDepth> marketDepth() throws IOException
    {
        final Map<String, MarketDepth> books = new HashMap<>();
        for (final String symbol : symbols)
        {
            final JsonNode book = checked(bybit.orderbook(SPOT, MarketDepth.LEVELS, venueSymbol(symbol)));
            // an answer without a book says nothing of the book: the symbol is left out, not told empty
            if (book.has("b") && book.has("a"))
            {
                books.put(symbol, new MarketDepth(side(book.path("b")), side(book.path("a"))));
            }
        }
        return books;
    }

    /** One side of a Bybit book, {@code [price, size]} a level. */
    private static long[] side(final JsonNode levels)
    {
        final List<List<String>> text = new ArrayList<>(levels.size());
        for (final JsonNode level : levels)
        {
            text.add(List.of(level.path(0).asText(), level.path(1).asText()));
        }
        return MarketDepth.side(text);
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        final SigningKey.Signing<ParamsDigest> signing = key.current();
        for (final JsonNode account : checked(bybit.walletBalance(signing.apiKey(), signing.signer(), now(), recvWindowMillis, "UNIFIED"))
            .path("list"))
        {
            for (final JsonNode coin : account.path("coin"))
            {
                balances.put(coin.path("coin").asText(), decimal(coin.path("walletBalance").asText()));
            }
        }
        return balances;
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        return BybitErrors.classify(failure);
    }

    private static JsonNode checked(final BybitV5.Result result)
    {
        if (result.retCode() != 0)
        {
            throw new BybitErrors.BybitRefusal(result.retCode(), result.retMsg());
        }
        return result.result();
    }

    private static String venueSymbol(final String symbol)
    {
        return symbol.replace("/", "");
    }

    private static BigDecimal decimal(final String value)
    {
        return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static long fixed(final String value)
    {
        return Fixed.fromBigDecimal(decimal(value).stripTrailingZeros());
    }
}
