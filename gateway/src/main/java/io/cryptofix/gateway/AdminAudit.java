package io.cryptofix.gateway;

import io.cryptofix.config.Defaults;
import io.cryptofix.config.GatewayConfig;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code gateway audit admin}: the admin journal, every operator's action, refusal and automatic trip,
 * oldest first; readable while the gateway runs (a plain file, each line forced when written).
 */
final class AdminAudit
{
    static final String USAGE = "       gateway audit admin [--config FILE] [--format text|json]";

    private AdminAudit()
    {
    }

    /** @param args  {@code audit admin [options]}. */
    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        String configFile = null;
        String format = "text";
        for (int i = 2; i < args.length; i += 2)
        {
            if (i + 1 >= args.length || !"--config".equals(args[i]) && !"--format".equals(args[i]))
            {
                return usage(err, "unknown option or missing value: " + args[i]);
            }
            if ("--config".equals(args[i]))
            {
                configFile = args[i + 1];
            }
            else
            {
                format = args[i + 1];
            }
        }
        if (!"text".equals(format) && !"json".equals(format))
        {
            return usage(err, "--format is text or json, not " + format);
        }
        final GatewayConfig config = configFile == null ? Defaults.config() : GatewayMain.load(Path.of(configFile), err);
        if (config == null)
        {
            return GatewayMain.BAD_INPUT;
        }
        final Path file = config.dataDir().resolve(AdminJournal.FILE_NAME);
        final List<AdminJournalEntry> entries;
        try
        {
            entries = AdminJournal.read(file);
        }
        catch (final UncheckedIOException e)
        {
            err.println("gateway: audit: " + e.getMessage());
            return GatewayMain.FAILED;
        }
        for (final AdminJournalEntry entry : entries)
        {
            out.println("json".equals(format) ? entry.toJson() : text(entry));
        }
        if (entries.isEmpty())
        {
            err.println("gateway: audit: no admin actions in " + file.toAbsolutePath());
        }
        return GatewayMain.OK;
    }

    /** {@code 2026-12-07T16:02:11.204Z  desk (operator)  halt venue SIM: accepted  "venue feed stale"} */
    static String text(final AdminJournalEntry entry)
    {
        final StringBuilder line = new StringBuilder()
            .append(Instant.ofEpochMilli(entry.timeMillis())).append("  ")
            .append(entry.who()).append(entry.role() == null ? "" : " (" + entry.role() + ")").append("  ")
            .append(entry.action());
        if (entry.scope() != null)
        {
            line.append(' ').append(entry.scope());
        }
        if (entry.name() != null)
        {
            line.append(' ').append(entry.name());
        }
        line.append(": ").append(entry.outcome());
        if (entry.reason() != null)
        {
            line.append("  \"").append(entry.reason()).append('"');
        }
        return line.toString();
    }

    private static int usage(final PrintStream err, final String problem)
    {
        err.println("gateway: audit: " + problem);
        err.println("usage:" + USAGE.substring("      ".length()));
        return GatewayMain.BAD_INPUT;
    }
}
