package io.cryptofix.venue.binance;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
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
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.marketdata.BinancePriceQuantity;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.service.BinanceAccountServiceRaw;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;
import org.knowm.xchange.binance.service.BinanceTradeServiceRaw;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.math.BigDecimal;
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
 * gateway's emulation. This class connects, reads prices and balances and classifies Binance's
 * errors; the instrument rules come from {@link BinanceInstruments}, orders go through
 * {@link BinanceOrders}.
 */
public final class BinanceClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, true, false, false);
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
    private BinanceOrders orders;
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
        orders = new BinanceOrders((BinanceTradeServiceRaw)exchange.getTradeService());
        marketData = (BinanceMarketDataServiceRaw)exchange.getMarketDataService();
        account = (BinanceAccountServiceRaw)exchange.getAccountService();
        traded.addAll(symbols);
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
    public List<ExchangeOrder> openOrders() throws IOException
    {
        return orders.open(traded);
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
}
