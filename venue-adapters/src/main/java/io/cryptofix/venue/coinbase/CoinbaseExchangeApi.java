package io.cryptofix.venue.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.knowm.xchange.coinbasepro.dto.CoinbasePagedResponse;
import org.knowm.xchange.coinbasepro.dto.CoinbaseProException;
import org.knowm.xchange.coinbasepro.dto.account.CoinbaseProAccount;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProProduct;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProFill;
import org.knowm.xchange.coinbasepro.dto.trade.CoinbaseProPlaceOrder;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;

/**
 * The Coinbase Exchange endpoints the adapter calls, declared on XChange's REST layer (rescu) and
 * signed by XChange's Coinbase signer. Declared here rather than taken from XChange 5.2.0's binding:
 * that one stamps every private request with the host's clock (its timestamp factory cannot be
 * replaced), has no {@code /time}, and reads an order into a class without {@code reject_reason},
 * {@code expire_time} or {@code time_in_force}, which the order's end is told by. The timestamp is
 * sent as decimal seconds, as Coinbase allows.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface CoinbaseExchangeApi
{
    String KEY = "CB-ACCESS-KEY";
    String SIGN = "CB-ACCESS-SIGN";
    String TIMESTAMP = "CB-ACCESS-TIMESTAMP";
    String PASSPHRASE = "CB-ACCESS-PASSPHRASE";

    /** Coinbase's clock: {@code {"iso": "...", "epoch": 1420674445.201}}. Public. */
    @GET
    @Path("time")
    JsonNode time() throws CoinbaseProException, IOException;

    @GET
    @Path("products")
    CoinbaseProProduct[] products() throws CoinbaseProException, IOException;

    /**
     * The book of one product, {@code {"bids":[["price","size",num_orders],..],"asks":[..],"sequence":..}},
     * best first. Public; Coinbase has no book of several products in one request.
     *
     * @param level 1 for the best bid and ask only, 2 for every price level (aggregated), 3 for every order.
     */
    @GET
    @Path("products/{product}/book")
    JsonNode book(@PathParam("product") String productId, @QueryParam("level") int level)
        throws CoinbaseProException, IOException;

    @GET
    @Path("accounts")
    CoinbaseProAccount[] accounts(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase)
        throws CoinbaseProException, IOException;

    /** @return the order as Coinbase took it (its {@code id} and, already, its status). */
    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode placeOrder(
        CoinbaseProPlaceOrder order,
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase)
        throws CoinbaseProException, IOException;

    /** @param id Coinbase's id, or {@code client:<client_oid>}. */
    @DELETE
    @Path("orders/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    void cancelOrder(
        @PathParam("id") String id, @QueryParam("product_id") String productId,
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase)
        throws CoinbaseProException, IOException;

    /** @param id Coinbase's id, or {@code client:<client_oid>}. */
    @GET
    @Path("orders/{id}")
    JsonNode order(
        @PathParam("id") String id,
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase)
        throws CoinbaseProException, IOException;

    /** Without a status filter: the orders still working (open, pending, active). */
    @GET
    @Path("orders")
    JsonNode openOrders(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase)
        throws CoinbaseProException, IOException;

    /**
     * One page of an order's fills, newest first.
     *
     * @param after the {@code CB-AFTER} cursor of the page before, for older fills; null for the first page.
     */
    @GET
    @Path("fills")
    CoinbasePagedResponse<CoinbaseProFill> fills(
        @HeaderParam(KEY) String apiKey, @HeaderParam(SIGN) ParamsDigest signature,
        @HeaderParam(TIMESTAMP) String timestamp, @HeaderParam(PASSPHRASE) String passphrase,
        @QueryParam("order_id") String orderId, @QueryParam("limit") Integer limit, @QueryParam("after") String after)
        throws CoinbaseProException, IOException;
}
