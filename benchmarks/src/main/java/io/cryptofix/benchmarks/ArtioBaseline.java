package io.cryptofix.benchmarks;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.decoder.NewOrderSingleDecoder;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.messages.InitialAcceptedSessionOwner;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * Baseline "the engine floor": the same New-then-Filled job on bare Artio, with the same embedded
 * media driver, archive, persistence and idle strategies as the gateway's default profile, and
 * nothing else. Usage: {@code ArtioBaseline PORT [default|low-latency]}; low-latency makes the
 * library and engine threads yield instead of park, like the gateway's profile of that name.
 */
public final class ArtioBaseline implements SessionHandler
{
    private static final String IPC = "aeron:ipc";
    private static final String ARCHIVE_CONTROL = "aeron:ipc?term-length=64k";
    private static final int TERM_LENGTH = 2 * 1024 * 1024;

    private final MutableAsciiBuffer asciiBuffer = new MutableAsciiBuffer();
    private final NewOrderSingleDecoder order = new NewOrderSingleDecoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final UnsafeBuffer orderId = new UnsafeBuffer(new byte[24]);
    private final UnsafeBuffer execId = new UnsafeBuffer(new byte[24]);
    private long nextId;
    private static boolean lowLatency;

    public static void main(final String[] args) throws Exception
    {
        final int port = Integer.parseInt(args[0]);
        lowLatency = args.length > 1 && "low-latency".equals(args[1]);
        final Path dataDir = Files.createTempDirectory("artio-baseline-");
        final String aeronDir = new File("/dev/shm").isDirectory() ?
            "/dev/shm/artio-baseline-" + port : dataDir.resolve("aeron").toString();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            running.set(false);
            try
            {
                main.join(10_000);
            }
            catch (final InterruptedException ignored)
            {
                Thread.currentThread().interrupt();
            }
        }));

        try (ArchivingMediaDriver driver = ArchivingMediaDriver.launch(
                new MediaDriver.Context().aeronDirectoryName(aeronDir).threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(idle()).dirDeleteOnStart(true).dirDeleteOnShutdown(true)
                    .termBufferSparseFile(true).publicationTermBufferLength(TERM_LENGTH)
                    .ipcTermBufferLength(TERM_LENGTH),
                new Archive.Context().aeronDirectoryName(aeronDir).archiveDir(dataDir.resolve("archive").toFile())
                    .controlChannelEnabled(false)
                    .archiveClientContext(new AeronArchive.Context().controlResponseChannel(ARCHIVE_CONTROL))
                    .replicationChannel("aeron:udp?endpoint=localhost:0").threadingMode(ArchiveThreadingMode.SHARED)
                    .idleStrategySupplier(ArtioBaseline::idle).deleteArchiveOnStart(true)
                    .segmentFileLength(8 * 1024 * 1024));
            FixEngine engine = FixEngine.launch(engineConfiguration(port, aeronDir, dataDir)))
        {
            final ArtioBaseline handler = new ArtioBaseline();
            final LibraryConfiguration library = new LibraryConfiguration()
                .libraryAeronChannels(List.of(IPC))
                .sessionAcquireHandler((session, info) -> handler)
                .libraryIdleStrategy(idle());
            library.aeronContext().aeronDirectoryName(aeronDir);
            library.monitoringFile(aeronDir + "/library-counters");
            try (FixLibrary fixLibrary = FixLibrary.connect(library))
            {
                System.out.println("Artio baseline listening on 127.0.0.1:" + port);
                final IdleStrategy idle = orderPathIdle();
                while (running.get())
                {
                    idle.idle(fixLibrary.poll(20));
                }
            }
        }
        finally
        {
            IoUtil.delete(dataDir.toFile(), true);
        }
    }

    private static EngineConfiguration engineConfiguration(final int port, final String aeronDir, final Path dataDir)
    {
        final EngineConfiguration engine = new EngineConfiguration()
            .bindTo("127.0.0.1", port)
            .libraryAeronChannel(IPC)
            .logFileDir(dataDir.resolve("logs").toString())
            .initialAcceptedSessionOwner(InitialAcceptedSessionOwner.SOLE_LIBRARY)
            .scheduler(new LowResourceEngineScheduler())
            .framerIdleStrategy(orderPathIdle())
            .archiverIdleStrategy(idle())
            .printStartupWarnings(false)
            .monitoringFile(aeronDir + "/engine-counters");
        engine.aeronContext().aeronDirectoryName(aeronDir);
        engine.aeronArchiveContext().aeronDirectoryName(aeronDir).controlRequestChannel(ARCHIVE_CONTROL)
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel(ARCHIVE_CONTROL);
        return engine;
    }

    // the gateway's default (parking) profile, so that the comparison is like for like
    private static IdleStrategy idle()
    {
        return new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(500));
    }

    private static IdleStrategy orderPathIdle()
    {
        return lowLatency ? new YieldingIdleStrategy() : idle();
    }

    @Override
    public Action onMessage(
        final DirectBuffer buffer, final int offset, final int length, final int libraryId, final Session session,
        final int sequenceIndex, final long messageType, final long timestampInNs, final long position,
        final OnMessageInfo messageInfo)
    {
        if (messageType != NewOrderSingleDecoder.MESSAGE_TYPE)
        {
            return CONTINUE;
        }
        asciiBuffer.wrap(buffer, offset, length);
        order.reset();
        order.decode(asciiBuffer, 0, length);
        final long id = nextId + 1;
        final int orderIdLength = orderId.putLongAscii(0, id);

        report.reset();
        report.orderID(orderId, orderIdLength)
            .execID(execId, execId.putLongAscii(0, id * 2))
            .clOrdID(order.clOrdID(), order.clOrdIDLength())
            .execType('0').ordStatus('0').side(order.side());
        report.instrument().symbol(order.symbol(), order.symbolLength());
        report.orderQtyData().orderQty(order.orderQty());
        report.leavesQty(order.orderQty()).cumQty(0, 0).avgPx(0, 0);
        if (session.trySend(report) < 0)
        {
            return ABORT;
        }

        report.execID(execId, execId.putLongAscii(0, id * 2 + 1)).execType('F').ordStatus('2')
            .leavesQty(0, 0).cumQty(order.orderQty()).lastQty(order.orderQty()).lastPx(60000, 0).avgPx(60000, 0);
        while (session.trySend(report) < 0)
        {
            // the New is out: the Filled must follow, and the engine drains the publication
            Thread.onSpinWait();
        }
        nextId = id;
        return CONTINUE;
    }

    @Override
    public void onTimeout(final int libraryId, final Session session)
    {
    }

    @Override
    public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
    {
    }

    @Override
    public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
    {
        return CONTINUE;
    }

    @Override
    public void onSessionStart(final Session session)
    {
    }
}
