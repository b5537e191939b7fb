package io.cryptofix.venue.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptofix.venue.rest.SigningKey;
import io.cryptofix.venue.rest.VenueTrade;
import si.mazi.rescu.ParamsDigest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.cryptofix.venue.okx.OkxFormat.decimal;
import static io.cryptofix.venue.okx.OkxFormat.instId;
import static io.cryptofix.venue.okx.OkxRefusal.checked;

/**
 * The trades of one OKX order, from the account's fills ({@code /trade/fills}, the last three
 * days): each with OKX's trade id, size in the base currency, price, and fee. OKX writes a fee
 * charged as a negative amount and a maker rebate as a positive one; the gateway's commission is
 * the other way round, so the sign is flipped.
 */
final class OkxFills
{
    /** OKX's largest page of fills. */
    private static final int PAGE = 100;

    private final OkxAccess access;
    private final OkxOrderEntry orderEntry;

    OkxFills(final OkxAccess access, final OkxOrderEntry orderEntry)
    {
        this.access = access;
        this.orderEntry = orderEntry;
    }

    /** @return the order's trades, oldest first. */
    List<VenueTrade> of(final String symbol, final String ordId) throws IOException
    {
        final List<VenueTrade> trades = new ArrayList<>();
        String after = null;
        while (true)
        {
            final SigningKey.Signing<ParamsDigest> signing = access.signing();
            final List<JsonNode> page = checked(orderEntry.fills(signing.apiKey(), signing.signer(), access.timestamp(),
                signing.passphrase(), access.simulated(), "SPOT", instId(symbol), ordId, after, Integer.toString(PAGE)));
            if (page == null)
            {
                break;
            }
            for (final JsonNode fill : page)
            {
                final String fee = fill.path("fee").asText("");
                trades.add(new VenueTrade(fill.path("tradeId").asText(), decimal(fill.path("fillSz").asText("")),
                    decimal(fill.path("fillPx").asText("")), decimal(fee).negate(),
                    fee.isEmpty() ? null : fill.path("feeCcy").asText(null)));
            }
            if (page.size() < PAGE)
            {
                break;
            }
            // newest first: the next page holds the fills older than the last bill of this one
            after = page.get(page.size() - 1).path("billId").asText();
        }
        Collections.reverse(trades);
        return trades;
    }
}
