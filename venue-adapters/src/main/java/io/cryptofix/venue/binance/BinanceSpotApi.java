package io.cryptofix.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

import java.io.IOException;

/**
 * The Binance spot endpoints the adapter uses, all under {@code /api} (the part of the API the
 * Spot Test Network serves as well), declared on XChange's REST layer and signed by XChange's
 * Binance signer. Declared here rather than taken from XChange 5.2.0's binding because that one
 * cannot look an order up or cancel it by client order id alone, reads order statuses into an enum
 * that fails on words it lacks (EXPIRED_IN_MATCH), and takes its timestamps from its own clock.
 * Order answers are read as JSON trees for the same reason. Signed requests carry the signature
 * last: Binance signs the query string and body as sent, without it.
 */
@Path("api/v3")
@Produces(MediaType.APPLICATION_JSON)
public interface BinanceSpotApi
{
    String API_KEY = "X-MBX-APIKEY";

    @GET
    @Path("time")
    JsonNode time() throws IOException, BinanceException;

    @GET
    @Path("exchangeInfo")
    BinanceExchangeInfo exchangeInfo() throws IOException, BinanceException;

    /**
     * The book of one symbol, {@code {"lastUpdateId":..,"bids":[["price","qty"],..],"asks":[..]}}, best
     * first. Binance has no book of several symbols in one request.
     *
     * @param limit levels a side: 1 to 5000 (weight 5 up to 100 levels).
     */
    @GET
    @Path("depth")
    JsonNode depth(@QueryParam("symbol") String symbol, @QueryParam("limit") int limit)
        throws IOException, BinanceException;

    @GET
    @Path("account")
    JsonNode account(
        @QueryParam("recvWindow") Long recvWindow,
        @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
        @HeaderParam(API_KEY) String apiKey,
        @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    @POST
    @Path("order")
    JsonNode newOrder(
        @FormParam("symbol") String symbol,
        @FormParam("side") String side,
        @FormParam("type") String type,
        @FormParam("timeInForce") String timeInForce,
        @FormParam("quantity") String quantity,
        @FormParam("price") String price,
        @FormParam("newClientOrderId") String clientOrderId,
        @FormParam("stopPrice") String stopPrice,
        @FormParam("newOrderRespType") String responseType,
        @FormParam("recvWindow") Long recvWindow,
        @FormParam("timestamp") SynchronizedValueFactory<Long> timestamp,
        @HeaderParam(API_KEY) String apiKey,
        @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    /** One order, by Binance's id or, when that is null, by the client order id. */
    @GET
    @Path("order")
    JsonNode order(
        @QueryParam("symbol") String symbol,
        @QueryParam("orderId") Long orderId,
        @QueryParam("origClientOrderId") String clientOrderId,
        @QueryParam("recvWindow") Long recvWindow,
        @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
        @HeaderParam(API_KEY) String apiKey,
        @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    /** Cancels one order, by Binance's id or, when that is null, by the client order id. */
    @DELETE
    @Path("order")
    JsonNode cancelOrder(
        @QueryParam("symbol") String symbol,
        @QueryParam("orderId") Long orderId,
        @QueryParam("origClientOrderId") String clientOrderId,
        @QueryParam("recvWindow") Long recvWindow,
        @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
        @HeaderParam(API_KEY) String apiKey,
        @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    @GET
    @Path("openOrders")
    JsonNode openOrders(
        @QueryParam("symbol") String symbol,
        @QueryParam("recvWindow") Long recvWindow,
        @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
        @HeaderParam(API_KEY) String apiKey,
        @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    /** The account's trades of one order, oldest first. */
    @GET
    @Path("myTrades")
    JsonNode myTrades(
        @QueryParam("symbol") String symbol,
        @QueryParam("orderId") Long orderId,
        @QueryParam("recvWindow") Long recvWindow,
        @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
        @HeaderParam(API_KEY) String apiKey,
        @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;
}
