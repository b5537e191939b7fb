package io.cryptofix.certification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A venue's credentials file as an operator keeps it: readable by its owner only, as the gateway demands. */
final class CredentialsFiles
{
    private CredentialsFiles()
    {
    }

    static Path write(final Path file, final String content) throws IOException
    {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, content);
    }
}
