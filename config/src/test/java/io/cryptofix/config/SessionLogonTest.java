package io.cryptofix.config;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may log on as a session: {@code passwordHash}, {@code Username}, {@code allowUnauthenticated}
 * (by default only where the acceptor listens on loopback) and {@code allowedAddresses}.
 */
class SessionLogonTest
{
    private static final String HASH = "$2y$12$" + "abcdefghijklmnopqrstuv" + "0123456789ABCDEFGHIJKLMNOPQRSTU";

    @Test
    void onLoopbackASessionWithoutPasswordMayLogOnAndBeyondItOnlyIfItSaysSo() throws ConfigException
    {
        assertThat(parse("fix: { sessions: [ { TargetCompID: RISK } ] }").fix().session("RISK").logon())
            .isEqualTo(SessionLogon.OPEN);
        assertThat(problemsOf("fix: { bindAddress: 0.0.0.0, sessions: [ { TargetCompID: RISK } ] }"))
            .containsExactly("fix.sessions[0].allowUnauthenticated: false (the default where fix.bindAddress is not " +
                "loopback) and no passwordHash: no logon could ever succeed (set passwordHash from bin/gateway " +
                "hash-password, or allowUnauthenticated: true)");
        assertThat(problemsOf("fix: { bindAddress: 0.0.0.0 }")).containsExactly("fix.sessions: missing (required: " +
            "sessions with a passwordHash (bin/gateway hash-password) or allowUnauthenticated: true, for the acceptor " +
            "listens beyond loopback and the default sessions have no password)");
        assertThat(parse("fix: { bindAddress: 0.0.0.0, sessions: [ { TargetCompID: RISK, passwordHash: \"" + HASH +
            "\", Username: desk-7 } ] }").fix().session("RISK").logon())
            .isEqualTo(new SessionLogon("desk-7", HASH, false, java.util.List.of()));
    }

    @Test
    void aPasswordHashMustBeBcryptAndNeverPrinted() throws ConfigException
    {
        assertThat(problemsOf("fix: { sessions: [ { TargetCompID: RISK, passwordHash: secret123 } ] }"))
            .containsExactly("fix.sessions[0].passwordHash: \"secret123\" is not a bcrypt hash (allowed: the output " +
                "of bin/gateway hash-password, e.g. $2y$12$...)");
        assertThat(parse("fix: { sessions: [ { TargetCompID: RISK, passwordHash: \"" + HASH + "\" } ] }")
            .fix().session("RISK").logon().toString()).doesNotContain(HASH).contains("passwordHash=set");
    }

    @Test
    void allowedAddressesTakeAddressesAndCidrBlocksOfBothFamilies() throws Exception
    {
        final SessionLogon logon = parse("fix: { sessions: [ { TargetCompID: RISK, allowedAddresses: " +
            "[10.1.0.0/16, 192.168.7.9, \"fd00::/8\"] } ] }").fix().session("RISK").logon();

        assertThat(logon.allows(InetAddress.getByName("10.1.200.3"))).isTrue();
        assertThat(logon.allows(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(logon.allows(InetAddress.getByName("192.168.7.9"))).isTrue();
        assertThat(logon.allows(InetAddress.getByName("192.168.7.10"))).isFalse();
        assertThat(logon.allows(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(logon.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(logon.allows(InetAddress.getByName("::ffff:10.1.0.9"))).as("IPv4 mapped into IPv6").isTrue();
        assertThat(problemsOf("fix: { sessions: [ { TargetCompID: RISK, allowedAddresses: [10.1.0.0/33, gw.example] } ] }"))
            .containsExactly(
                "fix.sessions[0].allowedAddresses: \"10.1.0.0/33\" is not an address or CIDR block (allowed: IPv4 or " +
                    "IPv6 literals, e.g. 10.0.0.7, 10.0.0.0/24, fd00::/8)",
                "fix.sessions[0].allowedAddresses: \"gw.example\" is not an address or CIDR block (allowed: IPv4 or " +
                    "IPv6 literals, e.g. 10.0.0.7, 10.0.0.0/24, fd00::/8)");
    }
}
