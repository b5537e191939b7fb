package io.cryptofix.venue.rest;

import io.cryptofix.venue.VenueMetrics;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The balances are read for the metrics that publish them, and not at all for those that do not: an
 * unpublished balance is no reason to spend the venue's request budget.
 */
class BalancePollerTest
{
    private static final long START = 1_000_000L;

    private final ScriptedClient client = new ScriptedClient(10);
    private final RequestPacer pacer = new RequestPacer(100, 100, START);
    private final List<String> published = new ArrayList<>();

    BalancePollerTest()
    {
        client.balances = Map.of("USDT", new BigDecimal("100000"));
    }

    @Test
    void metricsThatPublishBalancesGetThemAtStartAndAboutOnceAMinute()
    {
        final BalancePoller poller = new BalancePoller("V", client, pacer, () -> START, metrics(true), START);

        assertThat(poller.poll(START)).isEqualTo(1);
        assertThat(poller.poll(START + 59_999)).as("not again within the minute").isZero();
        assertThat(poller.poll(START + 60_000)).isEqualTo(1);
        assertThat(client.balanceReads).isEqualTo(2);
        assertThat(published).containsExactly("V USDT 100000.0", "V USDT 100000.0");
    }

    @Test
    void metricsThatDoNotPublishBalancesCostTheVenueNoRequest()
    {
        final BalancePoller poller = new BalancePoller("V", client, pacer, () -> START, metrics(false), START);

        assertThat(poller.poll(START)).isZero();
        assertThat(poller.poll(START + 60_000)).isZero();
        assertThat(client.balanceReads).isZero();
        assertThat(published).isEmpty();
    }

    private VenueMetrics metrics(final boolean readsBalances)
    {
        return new VenueMetrics()
        {
            @Override
            public void onRateLimitWait(final String venueId, final long waitedMillis)
            {
            }

            @Override
            public void onRateLimited(final String venueId)
            {
            }

            @Override
            public boolean readsBalances()
            {
                return readsBalances;
            }

            @Override
            public void onBalance(final String venueId, final String asset, final double free)
            {
                published.add(venueId + " " + asset + " " + free);
            }
        };
    }
}
