package io.cryptofix.venue.rest;

import io.cryptofix.config.CredentialsStoreConfig;
import io.cryptofix.config.ExchangeVenueConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CredentialsStoreTest
{
    private static final char[] PASSWORD = "store-password-1".toCharArray();

    @TempDir
    Path dir;

    @Test
    void keysKeptAreReadBackByTheirRouteWhateverItsCaseAndTheFileIsEncryptedAndItsOwnersOnly() throws Exception
    {
        final Path file = dir.resolve("credentials.p12");
        final CredentialsStore store = new CredentialsStore(file, PASSWORD);
        store.put("BINANCE", new Credentials("binance-key-1", "binance-secret-1", null));
        store.put("COINBASE/Desk1", new Credentials("cb-key", "cb-secret", "cb-pass"));

        assertThat(store.read("binance")).isEqualTo(new Credentials("binance-key-1", "binance-secret-1", null));
        assertThat(new CredentialsStore(file, PASSWORD).read("COINBASE/DESK1"))
            .isEqualTo(new Credentials("cb-key", "cb-secret", "cb-pass"));
        assertThat(store.read("KRAKEN")).isNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        final String raw = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("binance-secret-1").doesNotContain("cb-secret").doesNotContain("cb-pass");
    }

    @Test
    void aListNamesEachRouteAndWhatItHoldsButNoValue()
    {
        final CredentialsStore store = new CredentialsStore(dir.resolve("credentials.p12"), PASSWORD);
        store.put("OKX", new Credentials("okx-key", "okx-secret", "okx-pass"));
        store.put("BINANCE/DESK1", new Credentials("desk-key", "desk-secret", null));

        final List<CredentialsStore.Entry> entries = store.list();

        assertThat(entries).extracting(CredentialsStore.Entry::route).containsExactly("BINANCE/DESK1", "OKX");
        assertThat(entries.get(0).passphrase()).isFalse();
        assertThat(entries.get(1).apiKey()).isTrue();
        assertThat(entries.get(1).secretKey()).isTrue();
        assertThat(entries.get(1).passphrase()).isTrue();
        assertThat(entries.get(1).setAt()).isNotNull();
        assertThat(entries.toString()).doesNotContain("okx-key", "okx-secret", "okx-pass", "desk-secret");
    }

    @Test
    void aReplacedKeyIsTheOneReadAndARemovedOneIsGone()
    {
        final CredentialsStore store = new CredentialsStore(dir.resolve("credentials.p12"), PASSWORD);
        store.put("OKX", new Credentials("okx-key", "okx-secret", "okx-pass"));
        store.put("OKX", new Credentials("okx-key-2", "okx-secret-2", null));

        assertThat(store.read("OKX")).isEqualTo(new Credentials("okx-key-2", "okx-secret-2", null));
        assertThat(store.remove("OKX")).isTrue();
        assertThat(store.remove("OKX")).isFalse();
        assertThat(store.read("OKX")).isNull();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aWrongPasswordOrAStoreOthersMayReadIsRefusedNamingTheFileNeverAValue() throws Exception
    {
        final Path file = dir.resolve("credentials.p12");
        new CredentialsStore(file, PASSWORD).put("BINANCE", new Credentials("k", "s-value", null));

        assertThatThrownBy(() -> new CredentialsStore(file, "wrong".toCharArray()).read("BINANCE"))
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessage("venue BINANCE: credentials store " + file + " cannot be read: wrong password, or the file " +
                "was changed without it");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> new CredentialsStore(file, PASSWORD).read("BINANCE"))
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessageContaining("may be read or changed by others (rw-r-----)")
            .hasMessageNotContaining("s-value");
    }

    @Test
    void aVenueReadsItsFileFirstThenTheStoreWhenItHoldsItsKeysThenTheEnvironment() throws Exception
    {
        final Path file = dir.resolve("credentials.p12");
        new CredentialsStore(file, PASSWORD).put("BINANCE", new Credentials("store-key", "store-secret", null));
        final CredentialsStoreConfig store = new CredentialsStoreConfig(file, "STORE_PASSWORD", null);
        final Map<String, String> environment = Map.of("STORE_PASSWORD", new String(PASSWORD),
            "K", "env-key", "S", "env-secret");

        assertThat(Credentials.load("BINANCE", venue(null), store, environment::get, false).apiKey())
            .isEqualTo("store-key");
        assertThat(Credentials.load("KRAKEN", venue(null), store, environment::get, false).apiKey())
            .isEqualTo("env-key");

        final Path properties = dir.resolve("binance.properties");
        Files.writeString(properties, "apiKey=file-key\nsecretKey=file-secret\n");
        Files.setPosixFilePermissions(properties, PosixFilePermissions.fromString("rw-------"));
        assertThat(Credentials.load("BINANCE", venue(properties), store, environment::get, false).apiKey())
            .isEqualTo("file-key");
    }

    @Test
    void aStoreHoldingTheVenuesKeysWithoutItsPasswordOrWithoutAPassphraseTheVenueNeedsSaysWhatIsMissing() throws Exception
    {
        final Path file = dir.resolve("credentials.p12");
        new CredentialsStore(file, PASSWORD).put("OKX", new Credentials("okx-key", "okx-secret", null));
        final CredentialsStoreConfig store = new CredentialsStoreConfig(file, "STORE_PASSWORD", null);

        assertThatThrownBy(() -> Credentials.load("OKX", venue(null), store, name -> null, true))
            .isInstanceOf(VenueUnavailableException.class)
            .hasMessage("venue OKX: credentials store " + file + " holds its keys but no password is given " +
                "(environment variable STORE_PASSWORD is not set)");
        assertThatThrownBy(() -> Credentials.load("OKX", venue(null), store,
            name -> "STORE_PASSWORD".equals(name) ? new String(PASSWORD) : null, true))
            .hasMessageContaining("has no passphrase for it");

        final Path passwordFile = dir.resolve("store-password");
        Files.writeString(passwordFile, new String(PASSWORD) + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        assertThat(Credentials.load("OKX", venue(null), new CredentialsStoreConfig(file, "UNSET", passwordFile),
            name -> null, false).secretKey()).isEqualTo("okx-secret");
    }

    @Test
    void aPasswordFromAPipeIsReadOnceAndKeptForEveryVenueAndRotationAfter() throws Exception
    {
        final Path pipe = dir.resolve("password-pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        final Thread writer = new Thread(() ->
        {
            try
            {
                // blocks until the reader opens the pipe, as a shell's 3< <(command) does
                Files.writeString(pipe, new String(PASSWORD) + "\n");
            }
            catch (final java.io.IOException e)
            {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        final CredentialsStoreConfig config = new CredentialsStoreConfig(dir.resolve("credentials.p12"), "UNSET", pipe);

        // a second read of an emptied pipe would block: it must not be read again
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
        {
            assertThat(StorePassword.read(config, name -> null)).isEqualTo(PASSWORD);
            assertThat(StorePassword.read(config, name -> null)).isEqualTo(PASSWORD);
        });
        writer.join();
    }

    private static ExchangeVenueConfig venue(final Path credentialsFile)
    {
        return new ExchangeVenueConfig("https://api.example.com", "K", "S", "P", credentialsFile, 1000, 10, 20,
            List.of("BTC/USDT"));
    }
}
