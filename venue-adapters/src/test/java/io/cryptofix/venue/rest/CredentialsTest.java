package io.cryptofix.venue.rest;

import io.cryptofix.config.ExchangeVenueConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A venue's keys from a credentials file only its owner may read, or from the environment; never printed. */
class CredentialsTest
{
    @TempDir
    Path dir;

    @Test
    void aFileOnlyItsOwnerMayReadIsReadAndOneOthersMayReadIsRefusedNamingTheFix() throws Exception
    {
        final Path file = dir.resolve("binance.properties");
        Files.writeString(file, "apiKey=k-123\nsecretKey=s-456\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        final Credentials credentials = Credentials.load("BINANCE", venue(file), name -> null);
        assertThat(credentials.apiKey()).isEqualTo("k-123");
        assertThat(credentials).hasToString("Credentials[hidden]");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Credentials.load("BINANCE", venue(file), name -> null))
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessage("venue BINANCE: credentials file " + file + " may be read or changed by others (rw-r--r--); " +
                "allow its owner only: chmod 600 " + file)
            .hasMessageNotContaining("s-456");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));
        assertThatThrownBy(() -> Credentials.load("BINANCE", venue(file), name -> null))
            .hasMessageContaining("(rw--w----)");
    }

    private static ExchangeVenueConfig venue(final Path credentialsFile)
    {
        return new ExchangeVenueConfig("https://api.binance.com", "K", "S", "P", credentialsFile, 1000, 10, 20,
            List.of("BTC/USDT"));
    }
}
