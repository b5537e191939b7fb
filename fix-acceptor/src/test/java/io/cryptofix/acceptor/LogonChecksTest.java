package io.cryptofix.acceptor;

import io.cryptofix.config.AddressBlock;
import io.cryptofix.config.SessionConfig;
import io.cryptofix.config.SessionLogon;
import org.agrona.concurrent.EpochClock;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision on one Logon, the peer address the engine gives, the slow-down of an address that keeps
 * failing, and the password hashes.
 */
class LogonChecksTest
{
    private static final String PASSWORD = "correct horse battery staple";
    private static final String HASH = PasswordHashes.hash(PASSWORD.toCharArray());

    @Test
    void aLogonIsRefusedForItsFirstFailingCheckAndLetThroughWhenAllPass() throws Exception
    {
        final InetAddress local = InetAddress.getByName("127.0.0.1");
        final SessionConfig guarded = session(new SessionLogon("desk-7", HASH, false,
            List.of(AddressBlock.parse("127.0.0.0/8"))));

        assertThat(LogonAuthenticator.refusal(local, null, null, null)).isEqualTo("unknown_session");
        assertThat(LogonAuthenticator.refusal(InetAddress.getByName("10.0.0.1"), guarded, "desk-7", PASSWORD.toCharArray()))
            .isEqualTo("address");
        assertThat(LogonAuthenticator.refusal(local, guarded, "desk-8", PASSWORD.toCharArray())).isEqualTo("username");
        assertThat(LogonAuthenticator.refusal(local, guarded, "desk-7", null)).isEqualTo("password_missing");
        assertThat(LogonAuthenticator.refusal(local, guarded, "desk-7", "wrong".toCharArray())).isEqualTo("password");
        assertThat(LogonAuthenticator.refusal(local, guarded, "desk-7", PASSWORD.toCharArray())).isNull();
        assertThat(LogonAuthenticator.refusal(local, session(SessionLogon.OPEN), null, null)).isNull();
        assertThat(LogonAuthenticator.refusal(local, session(new SessionLogon(null, null, false, List.of())), null, null))
            .isEqualTo("no_credentials");
    }

    @Test
    void thePeerAddressIsReadFromTheEnginesTextWithoutAnyNameLookup() throws Exception
    {
        assertThat(PeerAddress.of("/10.0.0.7:51234")).isEqualTo(InetAddress.getByName("10.0.0.7"));
        assertThat(PeerAddress.of("127.0.0.1:9")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(PeerAddress.of("localhost/127.0.0.1:9")).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(PeerAddress.of("[::1]:51234")).isEqualTo(InetAddress.getByName("::1"));
        assertThat(PeerAddress.of("/0:0:0:0:0:0:0:1:51234")).isEqualTo(InetAddress.getByName("::1"));
        assertThat(PeerAddress.of("gw.example.com:51234")).isNull();
        assertThat(PeerAddress.of(null)).isNull();
    }

    @Test
    void anAddressThatKeepsFailingWaitsLongerEachTimeUntilItSucceedsOrTheWindowPasses() throws Exception
    {
        final long[] now = {1_000_000};
        final EpochClock clock = () -> now[0];
        final FailedLogons failures = new FailedLogons(clock);
        final InetAddress guesser = InetAddress.getByName("10.9.9.9");
        final InetAddress other = InetAddress.getByName("10.9.9.10");

        for (int i = 0; i < FailedLogons.FREE_FAILURES; i++)
        {
            assertThat(failures.delayMillis(guesser)).isZero();
            failures.failed(guesser);
        }
        assertThat(failures.delayMillis(guesser)).isEqualTo(FailedLogons.FIRST_DELAY_MILLIS);
        failures.failed(guesser);
        assertThat(failures.delayMillis(guesser)).isEqualTo(2 * FailedLogons.FIRST_DELAY_MILLIS);
        for (int i = 0; i < 20; i++)
        {
            failures.failed(guesser);
        }
        assertThat(failures.delayMillis(guesser)).isEqualTo(FailedLogons.MAX_DELAY_MILLIS);
        assertThat(failures.delayMillis(other)).as("another address").isZero();

        now[0] += FailedLogons.WINDOW_MILLIS + 1;
        assertThat(failures.delayMillis(guesser)).as("after the window").isZero();
        failures.failed(guesser);
        failures.failed(guesser);
        failures.failed(guesser);
        failures.succeeded(guesser);
        assertThat(failures.delayMillis(guesser)).as("after a success").isZero();
    }

    @Test
    void aHashIsSaltedAndRefusesPasswordsBcryptCannotTake()
    {
        assertThat(HASH).startsWith("$2y$12$").hasSize(60);
        assertThat(PasswordHashes.hash(PASSWORD.toCharArray())).as("salted").isNotEqualTo(HASH);
        assertThat(PasswordHashes.matches(PASSWORD.toCharArray(), HASH)).isTrue();
        assertThat(PasswordHashes.matches("Correct horse battery staple".toCharArray(), HASH)).isFalse();
        assertThat(PasswordHashes.matches(new char[0], HASH)).isFalse();
        assertThat(PasswordHashes.matches(PASSWORD.toCharArray(), "not a hash")).isFalse();
        final char[] tooLong = new char[PasswordHashes.MAX_PASSWORD_BYTES + 1];
        java.util.Arrays.fill(tooLong, 'x');
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordHashes.hash(tooLong))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 72 bytes");
    }

    private static SessionConfig session(final SessionLogon logon)
    {
        return new SessionConfig("RISK", "SIM", true, null, logon);
    }
}
