package io.cryptofix.acceptor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed Logon: the signature over its header fields and password holds only with the key, and only fresh. */
class LogonSignatureTest
{
    private static final byte[] KEY = "shared signing key".getBytes(StandardCharsets.UTF_8);
    private static final String SENT = "20261207-12:00:00.000";
    private static final long NOW = java.time.Instant.parse("2026-12-07T12:00:05Z").toEpochMilli();

    @Test
    void aSignatureOfTheLogonsFieldsWithTheKeyHoldsAndAnyChangeBreaksIt()
    {
        final String rawData = LogonSignature.sign(KEY, SENT, 1, "RISK", "GATEWAY", "pass");

        assertThat(LogonSignature.refusal(KEY, rawData, SENT, 1, "RISK", "GATEWAY", "pass", NOW)).isNull();
        assertThat(LogonSignature.refusal(KEY, rawData, SENT, 2, "RISK", "GATEWAY", "pass", NOW)).isEqualTo("signature");
        assertThat(LogonSignature.refusal(KEY, rawData, SENT, 1, "DEMO", "GATEWAY", "pass", NOW)).isEqualTo("signature");
        assertThat(LogonSignature.refusal(KEY, rawData, SENT, 1, "RISK", "GATEWAY", null, NOW)).isEqualTo("signature");
        assertThat(LogonSignature.refusal("other key".getBytes(StandardCharsets.UTF_8), rawData, SENT, 1, "RISK",
            "GATEWAY", "pass", NOW)).isEqualTo("signature");
        assertThat(LogonSignature.refusal(KEY, "not base64!", SENT, 1, "RISK", "GATEWAY", "pass", NOW))
            .isEqualTo("signature");
        assertThat(LogonSignature.refusal(KEY, null, SENT, 1, "RISK", "GATEWAY", "pass", NOW))
            .isEqualTo("signature_missing");
    }

    @Test
    void aLogonSentLongerAgoThanTheWindowOrUnreadablyIsStale()
    {
        final String rawData = LogonSignature.sign(KEY, SENT, 1, "RISK", "GATEWAY", null);

        assertThat(LogonSignature.refusal(KEY, rawData, SENT, 1, "RISK", "GATEWAY", null,
            NOW + LogonSignature.FRESH_MILLIS)).isEqualTo("signature_stale");
        assertThat(LogonSignature.refusal(KEY, rawData, "yesterday", 1, "RISK", "GATEWAY", null, NOW))
            .isEqualTo("signature_stale");
        assertThat(LogonSignature.refusal(KEY, rawData, SENT, 1, "RISK", "GATEWAY", null, NOW)).isNull();
    }
}
