package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
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
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.account.OkexWalletBalance;
import org.knowm.xchange.okex.dto.marketdata.OkexInstrument;
import org.knowm.xchange.okex.dto.marketdata.OkexTicker;
import org.knowm.xchange.okex.dto.trade.OkexCancelOrderRequest;
import org.knowm.xchange.okex.dto.trade.OkexOrderDetails;
import org.knowm.xchange.okex.dto.trade.OkexOrderResponse;
import org.knowm.xchange.okex.service.OkexDigest;
import org.knowm.xchange.okex.service.OkexMarketDataServiceRaw;
import org.knowm.xchange.utils.DateUtils;
import si.mazi.rescu.HttpStatusIOException;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OKX spot (cash) through XChange's okex binding: market, limit, post-only, IOC and FOK order types,
 * and native stops as one-way conditional algo orders (Stop and StopLimit as stop-loss,
 * MarketIfTouched as take-profit). GTD, Day and amend are the gateway's. Orders and algo orders go
 * through {@link OkxOrderEntry} (see there why); everything else uses XChange's own OKX interface
 * and signer. XChange's remote metadata load, which needs several account endpoints, is off: the
 * instrument rules come from {@code /public/instruments} directly.
 *
 * <p>An algo order is known by its {@code algoClOrdId} (the client order id) and {@code algoId} (the
 * venue order id told to the gateway). Once triggered it places an ordinary order, whose state and
 * fills are then the algo order's.
 */
public final class OkxClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
    private static final String SUCCESS = "0";
    private static final String ORDER_DOES_NOT_EXIST = "51603";
    private static final String ALGO_CANCEL_FAILED = "51400";
    private static final String MARKET_PRICE = "-1";
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
    // client order ids of the algo orders placed in this run: their state is the algo order's
    private final Set<String> algoOrders = new HashSet<>();
    private OkexAuthenticated okx;
    private OkxOrderEntry orderEntry;
    private ParamsDigest signer;
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
            orderEntry = ExchangeRestProxyBuilder.forInterface(OkxOrderEntry.class, spec).build();
            signer = OkexDigest.createInstance(secretKey);
            marketData = (OkexMarketDataServiceRaw)exchange.getMarketDataService();
            listed = marketData.getOkexInstruments("SPOT", null, null).getData();
            // a signed call at start: keys OKX refuses stop this venue now, not at the first order
            checked(okx.getWalletBalances(null, apiKey, signer, timestamp(), passphrase, simulated));
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
            return placeAlgo(order, clientOrderId);
        }
        final boolean market = order.ordType() == OrdType.MARKET;
        final OkexResponse<List<OkexOrderResponse>> response = orderEntry.placeOrder(apiKey, signer, timestamp(),
            passphrase, simulated, new OkxOrderRequest(
                instId(order.symbol()),
                "cash",
                clientOrderId,
                order.side() == Side.BUY ? "buy" : "sell",
                market ? "market" : ordType(order),
                Fixed.toBigDecimal(order.quantity()).stripTrailingZeros().toPlainString(),
                market ? null : Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros().toPlainString()));
        final OkexOrderResponse placed = accepted(response);
        // OKX answers a placement with its id: what it did with the order takes one more look
        final ExchangeOrder found = find(order.symbol(), placed.getOrderId(), clientOrderId);
        return found != null ? found :
            new ExchangeOrder(placed.getOrderId(), clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private ExchangeOrder placeAlgo(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final String trigger = Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros().toPlainString();
        final String orderPrice = order.ordType().hasLimitPrice() ?
            Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros().toPlainString() : MARKET_PRICE;
        final boolean takeProfit = order.ordType() == OrdType.MARKET_IF_TOUCHED;
        // recorded before the request leaves: an answer lost on the way is looked up as an algo order
        algoOrders.add(clientOrderId);
        final JsonNode placed = acceptedAlgo(orderEntry.placeAlgoOrder(apiKey, signer, timestamp(), passphrase, simulated,
            new OkxAlgoOrderRequest(
                instId(order.symbol()),
                "cash",
                clientOrderId,
                order.side() == Side.BUY ? "buy" : "sell",
                "conditional",
                Fixed.toBigDecimal(order.quantity()).stripTrailingZeros().toPlainString(),
                takeProfit ? null : trigger,
                takeProfit ? null : orderPrice,
                takeProfit ? trigger : null,
                takeProfit ? orderPrice : null)));
        return new ExchangeOrder(placed.path("algoId").asText(), clientOrderId, ExchangeOrder.State.OPEN,
            BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        if (algoOrders.contains(clientOrderId))
        {
            return cancelAlgo(symbol, clientOrderId);
        }
        return cancelOrder(symbol, venueOrderId, clientOrderId);
    }

    /** Cancels an algo order not yet triggered, or the order it placed once triggered. */
    private ExchangeOrder cancelAlgo(final String symbol, final String clientOrderId) throws IOException
    {
        final JsonNode algo = algoOrder(clientOrderId);
        if (algo == null)
        {
            throw new OkxRefusal(ORDER_DOES_NOT_EXIST, "Order does not exist");
        }
        final String placedOrderId = algo.path("ordId").asText("");
        if ("effective".equals(algo.path("state").asText()) && !placedOrderId.isEmpty())
        {
            final ExchangeOrder placed = cancelOrder(symbol, placedOrderId, null);
            return new ExchangeOrder(algo.path("algoId").asText(), clientOrderId, placed.state(), placed.executedQty(),
                placed.executedQuote());
        }
        acceptedAlgo(orderEntry.cancelAlgoOrders(apiKey, signer, timestamp(), passphrase, simulated,
            List.of(new OkxAlgoCancel(algo.path("algoId").asText(), instId(symbol)))));
        final ExchangeOrder canceled = find(symbol, algo.path("algoId").asText(), clientOrderId);
        return canceled != null ? canceled : new ExchangeOrder(algo.path("algoId").asText(), clientOrderId,
            ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private ExchangeOrder cancelOrder(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        String orderId = venueOrderId;
        if (orderId == null)
        {
            final ExchangeOrder found = find(symbol, null, clientOrderId);
            if (found == null)
            {
                throw new OkxRefusal(ORDER_DOES_NOT_EXIST, "Order does not exist");
            }
            orderId = found.venueOrderId();
        }
        // by the venue's id: XChange 5.2.0 sends the client order id of a cancel under a name OKX ignores
        accepted(okx.cancelOrder(apiKey, signer, timestamp(), passphrase, simulated,
            OkexCancelOrderRequest.builder().instrumentId(instId(symbol)).orderId(orderId).build()));
        final ExchangeOrder canceled = find(symbol, orderId, clientOrderId);
        return canceled != null ? canceled :
            new ExchangeOrder(orderId, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        if (algoOrders.contains(clientOrderId))
        {
            return findAlgo(symbol, clientOrderId);
        }
        final ExchangeOrder order = findOrder(symbol, venueOrderId, clientOrderId);
        if (order != null || clientOrderId == null || algoOrder(clientOrderId) == null)
        {
            return order;
        }
        // an algo order placed before a restart: this run learns it is one here
        algoOrders.add(clientOrderId);
        return findAlgo(symbol, clientOrderId);
    }

    /** An algo order: open until triggered, then what the order it placed is. */
    private ExchangeOrder findAlgo(final String symbol, final String clientOrderId) throws IOException
    {
        final JsonNode algo = algoOrder(clientOrderId);
        if (algo == null)
        {
            return null;
        }
        final String algoId = algo.path("algoId").asText();
        final String placedOrderId = algo.path("ordId").asText("");
        switch (algo.path("state").asText())
        {
            case "canceled":
                return new ExchangeOrder(algoId, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO,
                    BigDecimal.ZERO);
            case "order_failed":
                return new ExchangeOrder(algoId, clientOrderId, ExchangeOrder.State.REJECTED, BigDecimal.ZERO,
                    BigDecimal.ZERO);
            case "effective":
                final ExchangeOrder placed = placedOrderId.isEmpty() ? null : findOrder(symbol, placedOrderId, null);
                if (placed != null)
                {
                    return new ExchangeOrder(algoId, clientOrderId, placed.state(), placed.executedQty(),
                        placed.executedQuote());
                }
                return new ExchangeOrder(algoId, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
            default:
                return new ExchangeOrder(algoId, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    /** @return OKX's view of the algo order, or null when it has none with this client order id. */
    private JsonNode algoOrder(final String clientOrderId) throws IOException
    {
        final OkexResponse<List<JsonNode>> response = orderEntry.algoOrder(apiKey, signer, timestamp(), passphrase,
            simulated, null, clientOrderId);
        if (ORDER_DOES_NOT_EXIST.equals(response.getCode()))
        {
            return null;
        }
        final List<JsonNode> algos = checked(response);
        return algos.isEmpty() ? null : algos.get(0);
    }

    private ExchangeOrder findOrder(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final OkexResponse<List<OkexOrderDetails>> response = okx.getOrderDetails(apiKey, signer, timestamp(),
            passphrase, simulated, instId(symbol), venueOrderId, venueOrderId == null ? clientOrderId : null);
        if (ORDER_DOES_NOT_EXIST.equals(response.getCode()))
        {
            return null;
        }
        final List<OkexOrderDetails> orders = checked(response);
        if (orders.isEmpty())
        {
            return null;
        }
        final OkexOrderDetails order = orders.get(0);
        final BigDecimal filled = decimal(order.getAccumulatedFill());
        return new ExchangeOrder(order.getOrderId(), order.getClientOrderId(), state(order.getState()), filled,
            filled.multiply(decimal(order.getAverageFilledPrice())));
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        for (final OkexOrderDetails order : checked(okx.getPendingOrders(apiKey, signer, timestamp(), passphrase,
            simulated, "SPOT", null, null, null, null, null, null, null)))
        {
            final BigDecimal filled = decimal(order.getAccumulatedFill());
            open.add(new ExchangeOrder(order.getOrderId(), order.getClientOrderId(), state(order.getState()), filled,
                filled.multiply(decimal(order.getAverageFilledPrice()))));
        }
        return open;
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
        for (final OkexWalletBalance wallet : checked(okx.getWalletBalances(null, apiKey, signer, timestamp(), passphrase, simulated)))
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

    /** @return the one result of an order request, or throws the refusal OKX gave. */
    private static OkexOrderResponse accepted(final OkexResponse<List<OkexOrderResponse>> response)
    {
        final List<OkexOrderResponse> data = response.getData();
        final OkexOrderResponse result = data == null || data.isEmpty() ? null : data.get(0);
        if (result != null && !SUCCESS.equals(result.getCode()))
        {
            throw new OkxRefusal(result.getCode(), result.getMessage());
        }
        if (!SUCCESS.equals(response.getCode()) || result == null)
        {
            throw new OkxRefusal(response.getCode(), response.getMsg());
        }
        return result;
    }

    /** @return the one result of an algo order request, or throws the refusal OKX gave. */
    private static JsonNode acceptedAlgo(final OkexResponse<List<JsonNode>> response)
    {
        final List<JsonNode> data = response.getData();
        final JsonNode result = data == null || data.isEmpty() ? null : data.get(0);
        if (result != null && !SUCCESS.equals(result.path("sCode").asText(SUCCESS)))
        {
            throw new OkxRefusal(result.path("sCode").asText(), result.path("sMsg").asText());
        }
        if (!SUCCESS.equals(response.getCode()) || result == null)
        {
            throw new OkxRefusal(response.getCode(), response.getMsg());
        }
        return result;
    }

    private static <T> T checked(final OkexResponse<T> response)
    {
        if (!SUCCESS.equals(response.getCode()))
        {
            throw new OkxRefusal(response.getCode(), response.getMsg());
        }
        return response.getData();
    }

    private static ExchangeOrder.State state(final String state)
    {
        switch (state)
        {
            case "filled": return ExchangeOrder.State.FILLED;
            case "canceled":
            case "mmp_canceled": return ExchangeOrder.State.CANCELED;
            default: return ExchangeOrder.State.OPEN;
        }
    }

    private static String ordType(final VenueOrder order)
    {
        if (order.postOnly())
        {
            return "post_only";
        }
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL: return "ioc";
            case FILL_OR_KILL: return "fok";
            default: return "limit";
        }
    }

    private static String timestamp()
    {
        return DateUtils.toUTCISODateString(new Date());
    }

    private static String instId(final String symbol)
    {
        return symbol.replace('/', '-');
    }

    private static BigDecimal decimal(final String value)
    {
        return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static long fixed(final String value)
    {
        return Fixed.fromBigDecimal(decimal(value).stripTrailingZeros());
    }

    private static long fixed(final BigDecimal value)
    {
        return value == null ? 0 : Fixed.fromBigDecimal(value.stripTrailingZeros());
    }

    /** A request OKX answered with an error code in its body (HTTP 200). */
    static final class OkxRefusal extends RuntimeException
    {
        final String code;

        OkxRefusal(final String code, final String message)
        {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
