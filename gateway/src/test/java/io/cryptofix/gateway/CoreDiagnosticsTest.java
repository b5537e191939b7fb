package io.cryptofix.gateway;

import io.cryptofix.order.TradingScope;
import io.cryptofix.order.TradingState;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order core's trading state changes as operators see them: the gauge of every change, and in
 * the admin journal an automatic trip (an operator's change was journaled before the core had it).
 */
class CoreDiagnosticsTest
{
    private static final long T0 = 1_796_000_000_000L;

    @TempDir
    Path dataDir;

    @Test
    void anAutomaticTripIsJournaledByTheGatewayAndEveryChangeSetsTheGauge() throws Exception
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        try (AdminJournal journal = AdminJournal.open(dataDir))
        {
            final CoreDiagnostics diagnostics = new CoreDiagnostics(new GatewayMetrics(registry, false), journal);

            diagnostics.onTradingStateChanged(TradingScope.VENUE, "SIM", TradingState.HALTED, "price moved 12%", true, T0);
            diagnostics.onTradingStateChanged(TradingScope.SESSION, "RISK", TradingState.REDUCING, "desk", false, T0 + 1);
            diagnostics.onTradingStateChanged(TradingScope.GLOBAL, null, TradingState.HALTED, "desk", false, T0 + 2);

            await().atMost(Duration.ofSeconds(10)).until(() -> !journal.read().isEmpty());
            assertThat(journal.read()).containsExactly(new AdminJournalEntry(T0, "gateway", null, "halt", "venue", "SIM",
                "price moved 12%", AdminJournalEntry.TRIPPED));
        }
        final ByteArrayOutputStream scrape = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(scrape, registry.scrape());
        assertThat(scrape.toString(StandardCharsets.UTF_8)).contains(
            "cryptofix_trading_state{name=\"SIM\",scope=\"venue\"} 2.0",
            "cryptofix_trading_state{name=\"RISK\",scope=\"session\"} 1.0",
            "cryptofix_trading_state{name=\"global\",scope=\"global\"} 2.0");
    }
}
