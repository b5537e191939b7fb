package io.cryptofix.gateway;

import io.cryptofix.acceptor.FixMessageArchive;
import io.cryptofix.config.Defaults;
import io.cryptofix.config.GatewayConfig;
import io.cryptofix.config.PostgresConfig;
import io.cryptofix.store.JournalEvent;
import io.cryptofix.store.postgres.PostgresStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gateway audit}: the FIX messages the gateway received and sent, read back from the archive
 * in its data directory (the gateway stopped) or from the PostgreSQL system of record (any time),
 * with tag names decoded. Either the messages of a session in a time range,
 * or the life of one order ({@code audit order CLORDID}): every message whose ClOrdID (11) or
 * OrigClOrdID (41) is the order's, following the order through replaces and cancels, with the
 * order's events from the journal (reports journaled, requests to the venue) in between. The admin
 * journal ({@code audit admin}) is {@link AdminAudit}'s.
 */
final class Audit
{
    private static final List<String> OPTIONS =
        List.of("--config", "--session", "--from", "--to", "--format", "--source");
    private static final String USAGE = "usage: gateway audit [--config FILE] [--session COMPID] [--from TIME] " +
        "[--to TIME] [--format text|json] [--source archive|postgres]\n" +
        "       gateway audit order CLORDID [--config FILE] [--format text|json] [--source archive|postgres]\n" +
        AdminAudit.USAGE + "\n" +
        "TIME is UTC, ISO-8601: 2026-11-25T08:00:00Z";

    private Audit()
    {
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length > 1 && "admin".equals(args[1]))
        {
            return AdminAudit.run(args, out, err);
        }
        final boolean order = args.length > 1 && "order".equals(args[1]);
        if (order && args.length < 3)
        {
            return usage(err, "audit order needs the ClOrdID of the order");
        }
        final int first = order ? 3 : 1;
        final Map<String, String> options = new HashMap<>();
        for (int i = first; i < args.length; i += 2)
        {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length)
            {
                return usage(err, "unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        final String format = options.getOrDefault("--format", "text");
        if (!"text".equals(format) && !"json".equals(format))
        {
            return usage(err, "--format is text or json, not " + format);
        }
        final String source = options.getOrDefault("--source", "archive");
        if (!"archive".equals(source) && !"postgres".equals(source))
        {
            return usage(err, "--source is archive or postgres, not " + source);
        }
        final long fromNanos;
        final long toNanos;
        try
        {
            fromNanos = nanos(options.get("--from"), Long.MIN_VALUE);
            toNanos = nanos(options.get("--to"), Long.MAX_VALUE);
        }
        catch (final DateTimeParseException e)
        {
            return usage(err, "not a UTC time: " + e.getParsedString());
        }
        final GatewayConfig config = options.containsKey("--config") ?
            GatewayMain.load(Path.of(options.get("--config")), err) : Defaults.config();
        if (config == null)
        {
            return GatewayMain.BAD_INPUT;
        }

        final FixMessageFormat formatter = new FixMessageFormat("json".equals(format));
        final String session = options.get("--session");
        final OrderChain chain = order ? new OrderChain(args[2]) : null;
        // the life of an order interleaves FIX messages and journal events: sorted by time once all are read
        final List<Line> lines = new ArrayList<>();
        final FixMessageArchive.Listener messages = (received, timestampNanos, message) ->
        {
            final List<String[]> fields = FixMessageFormat.fields(message);
            // the client's CompID: the sender of what the gateway received, the target of what it sent
            final String client = FixMessageFormat.value(fields, received ? "49" : "56");
            if (timestampNanos < fromNanos || timestampNanos > toNanos ||
                session != null && !session.equals(client) ||
                chain != null && !chain.concerns(fields))
            {
                return;
            }
            lines.add(new Line(timestampNanos, formatter.format(received, timestampNanos, client, fields)));
        };
        final String readFrom;
        if ("postgres".equals(source))
        {
            final PostgresConfig postgres = config.store().postgres();
            if (postgres == null)
            {
                err.println("gateway: audit: --source postgres needs store.postgres in the configuration");
                return GatewayMain.BAD_INPUT;
            }
            try (PostgresStore store = PostgresStore.open(postgres, System::getenv))
            {
                store.readFixMessages(session, fromNanos, toNanos, messages::onMessage);
                if (chain != null)
                {
                    for (final JournalEvent event : store.readOrderEvents(chain.clOrdIds))
                    {
                        lines.add(new Line(event.timeNanos(), formatter.format(event)));
                    }
                }
            }
            catch (final SQLException | IllegalArgumentException e)
            {
                err.println("gateway: audit: cannot read the system of record: " + e.getMessage());
                return GatewayMain.FAILED;
            }
            readFrom = "the system of record at " + postgres.url() + ", schema " + postgres.schema();
        }
        else
        {
            try
            {
                StoppedGatewayArchive.scan(config.dataDir(), messages, chain == null ? null : (recordingId, event) ->
                {
                    if (chain.concerns(event))
                    {
                        lines.add(new Line(event.timeNanos(), formatter.format(event)));
                    }
                });
            }
            catch (final IllegalStateException e)
            {
                err.println("gateway: audit: " + e.getMessage());
                return GatewayMain.FAILED;
            }
            readFrom = config.dataDir().toAbsolutePath().toString();
        }
        lines.sort(Comparator.comparingLong(Line::timeNanos));
        for (final Line line : lines)
        {
            out.println(line.text());
        }
        if (lines.isEmpty())
        {
            err.println("gateway: audit: no FIX messages matched in " + readFrom);
        }
        return GatewayMain.OK;
    }

    private static long nanos(final String time, final long absent)
    {
        if (time == null)
        {
            return absent;
        }
        final Instant instant = Instant.parse(time);
        // nanoseconds since the epoch reach to the year 2262; later times are simply after every message
        if (instant.getEpochSecond() >= Long.MAX_VALUE / 1_000_000_000L)
        {
            return Long.MAX_VALUE;
        }
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static int usage(final PrintStream err, final String problem)
    {
        err.println("gateway: audit: " + problem);
        err.println(USAGE);
        return GatewayMain.BAD_INPUT;
    }

    private record Line(long timeNanos, String text)
    {
    }

    /** The ClOrdIDs one order has had: its first, and each that replaced or canceled it since. */
    private static final class OrderChain
    {
        private final Set<String> clOrdIds = new HashSet<>();

        OrderChain(final String clOrdId)
        {
            clOrdIds.add(clOrdId);
        }

        /** A journal event concerns the order if it names one of its ClOrdIDs (after its FIX messages were read). */
        boolean concerns(final JournalEvent event)
        {
            return clOrdIds.contains(event.clOrdId()) || event.origClOrdId() != null && clOrdIds.contains(event.origClOrdId());
        }

        boolean concerns(final List<String[]> fields)
        {
            final String clOrdId = FixMessageFormat.value(fields, "11");
            final String origClOrdId = FixMessageFormat.value(fields, "41");
            if (origClOrdId != null && clOrdIds.contains(origClOrdId))
            {
                if (clOrdId != null)
                {
                    clOrdIds.add(clOrdId);
                }
                return true;
            }
            return clOrdId != null && clOrdIds.contains(clOrdId);
        }
    }
}
