package io.cryptofix.gateway;

import io.cryptofix.acceptor.PasswordHashes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gateway hash-password}: the first line of standard input in, its bcrypt hash out, never the password. */
class HashPasswordTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsAHashOfTheFirstLineThatTheLogonCheckAccepts()
    {
        final int status = run("s3cret pass\r\nignored\n");

        final String printed = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(status).isEqualTo(GatewayMain.OK);
        assertThat(printed).startsWith("$2y$").doesNotContain("s3cret");
        assertThat(PasswordHashes.matches("s3cret pass".toCharArray(), printed)).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anEmptyOrTooLongPasswordIsRefusedSayingHowToGiveIt()
    {
        assertThat(run("\n")).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a password must be 1 to 72 bytes (UTF-8), not 0")
            .contains("bin/gateway hash-password < password.txt");
        assertThat(run("x".repeat(73))).isEqualTo(GatewayMain.BAD_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private int run(final String input)
    {
        return HashPassword.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
