package io.cryptofix.venue.binance;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
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
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.marketdata.BinancePriceQuantity;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;
import org.knowm.xchange.binance.dto.trade.BinanceCancelledOrder;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderSide;
import org.knowm.xchange.binance.dto.trade.OrderStatus;
import org.knowm.xchange.binance.dto.trade.OrderType;
import org.knowm.xchange.binance.dto.trade.TimeInForce;
import org.knowm.xchange.binance.service.BinanceAccountServiceRaw;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;
import org.knowm.xchange.binance.service.BinanceTradeServiceRaw;
import org.knowm.xchange.currency.CurrencyPair;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binance spot through XChange's Binance binding: market, limit and post-only (LIMIT_MAKER) orders,
 * GTC, IOC and FOK, and native stops: Stop as STOP_LOSS, StopLimit as STOP_LOSS_LIMIT,
 * MarketIfTouched as TAKE_PROFIT, held and triggered by Binance. GTD, Day and amend are left to the
 * gateway's emulation.
 *
 * <p>Two gaps of XChange 5.2.0 are worked around: its order query and cancel take the venue's order
 * id as a primitive, so an order known only by its client order id is found in the symbol's recent
 * orders ({@code allOrders}); and its exchange metadata keeps no tick size, so the rules come from
 * the raw {@code exchangeInfo} filters.
 */
public final class BinanceClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
    private static final int RECENT_ORDERS = 1000;
    private static final long DEFAULT_BACKOFF_MILLIS = 30_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final Pattern HTTP_STATUS_SUFFIX = Pattern.compile(" \\(HTTP status code: \\d+\\)");

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final String apiKey;
    private final String secretKey;
    private final String runId;
    private BinanceTradeServiceRaw trade;
    private BinanceMarketDataServiceRaw marketData;
    private BinanceAccountServiceRaw account;
    private final Set<String> traded = new HashSet<>();

    /**
     * @param runId  short id unique to this gateway start, part of every client order id.
     */
    public BinanceClient(final String baseUrl, final String apiKey, final String secretKey, final String runId)
    {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        this.runId = runId;
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> symbols)
    {
        final ExchangeSpecification spec = new BinanceExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        spec.setApiKey(apiKey);
        spec.setSecretKey(secretKey);
        spec.setExchangeSpecificParametersItem(BinanceExchange.USE_SANDBOX, false);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        // never resend an order on its own: an ambiguous outcome is resolved by looking the order up
        spec.getResilience().setRetryEnabled(false);
        final Exchange exchange;
        final BinanceExchangeInfo info;
        try
        {
            exchange = ExchangeFactory.INSTANCE.createExchange(spec);
            info = ((BinanceMarketDataServiceRaw)exchange.getMarketDataService()).getExchangeInfo();
        }
        catch (final RuntimeException | IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (Binance at " + baseUrl + ") cannot be used: " +
                XChangeSupport.describe(e));
        }
        trade = (BinanceTradeServiceRaw)exchange.getTradeService();
        marketData = (BinanceMarketDataServiceRaw)exchange.getMarketDataService();
        account = (BinanceAccountServiceRaw)exchange.getAccountService();
        traded.addAll(symbols);
        return instruments(venueId, symbols, info);
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
        final OrderType type = type(order);
        final boolean limitPrice = order.ordType().hasLimitPrice();
        final BinanceNewOrder placed = trade.newOrder(
            pair(order.symbol()),
            order.side() == Side.BUY ? OrderSide.BUY : OrderSide.SELL,
            type,
            type == OrderType.LIMIT || type == OrderType.STOP_LOSS_LIMIT ? timeInForce(order) : null,
            Fixed.toBigDecimal(order.quantity()).stripTrailingZeros(),
            null,
            limitPrice ? Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros() : null,
            clientOrderId,
            order.ordType().hasTrigger() ? Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros() : null,
            null,
            null,
            BinanceNewOrder.NewOrderResponseType.FULL);
        BigDecimal quote = BigDecimal.ZERO;
        if (placed.fills != null)
        {
            for (final BinanceTrade fill : placed.fills)
            {
                quote = quote.add(fill.price.multiply(fill.qty));
            }
        }
        return new ExchangeOrder(Long.toString(placed.orderId), placed.clientOrderId, state(placed.status),
            placed.executedQty, quote);
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        String orderId = venueOrderId;
        if (orderId == null)
        {
            final ExchangeOrder found = find(symbol, null, clientOrderId);
            if (found == null)
            {
                throw new BinanceException(-2011, "Unknown order sent.");
            }
            orderId = found.venueOrderId();
        }
        final BinanceCancelledOrder canceled = trade.cancelOrderAllProducts(pair(symbol), Long.parseLong(orderId), null, null);
        return new ExchangeOrder(Long.toString(canceled.orderId), canceled.origClientOrderId,
            state(OrderStatus.valueOf(canceled.status)), new BigDecimal(canceled.executedQty),
            new BigDecimal(canceled.cummulativeQuoteQty));
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        if (venueOrderId != null)
        {
            try
            {
                return order(trade.orderStatusAllProducts(pair(symbol), Long.parseLong(venueOrderId), null));
            }
            catch (final BinanceException e)
            {
                if (e.getCode() == -2013)
                {
                    return null;
                }
                throw e;
            }
        }
        final List<BinanceOrder> recent = trade.allOrders(pair(symbol), null, RECENT_ORDERS);
        for (final BinanceOrder order : recent)
        {
            if (clientOrderId.equals(order.clientOrderId))
            {
                return order(order);
            }
        }
        return null;
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        // by symbol: Binance weighs the listing of all symbols at 80 requests
        for (final String symbol : traded)
        {
            for (final BinanceOrder order : trade.openOrdersAllProducts(pair(symbol)))
            {
                open.add(order(order));
            }
        }
        return open;
    }

    @Override
    public Map<String, long[]> bestBidAndAsk() throws IOException
    {
        final Map<String, long[]> prices = new HashMap<>();
        for (final BinancePriceQuantity ticker : marketData.tickerAllBookTickers())
        {
            final String symbol = ticker.getCurrencyPair() == null ? null : ticker.getCurrencyPair().toString();
            if (traded.contains(symbol))
            {
                prices.put(symbol, new long[] {fixedOrZero(ticker.getBidPrice()), fixedOrZero(ticker.getAskPrice())});
            }
        }
        return prices;
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        for (final org.knowm.xchange.binance.dto.account.BinanceBalance balance : account.account().balances)
        {
            balances.put(balance.getCurrency().getCurrencyCode(), balance.getAvailable());
        }
        return balances;
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        if (failure instanceof BinanceException binance)
        {
            final String reason = HTTP_STATUS_SUFFIX.matcher(binance.getMessage()).replaceAll("") +
                " (" + binance.getCode() + ")";
            switch (binance.getCode())
            {
                case -1003:
                case -1015:
                    return new VenueError(VenueError.Kind.RATE_LIMITED, reason, retryAfter(binance));
                case -2011:
                case -2013:
                    return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
                case -1000:
                case -1001:
                case -1006:
                case -1007:
                    // Binance's own "unknown error", "disconnected", "unexpected response", "timeout":
                    // the request may have been executed
                    return VenueError.ambiguous(reason);
                default:
                    return binance.getHttpStatusCode() >= 500 ? VenueError.ambiguous(reason) : VenueError.rejected(reason);
            }
        }
        if (failure instanceof HttpStatusIOException http)
        {
            final int status = http.getHttpStatusCode();
            if (status == 429 || status == 418)
            {
                return new VenueError(VenueError.Kind.RATE_LIMITED, "HTTP " + status, DEFAULT_BACKOFF_MILLIS);
            }
            return status >= 500 ? VenueError.ambiguous("HTTP " + status) : VenueError.rejected("HTTP " + status);
        }
        return VenueError.ambiguous(XChangeSupport.describe(failure));
    }

    private static List<Instrument> instruments(
        final String venueId, final List<String> symbols, final BinanceExchangeInfo info)
    {
        final Map<String, Symbol> byName = new HashMap<>();
        for (final Symbol symbol : info.getSymbols())
        {
            byName.put(symbol.getBaseAsset() + "/" + symbol.getQuoteAsset(), symbol);
        }
        final List<Instrument> instruments = new ArrayList<>();
        for (final String name : symbols)
        {
            final Symbol symbol = byName.get(name);
            if (symbol == null || !"TRADING".equals(symbol.getStatus()))
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + name +
                    (symbol == null ? " is not listed" : " is not trading (status " + symbol.getStatus() + ")"));
            }
            long tick = 0;
            long lot = 0;
            long minQty = 0;
            long minNotional = 0;
            for (final Filter filter : symbol.getFilters())
            {
                switch (filter.getFilterType())
                {
                    case "PRICE_FILTER" -> tick = fixed(filter.getTickSize());
                    case "LOT_SIZE" ->
                    {
                        lot = fixed(filter.getStepSize());
                        minQty = fixed(filter.getMinQty());
                    }
                    case "MIN_NOTIONAL", "NOTIONAL" -> minNotional = fixed(filter.getMinNotional());
                    default ->
                    {
                        // other filters (percent price, iceberg parts) are the venue's to enforce
                    }
                }
            }
            if (tick <= 0 || lot <= 0)
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + name +
                    " has no tick size or lot size in its exchangeInfo filters");
            }
            instruments.add(new Instrument(venueId, name, tick, lot, Math.max(minQty, lot), minNotional));
        }
        return instruments;
    }

    private static ExchangeOrder order(final BinanceOrder order)
    {
        return new ExchangeOrder(Long.toString(order.orderId), order.clientOrderId, state(order.status),
            order.executedQty, order.cummulativeQuoteQty);
    }

    private static ExchangeOrder.State state(final OrderStatus status)
    {
        switch (status)
        {
            case FILLED: return ExchangeOrder.State.FILLED;
            case CANCELED:
            // Binance has no GTD: its EXPIRED is an IOC or FOK order that found too little liquidity
            case EXPIRED: return ExchangeOrder.State.CANCELED;
            case REJECTED: return ExchangeOrder.State.REJECTED;
            default: return ExchangeOrder.State.OPEN;
        }
    }

    private static OrderType type(final VenueOrder order)
    {
        switch (order.ordType())
        {
            case MARKET: return OrderType.MARKET;
            // Binance's STOP_LOSS buys when the price rises to the stop and sells when it falls to it, as
            // a FIX stop does; TAKE_PROFIT the other way round, as MarketIfTouched
            case STOP: return OrderType.STOP_LOSS;
            case STOP_LIMIT: return OrderType.STOP_LOSS_LIMIT;
            case MARKET_IF_TOUCHED: return OrderType.TAKE_PROFIT;
            default: return order.postOnly() ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
        }
    }

    private static TimeInForce timeInForce(final VenueOrder order)
    {
        switch (order.timeInForce())
        {
            case IMMEDIATE_OR_CANCEL: return TimeInForce.IOC;
            case FILL_OR_KILL: return TimeInForce.FOK;
            default: return TimeInForce.GTC;
        }
    }

    private static long retryAfter(final BinanceException e)
    {
        final Map<String, List<String>> headers = e.getResponseHeaders();
        List<String> retryAfter = null;
        if (headers != null)
        {
            for (final Map.Entry<String, List<String>> header : headers.entrySet())
            {
                // HTTP header names are case-insensitive, and servers and the JDK spell them differently
                if ("Retry-After".equalsIgnoreCase(header.getKey()))
                {
                    retryAfter = header.getValue();
                }
            }
        }
        if (retryAfter != null && !retryAfter.isEmpty())
        {
            try
            {
                return Long.parseLong(retryAfter.get(0).trim()) * 1000;
            }
            catch (final NumberFormatException ignored)
            {
                // fall through to the default
            }
        }
        return DEFAULT_BACKOFF_MILLIS;
    }

    private static long fixedOrZero(final BigDecimal value)
    {
        return value == null ? 0 : Fixed.fromBigDecimal(value.stripTrailingZeros());
    }

    private static CurrencyPair pair(final String symbol)
    {
        return new CurrencyPair(symbol);
    }

    private static long fixed(final String decimal)
    {
        return decimal == null ? 0 : Fixed.fromBigDecimal(new BigDecimal(decimal).stripTrailingZeros());
    }

}
