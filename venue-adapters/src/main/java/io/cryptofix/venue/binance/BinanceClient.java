package io.cryptofix.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
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
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binance spot on XChange's REST layer and Binance signer ({@link BinanceSpotApi}): market, limit
 * and post-only (LIMIT_MAKER) orders, GTC, IOC and FOK, and native stops: Stop as STOP_LOSS,
 * StopLimit as STOP_LOSS_LIMIT, MarketIfTouched as TAKE_PROFIT, held and triggered by Binance. GTD,
 * Day and amend are left to the gateway's emulation. Every call is under {@code /api}, so the
 * Spot Test Network ({@code testnet: true}) serves all of them. Signed requests take their
 * timestamp from the {@link VenueClock} given to {@link #configure}. This class connects, reads the
 * time, the book near the touch and balances; the instrument rules come from
 * {@link BinanceInstruments}, orders and trades go through {@link BinanceOrders}, errors are read by
 * {@link BinanceErrors}.
 */
public final class BinanceClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    /** Binance's own default, until {@link #configure} says otherwise. */
    private static final long DEFAULT_RECV_WINDOW_MILLIS = 5_000;

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final VenueKeys keys;
    private final String runId;
    private final BinanceSpotApi api;
    private VenueClock clock = new VenueClock(System::currentTimeMillis);
    private long recvWindowMillis = DEFAULT_RECV_WINDOW_MILLIS;
    private BinanceAccess access;
    private BinanceOrders orders;
    // BTCUSDT to BTC/USDT, for the symbols to trade
    private final Map<String, String> traded = new LinkedHashMap<>();

    /**
     * @param runId  short id unique to this gateway start, part of every client order id.
     */
    public BinanceClient(final String baseUrl, final String apiKey, final String secretKey, final String runId)
    {
        this(baseUrl, VenueKeys.fixed(apiKey, secretKey, null), runId);
    }

    /**
     * @param keys   the keys to sign with, read again when an operator rotates them.
     * @param runId  short id unique to this gateway start, part of every client order id.
     */
    public BinanceClient(final String baseUrl, final VenueKeys keys, final String runId)
    {
        this.baseUrl = baseUrl;
        this.keys = keys;
        this.runId = runId;
        final ExchangeSpecification spec = new BinanceExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        this.api = ExchangeRestProxyBuilder.forInterface(BinanceSpotApi.class, spec).build();
    }

    @Override
    public void configure(final ExchangeVenueConfig config, final VenueClock venueClock)
    {
        // testnet needs nothing of its own here: every call is under /api, which the Spot Test Network serves
        this.clock = venueClock;
        this.recvWindowMillis = config.recvWindowMillis();
    }

    @Override
    public long serverTimeMillis() throws IOException
    {
        return api.time().path("serverTime").asLong();
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> symbols)
    {
        access = new BinanceAccess(api, keys, clock, recvWindowMillis);
        final BinanceExchangeInfo info;
        try
        {
            info = api.exchangeInfo();
            // a signed call at start: keys or a clock Binance refuses stop this venue now, not at the first order
            final SigningKey.Signing<ParamsDigest> signing = access.signing();
            api.account(access.recvWindow, access.timestamp, signing.apiKey(), signing.signer());
        }
        catch (final RuntimeException | IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (Binance at " + baseUrl + ") cannot be used: " +
                BinanceErrors.classify(e).reason());
        }
        orders = new BinanceOrders(access);
        traded.clear();
        for (final String symbol : symbols)
        {
            traded.put(BinanceOrders.symbol(symbol), symbol);
        }
        return BinanceInstruments.rules(venueId, symbols, info);
    }

    @Override
    public VenueCapabilities capabilities()
    {
        return CAPABILITIES;
    }

    @Override
    public String clientOrderId(final long orderKey, final int attempt)
    {
        // ^[a-zA-Z0-9-_]{1,36}$ at Binance; the run id keeps ids unique across gateway restarts
        return "cfx-" + runId + "-" + orderKey + "-" + attempt;
    }

    @Override
    public ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        return orders.place(order, clientOrderId);
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        return orders.cancel(symbol, venueOrderId, clientOrderId);
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        return orders.find(symbol, venueOrderId, clientOrderId);
    }

    @Override
    public List<VenueTrade> trades(final String symbol, final ExchangeOrder order) throws IOException
    {
        return orders.trades(symbol, order);
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        return orders.open(traded.values());
    }

    /** A book request of up to 100 levels weighs 5 against Binance's request weight limit. */
    @Override
    public int marketDepthCost(final int symbols)
    {
        return 5 * symbols;
    }

    /**
     * {@code GET /api/v3/depth?symbol=&limit=20} for each symbol to trade, one request (weight 5)
     * each: Binance tells the book of one symbol at a time. A refusal for one symbol fails the whole
     * read; the poller logs it and reads again at its next turn.
     */
    @Override
    public Map<String, MarketDepth> marketDepth() throws IOException
    {
        final Map<String, MarketDepth> books = new LinkedHashMap<>();
        for (final Map.Entry<String, String> symbol : traded.entrySet())
        {
            final JsonNode book = api.depth(symbol.getKey(), MarketDepth.LEVELS);
            books.put(symbol.getValue(), new MarketDepth(side(book.path("bids")), side(book.path("asks"))));
        }
        return books;
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        for (final JsonNode balance : api.account(access.recvWindow, access.timestamp, signing.apiKey(), signing.signer())
            .path("balances"))
        {
            balances.put(balance.path("asset").asText(), new BigDecimal(balance.path("free").asText("0")));
        }
        return balances;
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        return BinanceErrors.classify(failure);
    }

    /** One side of Binance's book, {@code [["price","qty"], ...]} as decimal text, best first. */
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
}
