package io.cryptofix.venue.bybit;

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
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.bybit.BybitExchange;
import org.knowm.xchange.bybit.service.BybitDigest;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import si.mazi.rescu.HttpStatusIOException;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
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
 * amend are the gateway's. The client order id is {@code orderLinkId}.
 */
public final class BybitClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
    private static final String SPOT = "spot";
    private static final String STOP_ORDER = "StopOrder";
    private static final String UNTRIGGERED = "Untriggered";
    private static final int ORDER_NOT_FOUND = 170213;
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
    private final String runId;
    private final List<String> symbols = new ArrayList<>();
    // orderLinkIds of conditional orders last seen untriggered: Bybit finds those for a cancel only
    // with the StopOrder filter
    private final Set<String> untriggered = new HashSet<>();
    private BybitV5 bybit;
    private ParamsDigest signer;

    public BybitClient(final String baseUrl, final String apiKey, final String secretKey, final String runId)
    {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        this.runId = runId;
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> tradedSymbols)
    {
        final ExchangeSpecification spec = new BybitExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        bybit = ExchangeRestProxyBuilder.forInterface(BybitV5.class, spec).build();
        signer = BybitDigest.createInstance(secretKey);
        final List<Instrument> instruments = new ArrayList<>();
        try
        {
            // a signed call at start: keys Bybit refuses stop this venue now, not at the first order
            checked(bybit.walletBalance(apiKey, signer, System.currentTimeMillis(), "UNIFIED"));
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
        catch (final BybitRefusal | IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (Bybit at " + baseUrl + ") cannot be used: " +
                e.getMessage());
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
        final JsonNode placed = checked(bybit.createOrder(apiKey, signer, System.currentTimeMillis(), new BybitV5.OrderRequest(
            SPOT,
            venueSymbol(order.symbol()),
            order.side() == Side.BUY ? "Buy" : "Sell",
            limit ? "Limit" : "Market",
            Fixed.toBigDecimal(order.quantity()).stripTrailingZeros().toPlainString(),
            limit ? Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros().toPlainString() : null,
            limit ? timeInForce(order) : null,
            clientOrderId,
            conditional ? Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros().toPlainString() : null,
            conditional ? triggerDirection(order) : null,
            conditional ? STOP_ORDER : null)));
        if (conditional)
        {
            untriggered.add(clientOrderId);
        }
        final String orderId = placed.path("orderId").asText();
        // Bybit answers a placement with its id: what it did with the order takes one more look
        final ExchangeOrder found = find(order.symbol(), orderId, clientOrderId);
        return found != null ? found :
            new ExchangeOrder(orderId, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
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
        catch (final BybitRefusal refusal)
        {
            if (refusal.code != ORDER_NOT_FOUND || !conditional)
            {
                throw refusal;
            }
            // it triggered since it was last seen, and is an ordinary order now
            untriggered.remove(clientOrderId);
            cancel(symbol, venueOrderId, clientOrderId, false);
        }
        final ExchangeOrder canceled = find(symbol, venueOrderId, clientOrderId);
        return canceled != null ? canceled :
            new ExchangeOrder(venueOrderId, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private void cancel(final String symbol, final String venueOrderId, final String clientOrderId, final boolean conditional)
        throws IOException
    {
        checked(bybit.cancelOrder(apiKey, signer, System.currentTimeMillis(), new BybitV5.CancelRequest(
            SPOT, venueSymbol(symbol), venueOrderId, venueOrderId == null ? clientOrderId : null,
            conditional ? STOP_ORDER : null)));
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final JsonNode list = checked(bybit.order(apiKey, signer, System.currentTimeMillis(), SPOT, venueOrderId,
            venueOrderId == null ? clientOrderId : null, venueSymbol(symbol))).path("list");
        if (list.isEmpty())
        {
            return null;
        }
        final JsonNode order = list.get(0);
        final String status = order.path("orderStatus").asText();
        if (UNTRIGGERED.equals(status))
        {
            untriggered.add(clientOrderId);
        }
        else
        {
            untriggered.remove(clientOrderId);
        }
        final BigDecimal filled = decimal(order.path("cumExecQty").asText());
        return new ExchangeOrder(order.path("orderId").asText(), order.path("orderLinkId").asText(),
            state(status), filled, decimal(order.path("cumExecValue").asText()));
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        for (final String symbol : symbols)
        {
            // without ids Bybit lists the symbol's open orders, conditional ones included
            for (final JsonNode order : checked(bybit.order(apiKey, signer, System.currentTimeMillis(), SPOT, null, null,
                venueSymbol(symbol))).path("list"))
            {
                open.add(new ExchangeOrder(order.path("orderId").asText(), order.path("orderLinkId").asText(),
                    state(order.path("orderStatus").asText()), decimal(order.path("cumExecQty").asText()),
                    decimal(order.path("cumExecValue").asText())));
            }
        }
        return open;
    }

    @Override
    public Map<String, long[]> bestBidAndAsk() throws IOException
    {
        final Map<String, long[]> prices = new HashMap<>();
        for (final String symbol : symbols)
        {
            final JsonNode list = checked(bybit.tickers(SPOT, venueSymbol(symbol))).path("list");
            if (!list.isEmpty())
            {
                prices.put(symbol, new long[] {
                    fixed(list.get(0).path("bid1Price").asText()), fixed(list.get(0).path("ask1Price").asText())});
            }
        }
        return prices;
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        for (final JsonNode account : checked(bybit.walletBalance(apiKey, signer, System.currentTimeMillis(), "UNIFIED"))
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
        if (failure instanceof BybitRefusal refusal)
        {
            final String reason = refusal.getMessage() + " (" + refusal.code + ")";
            switch (refusal.code)
            {
                case 10006:
                case 10018:
                    return new VenueError(VenueError.Kind.RATE_LIMITED, reason, DEFAULT_BACKOFF_MILLIS);
                case 110001:
                case 170213:
                    return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
                case 10000:
                case 10016:
                    // Bybit's "server timeout" and "internal error": it may or may not have acted
                    return VenueError.ambiguous(reason);
                default:
                    return VenueError.rejected(reason);
            }
        }
        if (failure instanceof HttpStatusIOException http)
        {
            final int status = http.getHttpStatusCode();
            if (status == 429 || status == 403)
            {
                // Bybit answers 403 when an IP exceeds its request limit
                return new VenueError(VenueError.Kind.RATE_LIMITED, "HTTP " + status, DEFAULT_BACKOFF_MILLIS);
            }
            return status >= 500 ? VenueError.ambiguous("HTTP " + status) : VenueError.rejected("HTTP " + status);
        }
        return VenueError.ambiguous(failure.getClass().getSimpleName() +
            (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    private static JsonNode checked(final BybitV5.Result result)
    {
        if (result.retCode() != 0)
        {
            throw new BybitRefusal(result.retCode(), result.retMsg());
        }
        return result.result();
    }

    private static ExchangeOrder.State state(final String status)
    {
        switch (status)
        {
            case "Filled": return ExchangeOrder.State.FILLED;
            case "Cancelled":
            case "PartiallyFilledCanceled":
            case "Deactivated": return ExchangeOrder.State.CANCELED;
            case "Rejected": return ExchangeOrder.State.REJECTED;
            default: return ExchangeOrder.State.OPEN;
        }
    }

    /** 1: when the price rises to the trigger (a buy stop, a sell MarketIfTouched); 2: when it falls to it. */
    private static int triggerDirection(final VenueOrder order)
    {
        final boolean rising = order.side() == Side.BUY ? order.ordType() != OrdType.MARKET_IF_TOUCHED :
            order.ordType() == OrdType.MARKET_IF_TOUCHED;
        return rising ? 1 : 2;
    }

    private static String timeInForce(final VenueOrder order)
    {
        if (order.postOnly())
        {
            return "PostOnly";
        }
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL: return "IOC";
            case FILL_OR_KILL: return "FOK";
            default: return "GTC";
        }
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

    /** A request Bybit answered with a non-zero {@code retCode} (HTTP 200). */
    static final class BybitRefusal extends RuntimeException
    {
        final int code;

        BybitRefusal(final int code, final String message)
        {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
