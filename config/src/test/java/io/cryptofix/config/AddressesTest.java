package io.cryptofix.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bind addresses are checked by form only, with no name lookup.
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
}
