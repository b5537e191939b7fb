package io.cryptofix.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bind addresses are checked by form only, with no name lookup; so is whether one is loopback only.
 */
class AddressesTest
{
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::", "::1", "fe80::1", "2001:db8:0:0:0:0:0:1",
        "::ffff:192.0.2.1", "localhost", "gw-1.example.com", "example.com."})
    void wellFormedAddressesAreAccepted(final String address)
    {
        assertThat(Addresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "256.0.0.1", "10.0.0", "1.2.3.4.5", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::2", "12345::1",
        "-gw.example.com", "gw_1", "host name", "http://localhost"})
    void malformedAddressesAreRejected(final String address)
    {
        assertThat(Addresses.isValid(address)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "127.0.0.1", "127.0.1.1", "127.255.255.254", "localhost", "LOCALHOST", "localhost.",
        "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1",
    })
    void aLoopbackAddressIsReachableFromThisMachineOnly(final String bindAddress)
    {
        assertThat(Addresses.isLoopback(bindAddress)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0.0.0.0", "::", "0:0:0:0:0:0:0:0", "10.1.2.3", "192.168.0.10", "128.0.0.1", "126.255.255.255",
        "fe80::1", "::ffff:10.0.0.1", "::2",
    })
    void theWildcardAndEveryOtherAddressAreReachableFromOtherMachines(final String bindAddress)
    {
        assertThat(Addresses.isLoopback(bindAddress)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway.example.com", "localhost.example.com", "my-host", "loopback"})
    void aHostNameOtherThanLocalhostCountsAsReachableForItIsNotLookedUp(final String bindAddress)
    {
        assertThat(Addresses.isLoopback(bindAddress)).isFalse();
    }
}
