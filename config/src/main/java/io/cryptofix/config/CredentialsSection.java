package io.cryptofix.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code credentials} section: where the encrypted store of venue keys is and where its password
 * comes from. The password itself is never in the file.
 */
final class CredentialsSection
{
    static final List<String> KEYS = List.of("store", "passwordEnv", "passwordFile");
    /** The store's value for {@code <dataDir>/credentials.p12}. */
    static final String IN_DATA_DIR = "default";
    static final String NONE = "none";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final TextRule ENV = new TextRule(
        "an environment variable name", text -> ENV_NAME.matcher(text).matches(), "letters, digits, underscore");
    private static final TextRule PATH = new TextRule("a file path", text -> !text.isBlank(), "a non-empty path");

    private CredentialsSection()
    {
    }

    static CredentialsStoreConfig read(final YamlMap section, final Path dataDir, final CredentialsStoreConfig fallback)
    {
        section.allowOnly(KEYS);
        final String store = section.text("store", fallback == null ? null : IN_DATA_DIR,
            "default (" + CredentialsStoreConfig.DEFAULT_FILE_NAME + " in dataDir) or a file path", PATH);
        final String passwordEnv = section.text("passwordEnv", fallback == null ? null : fallback.passwordEnv(),
            "the environment variable holding the store's password", ENV);
        final String passwordFile = section.text("passwordFile",
            fallback == null || fallback.passwordFile() == null ? NONE : fallback.passwordFile().toString(),
            "a file holding the store's password, or none", PATH);
        final Path storeFile = store == null || IN_DATA_DIR.equals(store) ?
            dataDir == null ? null : dataDir.resolve(CredentialsStoreConfig.DEFAULT_FILE_NAME) : Path.of(store);
        return new CredentialsStoreConfig(storeFile, passwordEnv,
            passwordFile == null || NONE.equals(passwordFile) ? null : Path.of(passwordFile));
    }
}
