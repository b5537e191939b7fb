package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.knowm.xchange.okex.dto.OkexException;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.trade.OkexOrderResponse;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.util.List;

/**
 * The OKX endpoints XChange 5.2.0 lacks or reads short, declared here on XChange's own REST layer
 * (rescu, with XChange's OKX signer): the placement (XChange's request object names the client order
 * id {@code clOrderId}, which OKX does not know, so an order placed through it carries no client
 * order id to find it by); the order as raw JSON (XChange's order object drops
 * {@code cancelSource} and {@code cancelSourceReason}, which say why OKX ended an order); the
 * account's fills, algo (conditional) orders and OKX's server time, which it has no calls for; the
 * order book with the depth asked for (XChange's own call fixes it) and the demo trading header.
 */
@Path("/api/v5")
@Produces(MediaType.APPLICATION_JSON)
public interface OkxOrderEntry
{
    String KEY = "OK-ACCESS-KEY";
    String SIGN = "OK-ACCESS-SIGN";
    String TIMESTAMP = "OK-ACCESS-TIMESTAMP";
    String PASSPHRASE = "OK-ACCESS-PASSPHRASE";
    /** "1" sends the request to OKX's demo trading, "0" to the live market. */
    String SIMULATED = "x-simulated-trading";

    @POST
    @Path("/trade/order")
    @Consumes(MediaType.APPLICATION_JSON)
    OkexResponse<List<OkexOrderResponse>> placeOrder(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase,
        @HeaderParam(SIMULATED) String simulated, OkxOrderRequest order) throws OkexException, IOException;

    /** One order, by OKX's id or else the client's; OKX answers 51603 when it has none. */
    @GET
    @Path("/trade/order")
    OkexResponse<List<JsonNode>> order(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase,
        @HeaderParam(SIMULATED) String simulated,
        @QueryParam("instId") String instId, @QueryParam("ordId") String ordId, @QueryParam("clOrdId") String clOrdId)
        throws OkexException, IOException;

    /**
     * The trades of one order (the last three days), newest first, at most {@code limit} a page;
     * {@code after} a bill id pages to older ones.
     */
    @GET
    @Path("/trade/fills")
    OkexResponse<List<JsonNode>> fills(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase,
        @HeaderParam(SIMULATED) String simulated,
        @QueryParam("instType") String instType, @QueryParam("instId") String instId,
        @QueryParam("ordId") String ordId, @QueryParam("after") String after, @QueryParam("limit") String limit)
        throws OkexException, IOException;

    /**
     * The instrument's book, {@code sz} levels a side (at most 400; OKX gives one without it):
     * {@code data[0].bids} and {@code asks}, best first, each level {@code [px, sz, "0", orders]}, sz in
     * the base currency for spot. Public, unsigned; demo trading has its own book, which the
     * {@link #SIMULATED} header chooses as for orders.
     */
    @GET
    @Path("/market/books")
    OkexResponse<List<JsonNode>> books(
        @HeaderParam(SIMULATED) String simulated, @QueryParam("instId") String instId, @QueryParam("sz") int sz)
        throws OkexException, IOException;

    /** OKX's clock: {@code data[0].ts}, epoch milliseconds. Public, unsigned. */
    @GET
    @Path("/public/time")
    OkexResponse<List<JsonNode>> serverTime() throws OkexException, IOException;

    @POST
    @Path("/trade/order-algo")
    @Consumes(MediaType.APPLICATION_JSON)
    OkexResponse<List<JsonNode>> placeAlgoOrder(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase,
        @HeaderParam(SIMULATED) String simulated, OkxAlgoOrderRequest order) throws OkexException, IOException;

    /** One algo order, by OKX's id or the client's. */
    @GET
    @Path("/trade/order-algo")
    OkexResponse<List<JsonNode>> algoOrder(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase,
        @HeaderParam(SIMULATED) String simulated,
        @QueryParam("algoId") String algoId, @QueryParam("algoClOrdId") String algoClOrdId)
        throws OkexException, IOException;

    @POST
    @Path("/trade/cancel-algos")
    @Consumes(MediaType.APPLICATION_JSON)
    OkexResponse<List<JsonNode>> cancelAlgoOrders(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase,
        @HeaderParam(SIMULATED) String simulated, List<OkxAlgoCancel> cancels) throws OkexException, IOException;
}
