package io.cryptofix.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When the gateway warns at start that its plain FIX port can be reached from other machines. */
class FixPortExposureTest
{
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "127.0.0.1", "127.0.1.1", "127.255.255.254", "localhost", "LOCALHOST", "localhost.",
        "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1",
    })
    void aLoopbackAddressIsReachableFromThisMachineOnly(final String bindAddress)
    {
        assertThat(FixPortExposure.isLoopbackOnly(bindAddress)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0.0.0.0", "::", "0:0:0:0:0:0:0:0", "10.1.2.3", "192.168.0.10", "128.0.0.1", "126.255.255.255",
        "fe80::1", "::ffff:10.0.0.1", "::2",
    })
    void theWildcardAndEveryOtherAddressAreReachableFromOtherMachines(final String bindAddress)
    {
        assertThat(FixPortExposure.isLoopbackOnly(bindAddress)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway.example.com", "localhost.example.com", "my-host", "loopback"})
    void aHostNameOtherThanLocalhostCountsAsReachableForItIsNotLookedUp(final String bindAddress)
    {
        assertThat(FixPortExposure.isLoopbackOnly(bindAddress)).isFalse();
    }

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
