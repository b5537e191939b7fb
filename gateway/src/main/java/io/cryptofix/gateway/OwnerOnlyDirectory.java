package io.cryptofix.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Directories only the gateway's user may enter ({@code rwx------}): the data directory holds every
 * FIX message as archived (logons included), the order journal and the admin token; the Aeron
 * directory the messages in flight between the FIX engine and the library. One found open to the
 * group or to others is tightened, and the WARNING says what it was, for an operator who opened it on
 * purpose must learn it is closed again. On a file system without POSIX permissions nothing changes.
 */
final class OwnerOnlyDirectory
{
    private static final Logger LOG = System.getLogger(OwnerOnlyDirectory.class.getName());
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyDirectory()
    {
    }

    /**
     * Makes {@code dir}, and any parent it lacks, readable by the gateway's user only; an existing one
     * open to others is tightened with a WARNING.
     *
     * @param what  what the directory is, for the messages, e.g. "data directory".
     * @throws UncheckedIOException when it cannot be made.
     */
    static void create(final Path dir, final String what)
    {
        try
        {
            if (!posix())
            {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir))
            {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create " + what + " " + dir + ": " + e.getMessage(), e);
        }
        tighten(dir, what, true);
    }

    /**
     * Takes the group's and others' rights away from a directory something else made (the Aeron media
     * driver makes its own, as the process's umask allows). Quiet when it works; an ERROR when the
     * directory cannot be changed (another user's), which leaves it as it was. Never throws.
     */
    static void tightenMadeByOthers(final Path dir, final String what)
    {
        if (posix())
        {
            tighten(dir, what, false);
        }
    }

    private static void tighten(final Path dir, final String what, final boolean warn)
    {
        final Set<PosixFilePermission> permissions;
        try
        {
            permissions = Files.getPosixFilePermissions(dir);
        }
        catch (final IOException e)
        {
            LOG.log(Level.ERROR, "cannot read the permissions of {0} {1} ({2}): make sure only the gateway''s user " +
                "may enter it", what, dir, e.getMessage());
            return;
        }
        if (permissions.stream().noneMatch(GROUP_OR_OTHERS::contains))
        {
            return;
        }
        final Set<PosixFilePermission> ownerOnly = EnumSet.copyOf(permissions);
        ownerOnly.removeAll(GROUP_OR_OTHERS);
        try
        {
            Files.setPosixFilePermissions(dir, ownerOnly);
        }
        catch (final IOException e)
        {
            LOG.log(Level.ERROR, "{0} {1} is {2}, open to other users of this machine, and cannot be made " +
                "owner-only ({3}): make it so (chmod go= {1}), or the FIX messages in it can be read by them",
                what, dir, PosixFilePermissions.toString(permissions), e.getMessage());
            return;
        }
        if (warn)
        {
            LOG.log(Level.WARNING, "{0} {1} was {2}, open to other users of this machine; made {3}", what, dir,
                PosixFilePermissions.toString(permissions), PosixFilePermissions.toString(ownerOnly));
        }
    }

    private static boolean posix()
    {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
