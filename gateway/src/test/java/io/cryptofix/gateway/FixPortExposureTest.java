package io.cryptofix.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway says at start when its plain FIX port can be reached from other machines. */
class FixPortExposureTest
{
    @Test
    void theWarningNamesTheAddressTheRiskAndWhereTheTlsFrontIsDocumented()
    {
        final String warning = FixPortExposure.warning("0.0.0.0", 9880);

        assertThat(warning)
            .contains("FIX PORT OPEN WITHOUT TLS")
            .contains("0.0.0.0:9880")
            .contains("fix.bindAddress to 127.0.0.1")
            .contains("deploy/tls")
            .contains("docs/security.md, section \"TLS\"");
    }

    @Test
    void anIpv6AddressIsBracketedBeforeItsPort()
    {
        assertThat(FixPortExposure.warning("::", 9880)).contains("[::]:9880");
    }
}
