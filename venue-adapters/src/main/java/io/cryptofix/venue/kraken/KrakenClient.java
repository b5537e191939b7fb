package io.cryptofix.venue.kraken;

import io.cryptofix.config.VenueCapabilities;
import io.cryptofix.domain.Fixed;
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
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.ExchangeUnavailableException;
import org.knowm.xchange.exceptions.FrequencyLimitExceededException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import org.knowm.xchange.instrument.Instrument;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.dto.marketdata.KrakenTicker;
import org.knowm.xchange.kraken.dto.trade.KrakenOrder;
import org.knowm.xchange.kraken.dto.trade.KrakenOrderFlags;
import org.knowm.xchange.kraken.dto.trade.KrakenOrderResponse;
import org.knowm.xchange.kraken.dto.trade.KrakenStandardOrder;
import org.knowm.xchange.kraken.dto.trade.KrakenType;
import org.knowm.xchange.kraken.service.KrakenAccountServiceRaw;
import org.knowm.xchange.kraken.service.KrakenMarketDataServiceRaw;
import org.knowm.xchange.kraken.service.KrakenTradeServiceRaw;
import org.knowm.xchange.dto.meta.InstrumentMetaData;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kraken spot through XChange's Kraken binding: market, limit and post-only orders, GTC, IOC,
 * native GTD (expiretm) and native stops (Stop as stop-loss, StopLimit as stop-loss-limit,
 * MarketIfTouched as take-profit). Day and amend are left to the gateway; FOK is refused (it cannot
 * be emulated faithfully).
 *
 * <p>Kraken's client order id is an integer, {@code userref}, which Kraken does not require to be
 * unique: the adapter makes it unique per placement within a gateway run (nine bits of the run, 22
 * of the placement) and, when looking an order up by it, takes only orders opened since the gateway
 * started. Instrument rules come from XChange's metadata (Kraken's {@code pair_decimals},
 * {@code lot_decimals} and {@code ordermin}); XChange 5.2.0 does not read {@code costmin}, so Kraken
 * enforces its minimum cost itself.
 *
 * <p>Kraken's private-call budget is about one call a second, so working orders are polled up to 50
 * at a time, in one {@code QueryOrders} call.
 */
public final class KrakenClient implements ExchangeClient
{
    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(true, true, true, true, false, true, false);
    private static final long DEFAULT_BACKOFF_MILLIS = 15_000;
    // Kraken's QueryOrders takes up to 50 txids
    private static final int STATUS_BATCH = 50;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int PLACEMENT_BITS = 22;
    private static final int RUN_VALUES = 511;

    static
    {
        XChangeSupport.neverResendPosts();
    }

    private final String baseUrl;
    private final String apiKey;
    private final String secretKey;
    private final long runBits;
    private final double startedSeconds;
    private final Map<String, CurrencyPair> pairs = new HashMap<>();
    private KrakenTradeServiceRaw trade;
    private KrakenMarketDataServiceRaw marketData;
    private KrakenAccountServiceRaw account;

    /**
     * @param startMillis  when the order journal started: the run part of every userref, and the earliest
     *                     an order of the journal can have been opened.
     */
    public KrakenClient(final String baseUrl, final String apiKey, final String secretKey, final long startMillis)
    {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        this.runBits = (startMillis / 60_000) % RUN_VALUES + 1;
        this.startedSeconds = startMillis / 1000.0 - 60;
    }

    @Override
    public List<io.cryptofix.domain.Instrument> connect(final String venueId, final List<String> symbols)
    {
        final ExchangeSpecification spec = new KrakenExchange().getDefaultExchangeSpecification();
        spec.setSslUri(baseUrl);
        spec.setApiKey(apiKey);
        spec.setSecretKey(secretKey);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MILLIS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MILLIS);
        spec.getResilience().setRetryEnabled(false);
        final Exchange exchange;
        try
        {
            exchange = ExchangeFactory.INSTANCE.createExchange(spec);
            // a signed call at start: keys Kraken refuses stop this venue now, not at the first order
            account = (KrakenAccountServiceRaw)exchange.getAccountService();
            account.getKrakenBalance();
        }
        catch (final RuntimeException | IOException e)
        {
            throw new VenueUnavailableException("venue " + venueId + " (Kraken at " + baseUrl + ") cannot be used: " +
                XChangeSupport.describe(e));
        }
        trade = (KrakenTradeServiceRaw)exchange.getTradeService();
        marketData = (KrakenMarketDataServiceRaw)exchange.getMarketDataService();
        final Map<Instrument, InstrumentMetaData> metaData = exchange.getExchangeMetaData().getInstruments();
        final List<io.cryptofix.domain.Instrument> instruments = new ArrayList<>();
        for (final String symbol : symbols)
        {
            final CurrencyPair pair = new CurrencyPair(symbol);
            final InstrumentMetaData rules = metaData.get(pair);
            if (rules == null)
            {
                throw new VenueUnavailableException("venue " + venueId + ": symbol " + symbol + " is not listed");
            }
            pairs.put(symbol, pair);
            final long lot = Fixed.fromBigDecimal(BigDecimal.ONE.movePointLeft(rules.getVolumeScale()));
            final long minQty = rules.getMinimumAmount() == null ? lot : Fixed.fromBigDecimal(rules.getMinimumAmount());
            instruments.add(new io.cryptofix.domain.Instrument(venueId, symbol,
                Fixed.fromBigDecimal(BigDecimal.ONE.movePointLeft(rules.getPriceScale())), lot, Math.max(minQty, lot), 0));
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
        final long placement = ((orderKey << 2) | (attempt & 3)) & ((1L << PLACEMENT_BITS) - 1);
        return Long.toString((runBits << PLACEMENT_BITS) | placement);
    }

    @Override
    public ExchangeOrder place(final VenueOrder order, final String clientOrderId) throws IOException
    {
        final CurrencyPair pair = pairs.get(order.symbol());
        final KrakenType type = order.side() == Side.BUY ? KrakenType.BUY : KrakenType.SELL;
        final BigDecimal volume = Fixed.toBigDecimal(order.quantity()).stripTrailingZeros();
        final KrakenStandardOrder.KrakenOrderBuilder builder = builder(order, pair, type, volume);
        builder.withUserRefId(clientOrderId);
        if (order.postOnly())
        {
            builder.withOrderFlags(Set.of(KrakenOrderFlags.POST));
        }
        if (order.timeInForce() == TimeInForce.IMMEDIATE_OR_CANCEL)
        {
            builder.withTimeInForce(org.knowm.xchange.kraken.dto.trade.TimeInForce.IOC);
        }
        else if (order.timeInForce() == TimeInForce.GOOD_TILL_DATE)
        {
            builder.withTimeInForce(org.knowm.xchange.kraken.dto.trade.TimeInForce.GTD)
                .withExpireTime(Long.toString(order.expireTimeMillis() / 1000));
        }
        final KrakenOrderResponse placed = trade.placeKrakenOrder(builder.buildOrder());
        final String txid = placed.getTransactionIds().get(0);
        // Kraken answers a placement with its id only: what it did with the order takes one more look
        final ExchangeOrder found = find(order.symbol(), txid, clientOrderId);
        return found != null ? found :
            new ExchangeOrder(txid, clientOrderId, ExchangeOrder.State.OPEN, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public ExchangeOrder cancel(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        String txid = venueOrderId;
        if (txid == null)
        {
            final ExchangeOrder found = find(symbol, null, clientOrderId);
            if (found == null)
            {
                throw new ExchangeException("[EOrder:Unknown order]");
            }
            txid = found.venueOrderId();
        }
        trade.cancelKrakenOrder(txid);
        final ExchangeOrder canceled = find(symbol, txid, clientOrderId);
        return canceled != null ? canceled :
            new ExchangeOrder(txid, clientOrderId, ExchangeOrder.State.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    public ExchangeOrder find(final String symbol, final String venueOrderId, final String clientOrderId)
        throws IOException
    {
        if (venueOrderId != null)
        {
            try
            {
                final KrakenOrder order = trade.queryKrakenOrders(venueOrderId).get(venueOrderId);
                return order == null ? null : order(venueOrderId, order);
            }
            catch (final ExchangeException e)
            {
                if (e.getMessage() != null && e.getMessage().contains("Unknown order"))
                {
                    return null;
                }
                throw e;
            }
        }
        final ExchangeOrder open = ofThisRun(trade.getKrakenOpenOrders(false, clientOrderId));
        return open != null ? open : ofThisRun(trade.getKrakenClosedOrders(false, clientOrderId, null, null, null, null));
    }

    @Override
    public int statusBatchSize()
    {
        return STATUS_BATCH;
    }

    @Override
    public Map<String, ExchangeOrder> findAll(final List<String> venueOrderIds) throws IOException
    {
        final Map<String, ExchangeOrder> found = new HashMap<>();
        for (final Map.Entry<String, KrakenOrder> order :
            trade.queryKrakenOrders(venueOrderIds.toArray(new String[0])).entrySet())
        {
            found.put(order.getKey(), order(order.getKey(), order.getValue()));
        }
        return found;
    }

    @Override
    public List<ExchangeOrder> openOrders() throws IOException
    {
        final List<ExchangeOrder> open = new ArrayList<>();
        for (final Map.Entry<String, KrakenOrder> order : trade.getKrakenOpenOrders().entrySet())
        {
            open.add(order(order.getKey(), order.getValue()));
        }
        return open;
    }

    @Override
    public Map<String, long[]> bestBidAndAsk() throws IOException
    {
        final Map<String, long[]> prices = new HashMap<>();
        for (final Map.Entry<String, CurrencyPair> pair : pairs.entrySet())
        {
            final KrakenTicker ticker = marketData.getKrakenTicker(pair.getValue());
            if (ticker != null)
            {
                prices.put(pair.getKey(), new long[] {
                    Fixed.fromBigDecimal(ticker.getBid().getPrice().stripTrailingZeros()),
                    Fixed.fromBigDecimal(ticker.getAsk().getPrice().stripTrailingZeros())});
            }
        }
        return prices;
    }

    @Override
    public Map<String, BigDecimal> balances() throws IOException
    {
        return account.getKrakenBalance();
    }

    @Override
    public VenueError classify(final Exception failure)
    {
        if (failure instanceof RateLimitExceededException || failure instanceof FrequencyLimitExceededException)
        {
            return new VenueError(VenueError.Kind.RATE_LIMITED, failure.getMessage(), DEFAULT_BACKOFF_MILLIS);
        }
        if (failure instanceof ExchangeUnavailableException)
        {
            // "EService:Unavailable", "EService:Busy": Kraken may or may not have acted
            return VenueError.ambiguous(failure.getMessage());
        }
        if (failure instanceof ExchangeException)
        {
            final String message = String.valueOf(failure.getMessage()).replace("[", "").replace("]", "");
            if (message.contains("Unknown order"))
            {
                return new VenueError(VenueError.Kind.UNKNOWN_ORDER, message, 0);
            }
            return message.startsWith("EGeneral:Internal error") ? VenueError.ambiguous(message) :
                VenueError.rejected(message);
        }
        if (failure instanceof HttpStatusIOException http)
        {
            final int status = http.getHttpStatusCode();
            if (status == 429)
            {
                return new VenueError(VenueError.Kind.RATE_LIMITED, "HTTP 429", DEFAULT_BACKOFF_MILLIS);
            }
            return status >= 500 ? VenueError.ambiguous("HTTP " + status) : VenueError.rejected("HTTP " + status);
        }
        return VenueError.ambiguous(XChangeSupport.describe(failure));
    }

    private static KrakenStandardOrder.KrakenOrderBuilder builder(
        final VenueOrder order, final CurrencyPair pair, final KrakenType type, final BigDecimal volume)
    {
        final String limit = Fixed.toBigDecimal(order.limitPrice()).stripTrailingZeros().toPlainString();
        final String stop = Fixed.toBigDecimal(order.stopPx()).stripTrailingZeros().toPlainString();
        switch (order.ordType())
        {
            case MARKET: return KrakenStandardOrder.getMarketOrderBuilder(pair, type, volume);
            // Kraken's stop-loss buys when the price rises to the trigger, as a FIX stop does;
            // take-profit the other way round, as MarketIfTouched
            case STOP: return KrakenStandardOrder.getStopLossOrderBuilder(pair, type, stop, volume);
            case STOP_LIMIT: return KrakenStandardOrder.getStopLossLimitOrderBuilder(pair, type, stop, limit, volume);
            case MARKET_IF_TOUCHED: return KrakenStandardOrder.getTakeProfitOrderBuilder(pair, type, stop, volume);
            default: return KrakenStandardOrder.getLimitOrderBuilder(pair, type, limit, volume);
        }
    }

    /** The order of these found that this gateway run placed: a userref from an earlier run is not ours. */
    private ExchangeOrder ofThisRun(final Map<String, KrakenOrder> orders)
    {
        for (final Map.Entry<String, KrakenOrder> order : orders.entrySet())
        {
            if (order.getValue().getOpenTimestamp() >= startedSeconds)
            {
                return order(order.getKey(), order.getValue());
            }
        }
        return null;
    }

    private static ExchangeOrder order(final String txid, final KrakenOrder order)
    {
        final ExchangeOrder.State state;
        switch (order.getStatus())
        {
            case CLOSED:
                state = order.getVolumeExecuted().compareTo(order.getVolume()) >= 0 ?
                    ExchangeOrder.State.FILLED : ExchangeOrder.State.CANCELED;
                break;
            case CANCELED:
                state = ExchangeOrder.State.CANCELED;
                break;
            case EXPIRED:
                state = ExchangeOrder.State.EXPIRED;
                break;
            default:
                state = ExchangeOrder.State.OPEN;
                break;
        }
        return new ExchangeOrder(txid, order.getUserRefId(), state, order.getVolumeExecuted(),
            order.getCost() == null ? BigDecimal.ZERO : order.getCost());
    }

}
