package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.config.ExchangeVenueConfig;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.MarketDepth;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.Credentials;
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
import org.knowm.xchange.okex.OkexAuthenticated;
import org.knowm.xchange.okex.OkexExchange;
import org.knowm.xchange.okex.dto.OkexException;
import org.knowm.xchange.okex.dto.account.OkexWalletBalance;
import org.knowm.xchange.okex.dto.marketdata.OkexInstrument;
import org.knowm.xchange.okex.service.OkexDigest;
import org.knowm.xchange.okex.service.OkexMarketDataServiceRaw;
import si.mazi.rescu.HttpStatusIOException;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import static io.cryptofix.venue.okx.OkxFormat.decimal;
import static io.cryptofix.venue.okx.OkxFormat.fixed;
import static io.cryptofix.venue.okx.OkxFormat.instId;
import static io.cryptofix.venue.okx.OkxRefusal.ORDER_DOES_NOT_EXIST;
import static io.cryptofix.venue.okx.OkxRefusal.checked;

/**
 * OKX spot (cash) through XChange's okex binding: market, limit, post-only, IOC and FOK order types
 * ({@link OkxOrders}), and native stops as one-way conditional algo orders ({@link OkxAlgoOrders}).
 * GTD, Day and amend are the gateway's. Orders, algo orders, fills ({@link OkxFills}), the book and
 * OKX's time go through {@link OkxOrderEntry} (see there why); everything else uses XChange's own OKX
 * interface and signer. Every signed request is stamped with the venue's clock given to
 * {@link #configure}; the venue's settings choose demo trading. This class connects, reads the
 * instrument rules, the book near the touch and balances, tells an order from an algo order, and
 * classifies OKX's errors by OKX's codes ({@link OkxOrderStates} reads its order states). XChange's
 * remote metadata load, which needs several account endpoints (some missing in demo trading), is
 * off: the instrument rules come from {@code /public/instruments} directly.
 */
public final class OkxClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
    private static final String ALGO_CANCEL_FAILED = "51400";
    /** OKX refuses a request stamped more than 30 seconds from its clock with this code. */
    private static final String TIMESTAMP_EXPIRED = "50102";
    private static final String SERVICE_UNAVAILABLE = "50001";
    private static final String SYSTEM_BUSY = "50013";
    private static final String SYSTEM_ERROR = "50026";
    private static final String ENDPOINT_TIMEOUT = "50004";
    private static final long DEFAULT_BACKOFF_MILLIS = 2_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final VenueKeys keys;
    private final String runId;
    // "1": OKX's demo trading; "0": the live market
    private String simulated;
    // the venue's time every signed request is stamped with; the host's until configured
    private LongSupplier venueClock = System::currentTimeMillis;
    private OkxOrderEntry orderEntry;
    private OkexAuthenticated okx;
    private OkxAccess access;
    private OkxOrders orders;
    private OkxAlgoOrders algoOrders;
    private OkxFills fills;
    private final List<String> symbols = new ArrayList<>();

    public OkxClient(
        final String baseUrl, final String apiKey, final String secretKey, final String passphrase, final String runId,
        final boolean demoTrading)
    {
        this(baseUrl, VenueKeys.fixed(apiKey, secretKey, passphrase), runId, demoTrading);
    }

    /**
     * @param keys         the key, secret and passphrase to sign with, read again when an operator rotates them.
     * @param runId        short id unique to this gateway start, part of every client order id.
     * @param demoTrading  OKX's demo trading rather than the live market.
     */
    public OkxClient(final String baseUrl, final VenueKeys keys, final String runId, final boolean demoTrading)
    {
        this.baseUrl = baseUrl;
        this.keys = keys;
        this.runId = runId;
        this.simulated = demoTrading ? "1" : "0";
    }

    /** Demo trading when the venue's settings say testnet; requests are stamped with the venue's clock. */
    @Override
    public void configure(final ExchangeVenueConfig config, final VenueClock clock)
    {
        if (config.testnet())
        {
            simulated = "1";
        }
        venueClock = clock::millis;
    }

    /** OKX's own clock, from {@code /public/time}; may be read before {@link #connect}. */
    @Override
    public long serverTimeMillis() throws IOException
    {
        final List<JsonNode> time = checked(orderEntry().serverTime());
        if (time == null || time.isEmpty() || !time.get(0).hasNonNull("ts"))
        {
            throw new OkxRefusal("", "no time in OKX's answer to /public/time");
        }
        return Long.parseLong(time.get(0).path("ts").asText());
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> tradedSymbols)
    {
        final List<OkexInstrument> listed;
        try
        {
            final ExchangeSpecification spec = specification();
            final Exchange exchange = ExchangeFactory.INSTANCE.createExchange(spec);
            okx = ExchangeRestProxyBuilder.forInterface(OkexAuthenticated.class, spec).build();
            access = new OkxAccess(new SigningKey<>(keys, OkexDigest::createInstance), simulated, venueClock);
            orders = new OkxOrders(access, okx, orderEntry(), this::find);
            algoOrders = new OkxAlgoOrders(access, orderEntry(), orders);
            fills = new OkxFills(access, orderEntry());
            final OkexMarketDataServiceRaw marketData = (OkexMarketDataServiceRaw)exchange.getMarketDataService();
            listed = marketData.getOkexInstruments("SPOT", null, null).getData();
            // a signed call at start: keys OKX refuses stop this venue now, not at the first order
            final SigningKey.Signing<ParamsDigest> signing = access.signing();
            checked(okx.getWalletBalances(null, signing.apiKey(), signing.signer(), access.timestamp(), signing.passphrase(),
                access.simulated()));
        }
        catch (final RuntimeException | IOException e)
        {
            // OKX's words and code (e.g. "Service temporarily unavailable. ... (50001)"), never a secret
            throw new VenueUnavailableException("venue " + venueId + " (OKX at " + baseUrl + ") cannot be used: " +
                classify(e).reason());
        }
        final List<Instrument> instruments = new ArrayList<>();
        for (final String symbol : tradedSymbols)
        {
            final OkexInstrument instrument = listed.stream()
                .filter(candidate -> candidate.getInstrumentId().equals(instId(symbol))).findFirst().orElse(null);
            if (instrument == null || !"live".equals(instrument.getState()))
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + symbol +
                    (instrument == null ? " is not listed" : " is not live"));
            }
            symbols.add(symbol);
            final long lot = fixed(instrument.getLotSize());
            instruments.add(new Instrument(venueId, symbol, fixed(instrument.getTickSize()), lot,
                Math.max(lot, fixed(instrument.getMinSize())), 0));
        }
        return instruments;
    }

    /**
     * XChange's settings for OKX: this base URL, demo trading or not, no remote metadata load (it
     * needs account endpoints, and demo trading lacks some), no retries (a resent order is a second one).
     */
    private ExchangeSpecification specification()
    {
        final ExchangeSpecification spec = new OkexExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        // XChange's own OKX services make their signers from these when built; only the public
        // instrument list is read through them, every signed call takes the key current at that call
        final Credentials credentials = keys.current();
        spec.setApiKey(credentials.apiKey());
        spec.setSecretKey(credentials.secretKey());
        spec.setExchangeSpecificParametersItem(OkexExchange.PARAM_PASSPHRASE, credentials.passphrase());
        spec.setExchangeSpecificParametersItem(OkexExchange.PARAM_SIMULATED, simulated);
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        spec.getResilience().setRetryEnabled(false);
        return spec;
    }

    /** The calls declared here on XChange's REST layer; built on first use, before connect for the time. */
    private OkxOrderEntry orderEntry()
    {
        if (orderEntry == null)
        {
            orderEntry = ExchangeRestProxyBuilder.forInterface(OkxOrderEntry.class, specification()).build();
        }
        return orderEntry;
    }

    @Override
    public VenueCapabilities capabilities()
    {
        return CAPABILITIES;
    }

    @Override
    public String clientOrderId(final long orderKey, final int attempt)
    {
        // OKX: 1-32 letters and digits, starting with a letter
        return "cfx" + runId + "o" + orderKey + "p" + attempt;
    }

    @Override
    public ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        if (order.ordType().hasTrigger())
        {
            return algoOrders.place(order, clientOrderId);
        }
        return orders.place(order, clientOrderId);
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        if (algoOrders.isAlgo(clientOrderId))
        {
            return algoOrders.cancel(symbol, clientOrderId);
        }
        return orders.cancel(symbol, venueOrderId, clientOrderId);
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        if (algoOrders.isAlgo(clientOrderId))
        {
            return algoOrders.find(symbol, clientOrderId);
        }
        final ExchangeOrder order = orders.find(symbol, venueOrderId, clientOrderId);
        if (order != null || clientOrderId == null)
        {
            return order;
        }
        return algoOrders.findPlacedBeforeRestart(symbol, clientOrderId);
    }

    /** The order's trades from OKX's fills; an algo order's are those of the order it placed. */
    @Override
    public List<VenueTrade> trades(final String symbol, final ExchangeOrder order) throws IOException
    {
        final String ordId = algoOrders.isAlgo(order.clientOrderId()) ?
            algoOrders.placedOrderId(order.clientOrderId()) : order.venueOrderId();
        return ordId == null || ordId.isEmpty() ? List.of() : fills.of(symbol, ordId);
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        return orders.open();
    }

    /**
     * Each symbol's book near the touch from {@code GET /market/books} with {@code sz}
     * {@link MarketDepth#LEVELS}: one request per symbol, as OKX has no book of several instruments
     * in one call. In demo trading the book is demo trading's own, the one its orders trade against.
     * A refusal (e.g. 51001 for an instrument OKX no longer lists) fails the whole read: the venue
     * logs it and reads again at the next poll.
     */
    @Override
    public Map<String, MarketDepth> marketDepth() throws IOException
    {
        final Map<String, MarketDepth> books = new HashMap<>();
        for (final String symbol : symbols)
        {
            final List<JsonNode> data = checked(orderEntry().books(simulated, instId(symbol), MarketDepth.LEVELS));
            // an answer without a book says nothing of the book: the symbol is left out, not told empty
            if (data != null && !data.isEmpty() && data.get(0).has("bids") && data.get(0).has("asks"))
            {
                books.put(symbol, new MarketDepth(side(data.get(0).path("bids")), side(data.get(0).path("asks"))));
            }
        }
        return books;
    }

    /** One side of an OKX book, {@code [px, sz, "0", orders]} a level: the price and size are kept. */
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
        final SigningKey.Signing<ParamsDigest> signing = access.signing();
        for (final OkexWalletBalance wallet : checked(okx.getWalletBalances(null, signing.apiKey(), signing.signer(),
            access.timestamp(), signing.passphrase(), access.simulated())))
        {
            for (final OkexWalletBalance.Detail detail : wallet.getDetails())
            {
                balances.put(detail.getCurrency(), decimal(detail.getAvailableBalance()));
            }
        }
        return balances;
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        // XChange's market data service wraps OKX's answer in an ExchangeException "code:message"
        if (failure.getCause() instanceof OkexException || failure.getCause() instanceof HttpStatusIOException)
        {
            return classify((Exception)failure.getCause());
        }
        final String code = failure instanceof OkxRefusal refusal ? refusal.code :
            // XChange's OkexException keeps OKX's code private; its toString is "code:message"
            failure instanceof OkexException okex ? okex.toString().split(":", 2)[0] : "";
        final int status = failure instanceof OkexException okex ? okex.getHttpStatusCode() :
            failure instanceof HttpStatusIOException http ? http.getHttpStatusCode() : 0;
        final String reason = reason(failure, code, status);
        if (TIMESTAMP_EXPIRED.equals(code))
        {
            // nothing happened: the request may go again once the clock is measured
            return VenueError.clock(reason);
        }
        if (SERVICE_UNAVAILABLE.equals(code) || SYSTEM_BUSY.equals(code) || SYSTEM_ERROR.equals(code) ||
            ENDPOINT_TIMEOUT.equals(code) || status >= 500)
        {
            // OKX may or may not have acted (50013 comes with HTTP 429, and is no rate limit of ours)
            return VenueError.ambiguous(reason);
        }
        if ("50011".equals(code) || "50061".equals(code) || status == 429)
        {
            return new VenueError(VenueError.Kind.RATE_LIMITED, reason, DEFAULT_BACKOFF_MILLIS);
        }
        if (ORDER_DOES_NOT_EXIST.equals(code) || ALGO_CANCEL_FAILED.equals(code) || "51401".equals(code) ||
            "51402".equals(code))
        {
            return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
        }
        if (failure instanceof OkxRefusal || failure instanceof OkexException || status >= 400)
        {
            return VenueError.rejected(reason);
        }
        return VenueError.ambiguous(XChangeSupport.describe(failure));
    }

    /** OKX's words and code, e.g. "Timestamp request expired (50102)"; an answer without them by its HTTP status. */
    private static String reason(final Exception failure, final String code, final int status)
    {
        if (!code.isEmpty() && !"0".equals(code))
        {
            return failure.getMessage() + " (" + code + ")";
        }
        if (status > 0)
        {
            return "HTTP " + status + " from OKX, no OKX error code in the answer";
        }
        return XChangeSupport.describe(failure);
    }
}
