package io.cryptofix.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.cryptofix.config.ConfigProblems.parse;
import static io.cryptofix.config.ConfigProblems.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code credentials} section: where the encrypted store of venue keys is, and where its password
 * is read from, never the password itself.
 */
class CredentialsStoreConfigTest
{
    @Test
    void byDefaultTheStoreIsInTheDataDirectoryAndItsPasswordInTheGatewaysVariable() throws ConfigException
    {
        assertThat(parse("dataDir: /var/lib/cryptofix").credentials()).isEqualTo(new CredentialsStoreConfig(
            Path.of("/var/lib/cryptofix/credentials.p12"), "CRYPTOFIX_CREDENTIALS_PASSWORD", null));
    }

    @Test
    void aStoreAndAPasswordFileOrVariableOfTheOperatorsChoiceAreTaken() throws ConfigException
    {
        assertThat(parse(
            "credentials:",
            "  store: /etc/cryptofix/keys.p12",
            "  passwordEnv: KEYS_PASSWORD",
            "  passwordFile: /dev/fd/3").credentials()).isEqualTo(new CredentialsStoreConfig(
                Path.of("/etc/cryptofix/keys.p12"), "KEYS_PASSWORD", Path.of("/dev/fd/3")));
    }

    @Test
    void aPasswordInTheFileOrABadVariableNameIsRefusedNamingWhatIsAllowed()
    {
        assertThat(problemsOf(
            "credentials:",
            "  passwordEnv: 9LIVES",
            "  password: s3cret")).containsExactly(
                "credentials.passwordEnv: \"9LIVES\" is not an environment variable name (allowed: letters, digits, " +
                    "underscore)",
                "credentials.password: unknown key (allowed: store, passwordEnv, passwordFile)");
    }
}
