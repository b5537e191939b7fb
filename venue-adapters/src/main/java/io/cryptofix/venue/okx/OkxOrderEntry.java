package io.cryptofix.venue.okx;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.knowm.xchange.okex.dto.OkexException;
import org.knowm.xchange.okex.dto.OkexResponse;
import org.knowm.xchange.okex.dto.trade.OkexOrderResponse;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.util.List;

/**
 * OKX's order placement, declared here on XChange's own REST layer (rescu, with XChange's OKX
 * signer) because XChange 5.2.0's request object names the client order id {@code clOrderId}, which
 * OKX does not know: an order placed through it carries no client order id to find it by.
 */
@Path("/api/v5")
@Produces(MediaType.APPLICATION_JSON)
public interface OkxOrderEntry
{
    @POST
    @Path("/trade/order")
    @Consumes(MediaType.APPLICATION_JSON)
    OkexResponse<List<OkexOrderResponse>> placeOrder(
        @HeaderParam("OK-ACCESS-KEY") String apiKey,
        @HeaderParam("OK-ACCESS-SIGN") ParamsDigest signature,
        @HeaderParam("OK-ACCESS-TIMESTAMP") String timestamp,
        @HeaderParam("OK-ACCESS-PASSPHRASE") String passphrase,
        OkxOrderRequest order) throws OkexException, IOException;
}
