package io.cryptofix.venue.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

import java.io.IOException;

/**
 * The Kraken spot calls the adapter makes itself, through XChange's REST layer: only the parameters
 * Kraken documents (XChange's own AddOrder adds undocumented ones), and answers read as plain JSON,
 * so that an order status Kraken adds later is read as a word rather than failing the whole answer.
 * Every answer is Kraken's envelope, {@code {"error":[...],"result":...}}, read by {@link KrakenAnswer}.
 */
@Path("0")
@Produces(MediaType.APPLICATION_JSON)
interface KrakenRest
{
    @GET
    @Path("public/Time")
    JsonNode time() throws IOException;

    /**
     * The book of one pair, {@code {"<pair name>":{"asks":[["price","volume",timestamp],..],"bids":[..]}}}
     * in the envelope, best first. Public; Kraken has no book of several pairs in one request.
     *
     * @param count levels a side: 1 to 500.
     */
    @GET
    @Path("public/Depth")
    JsonNode depth(@QueryParam("pair") String pair, @QueryParam("count") int count) throws IOException;

    @POST
    @Path("private/Balance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    JsonNode balance(
        @HeaderParam("API-Key") String apiKey,
        @HeaderParam("API-Sign") ParamsDigest signer,
        @FormParam("nonce") SynchronizedValueFactory<Long> nonce) throws IOException;

    @POST
    @Path("private/AddOrder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    JsonNode addOrder(
        @FormParam("userref") String userref,
        @FormParam("ordertype") String ordertype,
        @FormParam("type") String type,
        @FormParam("volume") String volume,
        @FormParam("pair") String pair,
        @FormParam("price") String price,
        @FormParam("price2") String price2,
        @FormParam("oflags") String oflags,
        @FormParam("timeinforce") String timeinforce,
        @FormParam("expiretm") String expiretm,
        @HeaderParam("API-Key") String apiKey,
        @HeaderParam("API-Sign") ParamsDigest signer,
        @FormParam("nonce") SynchronizedValueFactory<Long> nonce) throws IOException;

    @POST
    @Path("private/CancelOrder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    JsonNode cancelOrder(
        @FormParam("txid") String txid,
        @HeaderParam("API-Key") String apiKey,
        @HeaderParam("API-Sign") ParamsDigest signer,
        @FormParam("nonce") SynchronizedValueFactory<Long> nonce) throws IOException;

    /** @param trades "true" to list each order's trade ids, or null. */
    @POST
    @Path("private/QueryOrders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    JsonNode queryOrders(
        @FormParam("txid") String txids,
        @FormParam("trades") String trades,
        @HeaderParam("API-Key") String apiKey,
        @HeaderParam("API-Sign") ParamsDigest signer,
        @FormParam("nonce") SynchronizedValueFactory<Long> nonce) throws IOException;

    @POST
    @Path("private/OpenOrders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    JsonNode openOrders(
        @FormParam("userref") String userref,
        @HeaderParam("API-Key") String apiKey,
        @HeaderParam("API-Sign") ParamsDigest signer,
        @FormParam("nonce") SynchronizedValueFactory<Long> nonce) throws IOException;

    @POST
    @Path("private/ClosedOrders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    JsonNode closedOrders(
        @FormParam("userref") String userref,
        @HeaderParam("API-Key") String apiKey,
        @HeaderParam("API-Sign") ParamsDigest signer,
        @FormParam("nonce") SynchronizedValueFactory<Long> nonce) throws IOException;

    /** @param txids at most 20 trade ids, comma-separated (Kraken's limit). */
    @POST
    @Path("private/QueryTrades")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    JsonNode queryTrades(
        @FormParam("txid") String txids,
        @HeaderParam("API-Key") String apiKey,
        @HeaderParam("API-Sign") ParamsDigest signer,
        @FormParam("nonce") SynchronizedValueFactory<Long> nonce) throws IOException;
}
