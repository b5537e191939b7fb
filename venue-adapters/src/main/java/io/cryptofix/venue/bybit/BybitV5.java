package io.cryptofix.venue.bybit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;

/**
 * The Bybit V5 endpoints the adapter uses, declared here on XChange's REST layer and signed by
 * XChange's Bybit signer, because XChange 5.2.0's Bybit binding has no cancel, no query by
 * {@code orderLinkId} and no time in force. Query parameters are declared in alphabetical order:
 * XChange's signer signs them sorted, and Bybit signs them as sent.
 */
@Path("/v5")
@Produces(MediaType.APPLICATION_JSON)
public interface BybitV5
{
    String KEY = "X-BAPI-API-KEY";
    String SIGN = "X-BAPI-SIGN";
    String TIMESTAMP = "X-BAPI-TIMESTAMP";
    String RECV_WINDOW = "X-BAPI-RECV-WINDOW";

    /** Bybit's clock: {@code timeSecond} and {@code timeNano}, public. */
    @GET
    @Path("/market/time")
    Result time() throws IOException;

    @GET
    @Path("/market/instruments-info")
    Result instruments(@QueryParam("category") String category, @QueryParam("symbol") String symbol)
        throws IOException;

    /**
     * The symbol's book, {@code limit} levels a side (spot: 1 to 200, 1 without it): {@code b} and
     * {@code a}, best first, each level {@code [price, size]}, the size in the base coin. Public.
     */
    @GET
    @Path("/market/orderbook")
    Result orderbook(
        @QueryParam("category") String category, @QueryParam("limit") int limit, @QueryParam("symbol") String symbol)
        throws IOException;

    @GET
    @Path("/account/wallet-balance")
    Result walletBalance(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature, @HeaderParam(TIMESTAMP) long timestamp,
        @HeaderParam(RECV_WINDOW) long recvWindow,
        @QueryParam("accountType") String accountType) throws IOException;

    @POST
    @Path("/order/create")
    @Consumes(MediaType.APPLICATION_JSON)
    Result createOrder(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature, @HeaderParam(TIMESTAMP) long timestamp,
        @HeaderParam(RECV_WINDOW) long recvWindow,
        OrderRequest order) throws IOException;

    @POST
    @Path("/order/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    Result cancelOrder(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature, @HeaderParam(TIMESTAMP) long timestamp,
        @HeaderParam(RECV_WINDOW) long recvWindow,
        CancelRequest cancel) throws IOException;

    /**
     * Orders by the venue's id or the client's, or the symbol's: open ones by default, the account's
     * recent closed ones with {@code openOnly} 1 (kept until Bybit restarts its service).
     */
    @GET
    @Path("/order/realtime")
    Result order(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature, @HeaderParam(TIMESTAMP) long timestamp,
        @HeaderParam(RECV_WINDOW) long recvWindow,
        @QueryParam("category") String category, @QueryParam("openOnly") Integer openOnly,
        @QueryParam("orderId") String orderId, @QueryParam("orderLinkId") String orderLinkId,
        @QueryParam("symbol") String symbol) throws IOException;

    /** Closed orders: canceled, rejected and deactivated ones for 24 hours, those with fills longer. */
    @GET
    @Path("/order/history")
    Result orderHistory(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature, @HeaderParam(TIMESTAMP) long timestamp,
        @HeaderParam(RECV_WINDOW) long recvWindow,
        @QueryParam("category") String category, @QueryParam("orderId") String orderId,
        @QueryParam("orderLinkId") String orderLinkId, @QueryParam("symbol") String symbol) throws IOException;

    /** The trades of one order, newest first, a page at a time ({@code nextPageCursor}). */
    @GET
    @Path("/execution/list")
    Result executions(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature, @HeaderParam(TIMESTAMP) long timestamp,
        @HeaderParam(RECV_WINDOW) long recvWindow,
        @QueryParam("category") String category, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
        @QueryParam("orderId") String orderId, @QueryParam("symbol") String symbol) throws IOException;

    /** Bybit's answer envelope: {@code retCode} 0 is success, anything else says why not. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(
        @JsonProperty("retCode") int retCode, @JsonProperty("retMsg") String retMsg, @JsonProperty("result") JsonNode result)
    {
    }

    /**
     * The body of a placement, with Bybit's field names. {@code marketUnit} says what a spot market
     * order's {@code qty} counts: Bybit counts a market buy in the quote coin unless told baseCoin.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderRequest(
        @JsonProperty("category") String category,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("side") String side,
        @JsonProperty("orderType") String orderType,
        @JsonProperty("qty") String qty,
        @JsonProperty("marketUnit") String marketUnit,
        @JsonProperty("price") String price,
        @JsonProperty("timeInForce") String timeInForce,
        @JsonProperty("orderLinkId") String orderLinkId,
        @JsonProperty("triggerPrice") String triggerPrice,
        @JsonProperty("triggerDirection") Integer triggerDirection,
        @JsonProperty("orderFilter") String orderFilter)
    {
    }

    /**
     * The body of a cancel: by the venue's order id or the client's. A spot conditional order not yet
     * triggered is found only with {@code orderFilter} StopOrder.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelRequest(
        @JsonProperty("category") String category,
        @JsonProperty("symbol") String symbol,
        @JsonProperty("orderId") String orderId,
        @JsonProperty("orderLinkId") String orderLinkId,
        @JsonProperty("orderFilter") String orderFilter)
    {
    }
}
