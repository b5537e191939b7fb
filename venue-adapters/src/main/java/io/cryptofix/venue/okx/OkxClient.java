package io.cryptofix.venue.okx;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Instrument;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeClient;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.XChangeSupport;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import org.knowm.xchange.okex.OkexAuthenticated;
import org.knowm.xchange.okex.OkexExchange;
import org.knowm.xchange.okex.dto.OkexException;
import org.knowm.xchange.okex.dto.account.OkexWalletBalance;
import org.knowm.xchange.okex.dto.marketdata.OkexInstrument;
import org.knowm.xchange.okex.dto.marketdata.OkexTicker;
import org.knowm.xchange.okex.service.OkexDigest;
import org.knowm.xchange.okex.service.OkexMarketDataServiceRaw;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.cryptofix.venue.okx.OkxAccess.timestamp;
import static io.cryptofix.venue.okx.OkxFormat.decimal;
import static io.cryptofix.venue.okx.OkxFormat.fixed;
import static io.cryptofix.venue.okx.OkxFormat.instId;
import static io.cryptofix.venue.okx.OkxRefusal.ORDER_DOES_NOT_EXIST;
import static io.cryptofix.venue.okx.OkxRefusal.checked;

/**
 * OKX spot (cash) through XChange's okex binding: market, limit, post-only, IOC and FOK order types
 * ({@link OkxOrders}), and native stops as one-way conditional algo orders ({@link OkxAlgoOrders}).
 * GTD, Day and amend are the gateway's. Orders and algo orders go through {@link OkxOrderEntry} (see
 * there why); everything else uses XChange's own OKX interface and signer. This class connects,
 * reads the instrument rules, prices and balances, tells an order from an algo order, and
 * classifies OKX's errors. XChange's remote metadata load, which needs several account endpoints,
 * is off: the instrument rules come from {@code /public/instruments} directly.
 */
public final class OkxClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
    private static final String ALGO_CANCEL_FAILED = "51400";
    private static final long DEFAULT_BACKOFF_MILLIS = 2_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final String apiKey;
    private final String secretKey;
    private final String passphrase;
    private final String runId;
    // "1": OKX's demo trading; "0": the live market
    private final String simulated;
    private OkexAuthenticated okx;
    private OkxAccess access;
    private OkxOrders orders;
    private OkxAlgoOrders algoOrders;
    private OkexMarketDataServiceRaw marketData;
    private final List<String> symbols = new ArrayList<>();

    public OkxClient(
        final String baseUrl, final String apiKey, final String secretKey, final String passphrase, final String runId,
        final boolean demoTrading)
    {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        this.passphrase = passphrase;
        this.runId = runId;
        this.simulated = demoTrading ? "1" : "0";
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> tradedSymbols)
    {
        final ExchangeSpecification spec = new OkexExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        spec.setApiKey(apiKey);
        spec.setSecretKey(secretKey);
        spec.setExchangeSpecificParametersItem(OkexExchange.PARAM_PASSPHRASE, passphrase);
        spec.setExchangeSpecificParametersItem(OkexExchange.PARAM_SIMULATED, simulated);
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        spec.getResilience().setRetryEnabled(false);
        final List<OkexInstrument> listed;
        try
        {
            final Exchange exchange = ExchangeFactory.INSTANCE.createExchange(spec);
            okx = ExchangeRestProxyBuilder.forInterface(OkexAuthenticated.class, spec).build();
            final OkxOrderEntry orderEntry = ExchangeRestProxyBuilder.forInterface(OkxOrderEntry.class, spec).build();
            access = new OkxAccess(apiKey, OkexDigest.createInstance(secretKey), passphrase, simulated);
            orders = new OkxOrders(access, okx, orderEntry, this::find);
            algoOrders = new OkxAlgoOrders(access, orderEntry, orders);
            marketData = (OkexMarketDataServiceRaw)exchange.getMarketDataService();
            listed = marketData.getOkexInstruments("SPOT", null, null).getData();
            // a signed call at start: keys OKX refuses stop this venue now, not at the first order
            checked(okx.getWalletBalances(null, access.apiKey(), access.signer(), timestamp(), access.passphrase(),
                access.simulated()));
        }
        catch (final RuntimeException | IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (OKX at " + baseUrl + ") cannot be used: " +
                XChangeSupport.describe(e));
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

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        return orders.open();
    }

    @Override
    public Map<String, long[]> bestBidAndAsk() throws IOException
    {
        final Map<String, long[]> prices = new HashMap<>();
        for (final String symbol : symbols)
        {
            final List<OkexTicker> tickers = marketData.getOkexTicker(instId(symbol)).getData();
            if (!tickers.isEmpty())
            {
                prices.put(symbol, new long[] {fixed(tickers.get(0).getBidPrice()), fixed(tickers.get(0).getAskPrice())});
            }
        }
        return prices;
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        for (final OkexWalletBalance wallet : checked(okx.getWalletBalances(null, access.apiKey(), access.signer(),
            timestamp(), access.passphrase(), access.simulated())))
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
        final String code = failure instanceof OkxRefusal refusal ? refusal.code :
            // XChange's OkexException keeps OKX's code private; its toString is "code:message"
            failure instanceof OkexException okex ? okex.toString().split(":", 2)[0] : "";
        final int status = failure instanceof OkexException okex ? okex.getHttpStatusCode() :
            failure instanceof HttpStatusIOException http ? http.getHttpStatusCode() : 0;
        final String reason = failure.getMessage() + (code.isEmpty() ? "" : " (" + code + ")");
        if ("50011".equals(code) || "50061".equals(code) || status == 429)
        {
            return new VenueError(VenueError.Kind.RATE_LIMITED, reason, DEFAULT_BACKOFF_MILLIS);
        }
        if (ORDER_DOES_NOT_EXIST.equals(code) || ALGO_CANCEL_FAILED.equals(code) || "51401".equals(code))
        {
            return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
        }
        if ("50001".equals(code) || "50013".equals(code) || status >= 500)
        {
            // OKX's "service temporarily unavailable" and "system busy": it may or may not have acted
            return VenueError.ambiguous(reason);
        }
        if (failure instanceof OkxRefusal || failure instanceof OkexException || status >= 400)
        {
            return VenueError.rejected(reason);
        }
        return VenueError.ambiguous(XChangeSupport.describe(failure));
    }
}
