package io.cryptofix.gateway;

import io.cryptofix.config.AdminConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * {@code <dataDir>/admin-token}: the gateway's own admin token when the configuration names none, made
 * at the first start and kept for the next ones, readable by its owner only (mode 0600). Whoever can
 * read the data directory started the gateway, so the token carries the highest role.
 */
final class AdminTokenFile
{
    static final String FILE_NAME = "admin-token";
    /** How the journal and the API name the holder of this token. */
    static final String HOLDER = "admin-token";

    private static final int RANDOM_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AdminTokenFile()
    {
    }

    /**
     * @return the token in the data directory's file, made first if there is none.
     * @throws IllegalStateException when the file cannot be made or holds no usable token.
     */
    static String readOrCreate(final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE_NAME);
        try
        {
            Files.createDirectories(dataDir);
            if (!Files.exists(file))
            {
                create(file);
            }
            final String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.length() < AdminConfig.MIN_TOKEN_LENGTH)
            {
                throw new IllegalStateException("the admin token file " + file + " holds no token of at least " +
                    AdminConfig.MIN_TOKEN_LENGTH + " characters: delete it and a new one is made " +
                    "at the next start");
            }
            return token;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot make or read the admin token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(final Path file) throws IOException
    {
        final String token = HexFormat.of().formatHex(randomBytes());
        final boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        // made with its mode, never readable by others for a moment; CREATE_NEW: a gateway starting
        // beside this one on the same data directory makes no second token
        final FileAttribute<?>[] ownerOnly = posix ?
            new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        try
        {
            Files.createFile(file, ownerOnly);
        }
        catch (final FileAlreadyExistsException e)
        {
            return;
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] randomBytes()
    {
        final byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
