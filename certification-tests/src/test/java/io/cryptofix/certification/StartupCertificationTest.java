package io.cryptofix.certification;

import io.cryptofix.acceptor.SessionEvents;
import io.cryptofix.config.ConfigLoader;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.gateway.Gateway;
import org.junit.jupiter.api.Test;
import quickfix.field.ExecType;
import quickfix.field.Side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starting a gateway where one already runs fails with a clear message and harms nothing.
 */
class StartupCertificationTest
{
    @Test
    void secondGatewayOnTheSamePortIsRefusedAndTheFirstKeepsTrading() throws Exception
    {
        try (GatewayFixture first = GatewayFixture.start())
        {
            final GatewayConfig sameFixPort = ConfigLoader.parse(first.config().metricsOff().toYaml(), "second gateway");

            assertThatThrownBy(() -> Gateway.start(sameFixPort, first.options(), SessionEvents.NONE))
                .hasMessageContaining("cannot listen for FIX on 127.0.0.1:" + first.fixPort());
            assertThat(first.options().aeronDir()).isDirectory();

            try (FixTestClient client = FixTestClient.logOn("RISK", first.fixPort()))
            {
                client.send(Orders.limit(Orders.nextClOrdId(), Side.BUY, "BTC/USDT", "0.01", "1000"));
                assertThat(client.next("8").getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
                client.logout();
            }
        }
    }
}
