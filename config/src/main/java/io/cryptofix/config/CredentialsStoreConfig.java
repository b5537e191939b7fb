package io.cryptofix.config;

import java.nio.file.Path;

/**
 * The encrypted store of venue API keys: a PKCS#12 keystore, read through the JDK's {@code KeyStore},
 * holding each venue's (or venue account's) key, secret and passphrase. A venue without a
 * {@code credentialsFile} whose keys are in the store signs with them; one whose keys are not there
 * reads its environment variables as before. The store's password is never in the file: it is read
 * from the environment variable or the file named here.
 *
 * @param store         the keystore file; {@code <dataDir>/credentials.p12} by default.
 * @param passwordEnv   the environment variable holding the store's password.
 * @param passwordFile  a file whose first line is the store's password, read instead of the
 *                      environment when set (e.g. {@code /run/secrets/...} or {@code /dev/fd/3});
 *                      null otherwise.
 */
public record CredentialsStoreConfig(Path store, String passwordEnv, Path passwordFile)
{
    /** The variable the store's password is read from unless the configuration names another. */
    public static final String DEFAULT_PASSWORD_ENV = "CRYPTOFIX_CREDENTIALS_PASSWORD";
    /** The store's file name in the data directory unless the configuration names another file. */
    public static final String DEFAULT_FILE_NAME = "credentials.p12";

    /** The store in the data directory, its password in {@value #DEFAULT_PASSWORD_ENV}. */
    public static CredentialsStoreConfig inDataDir(final Path dataDir)
    {
        return new CredentialsStoreConfig(dataDir.resolve(DEFAULT_FILE_NAME), DEFAULT_PASSWORD_ENV, null);
    }
}
