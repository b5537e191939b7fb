package io.cryptofix.venue.coinbase;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import io.cryptofix.venue.VenueOrder;
import io.cryptofix.venue.rest.ExchangeClient;
import io.cryptofix.venue.rest.ExchangeOrder;
import io.cryptofix.venue.rest.VenueError;
import io.cryptofix.venue.rest.XChangeSupport;
import io.cryptofix.venue.rest.VenueUnavailableException;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.coinbasepro.CoinbaseProExchange;
import org.knowm.xchange.coinbasepro.dto.CoinbaseProException;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProProduct;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProProductTicker;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProOrder;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProPlaceLimitOrder;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProPlaceMarketOrder;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProPlaceOrder;
import org.knowm.xchange.coinbasepro.service.CoinbaseProAccountServiceRaw;
import org.knowm.xchange.coinbasepro.service.CoinbaseProMarketDataServiceRaw;
import org.knowm.xchange.coinbasepro.service.CoinbaseProTradeServiceRaw;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.FundsExceededException;
import org.knowm.xchange.exceptions.InternalServerException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import si.mazi.rescu.HttpStatusExceptionSupport;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coinbase Exchange (the former Coinbase Pro) through XChange's coinbasepro binding: market, limit,
 * post-only, GTC, IOC and FOK, and StopLimit as a native stop order (Coinbase has had no stop-market
 * orders since 2019: Stop and MarketIfTouched are the gateway's). Its good-till-time orders only know a
 * cancel after one minute, hour or day, so GTD and Day are the gateway's; amend too.
 *
 * <p>The client order id is a UUID ({@code client_oid}), derived from the gateway run, the order and
 * the placement, so that the adapter can look any placement up again by it
 * ({@code GET /orders/client:<uuid>}). Coinbase forgets a canceled order that had no fill: looked up
 * after its cancel, it is reported canceled.
 */
public final class CoinbaseClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(false, true, true, true, true, false, false);
    private static final long DEFAULT_BACKOFF_MILLIS = 5_000;
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
    private final Map<String, CurrencyPair> pairs = new HashMap<>();
    private CoinbaseProTradeServiceRaw trade;
    private CoinbaseProMarketDataServiceRaw marketData;
    private CoinbaseProAccountServiceRaw account;

    public CoinbaseClient(
        final String baseUrl, final String apiKey, final String secretKey, final String passphrase, final String runId)
    {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        this.passphrase = passphrase;
        this.runId = runId;
    }

    @Override
    public List<Instrument> connect(final String venueId, final List<String> symbols)
    {
        final ExchangeSpecification spec = new CoinbaseProExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        spec.setApiKey(apiKey);
        spec.setSecretKey(secretKey);
        spec.setExchangeSpecificParametersItem("passphrase", passphrase);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        spec.getResilience().setRetryEnabled(false);
        final CoinbaseProProduct[] products;
        try
        {
            final Exchange exchange = ExchangeFactory.INSTANCE.createExchange(spec);
            // a signed call at start: keys Coinbase refuses stop this venue now, not at the first order
            account = (CoinbaseProAccountServiceRaw)exchange.getAccountService();
            account.getCoinbaseProAccountInfo();
            trade = (CoinbaseProTradeServiceRaw)exchange.getTradeService();
            marketData = (CoinbaseProMarketDataServiceRaw)exchange.getMarketDataService();
            products = marketData.getCoinbaseProProducts();
        }
        catch (final RuntimeException | IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (Coinbase at " + baseUrl + ") cannot be used: " +
                XChangeSupport.describe(e));
        }
        final List<Instrument> instruments = new ArrayList<>();
        for (final String symbol : symbols)
        {
            final CoinbaseProProduct product = product(products, symbol.replace('/', '-'));
            if (product == null || product.isTradingDisabled() || !"online".equals(product.getStatus()))
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + symbol +
                    (product == null ? " is not listed" : " is not trading"));
            }
            pairs.put(symbol, new CurrencyPair(symbol));
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
        final CoinbaseProPlaceOrder.Side side =
            order.side() == Side.BUY ? CoinbaseProPlaceOrder.Side.buy : CoinbaseProPlaceOrder.Side.sell;
        final String productId = order.symbol().replace('/', '-');
        final BigDecimal size = Fixed.toBigDecimal(order.quantity()).stripTrailingZeros();
        final CoinbaseProPlaceOrder placement;
        if (order.ordType() == OrdType.MARKET)
        {
            placement = new CoinbaseProPlaceMarketOrder.Builder().size(size).clientOid(clientOrderId)
                .type(CoinbaseProPlaceOrder.Type.market).side(side).productId(productId).build();
        }
        else
        {
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
            placement = limit.build();
        }
        final String id = trade.placeCoinbaseProOrder(placement).getId();
        // Coinbase answers a placement with its id: what it did with the order takes one more look
        final ExchangeOrder placed = find(order.symbol(), id, clientOrderId);
        return placed != null ? placed :
            new ExchangeOrder(id, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final String id = venueOrderId != null ? venueOrderId : "client:" + clientOrderId;
        trade.cancelCoinbaseProOrder(id);
        final ExchangeOrder canceled = find(symbol, venueOrderId, clientOrderId);
        // a canceled order without fills is forgotten by Coinbase at once
        return canceled != null ? canceled :
            new ExchangeOrder(venueOrderId, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        final CoinbaseProOrder order;
        try
        {
            order = trade.getOrder(venueOrderId != null ? venueOrderId : "client:" + clientOrderId);
        }
        catch (final ExchangeException e)
        {
            if (httpStatus(e) == 404)
            {
                return null;
            }
            throw e;
        }
        return new ExchangeOrder(order.getId(), clientOrderId, state(order), orZero(order.getFilledSize()),
            orZero(order.getExecutedvalue()));
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        for (final CoinbaseProOrder order : trade.getCoinbaseProOpenOrders())
        {
            open.add(new ExchangeOrder(order.getId(), null, state(order), orZero(order.getFilledSize()),
                orZero(order.getExecutedvalue())));
        }
        return open;
    }

    @Override
    public Map<String, long[]> bestBidAndAsk() throws IOException
    {
        final Map<String, long[]> prices = new HashMap<>();
        for (final Map.Entry<String, CurrencyPair> pair : pairs.entrySet())
        {
            final CoinbaseProProductTicker ticker = marketData.getCoinbaseProProductTicker(pair.getValue());
            prices.put(pair.getKey(), new long[] {fixed(ticker.getBid()), fixed(ticker.getAsk())});
        }
        return prices;
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> balances = new HashMap<>();
        for (final org.knowm.xchange.coinbasepro.dto.account.CoinbaseProAccount balance :
            account.getCoinbaseProAccountInfo())
        {
            balances.put(balance.getCurrency(), balance.getAvailable());
        }
        return balances;
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        final int status = httpStatus(failure);
        final String reason = failure.getCause() instanceof CoinbaseProException coinbase ?
            coinbase.getMessage() : String.valueOf(failure.getMessage());
        if (failure instanceof RateLimitExceededException || status == 429)
        {
            return new VenueError(VenueError.Kind.RATE_LIMITED, reason, DEFAULT_BACKOFF_MILLIS);
        }
        if (status == 404)
        {
            return new VenueError(VenueError.Kind.UNKNOWN_ORDER, reason, 0);
        }
        if (failure instanceof InternalServerException || status >= 500)
        {
            return VenueError.ambiguous(reason);
        }
        if (failure instanceof FundsExceededException || failure instanceof ExchangeException || status >= 400)
        {
            return VenueError.rejected(reason);
        }
        return VenueError.ambiguous(XChangeSupport.describe(failure));
    }

    private static int httpStatus(final Exception failure)
    {
        if (failure.getCause() instanceof HttpStatusExceptionSupport support)
        {
            return support.getHttpStatusCode();
        }
        if (failure instanceof HttpStatusIOException http)
        {
            return http.getHttpStatusCode();
        }
        return 0;
    }

    private static ExchangeOrder.State state(final CoinbaseProOrder order)
    {
        final String status = String.valueOf(order.getStatus());
        if ("rejected".equals(status))
        {
            return ExchangeOrder.State.REJECTED;
        }
        if (!"done".equals(status))
        {
            return ExchangeOrder.State.OPEN;
        }
        return "filled".equals(order.getDoneReason()) ? ExchangeOrder.State.FILLED : ExchangeOrder.State.CANCELED;
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

    private static CoinbaseProProduct product(final CoinbaseProProduct[] products, final String id)
    {
        for (final CoinbaseProProduct product : products)
        {
            if (id.equals(product.getId()))
            {
                return product;
            }
        }
        return null;
    }

    private static BigDecimal orZero(final BigDecimal value)
    {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static long fixed(final BigDecimal value)
    {
        return value == null ? 0 : Fixed.fromBigDecimal(value.stripTrailingZeros());
    }

}
