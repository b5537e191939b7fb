package io.cryptofix.acceptor;

import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import uk.co.real_logic.artio.EncodingException;
import uk.co.real_logic.artio.builder.Decoder;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.builder.HeaderEncoder;
import uk.co.real_logic.artio.builder.OrderCancelRejectEncoder;
import uk.co.real_logic.artio.decoder.ExecutionReportDecoder;
import uk.co.real_logic.artio.decoder.OrderCancelRejectDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.function.LongPredicate;

/**
 * ExecutionReports and OrderCancelRejects for sessions that are not logged on (fills, expiries,
 * cancels on disconnect, what a restart found at the venues), kept in order and sent as new messages
 * once the session has logged on again. Each is kept encoded, as it was when it was held, so what the
 * client reads is the order as it stood then; encoded, a report takes a few hundred bytes of a
 * session's buffer instead of an encoder of its own, which matters when a restart holds a report for
 * every one of 100,000 orders. Held in memory: a gateway restart loses them. Duty-cycle thread only.
 */
final class HeldReports
{
    /**
     * Sends a message to a session: {@link ReportSender#SENT}, {@link ReportSender#NOT_NOW} or
     * {@link ReportSender#UNENCODABLE}.
     */
    @FunctionalInterface
    interface Outlet
    {
        int trySend(long sessionId, Encoder message);
    }

    // a bound on what one silent client can make the gateway keep (close to a million
    // ExecutionReports of typical size); past it reports are dropped and counted
    static final int MAX_BYTES_PER_SESSION = 256 * 1024 * 1024;
    /**
     * Reports sent to one session in one duty-cycle pass: a backlog of many thousands goes out in steps
     * the engine's buffer and the client's reading keep pace with, never all at once.
     */
    static final int DELIVERY_BATCH = 256;
    private static final int INITIAL_BYTES_PER_SESSION = 64 * 1024;
    private static final int LARGEST_MESSAGE = 64 * 1024;

    private static final Logger LOG = System.getLogger(HeldReports.class.getName());
    private static final byte EXECUTION_REPORT = 'R';
    private static final byte CANCEL_REJECT = 'C';
    // the session fills in its own when the message is sent; these only let the codec encode it now
    private static final String NO_COMP_ID = "-";
    private static final byte[] NO_SENDING_TIME = "19700101-00:00:00.000".getBytes(StandardCharsets.US_ASCII);

    private final int maxBytesPerSession;
    private final Long2ObjectHashMap<ExpandableRingBuffer> bySession = new Long2ObjectHashMap<>();
    private final MutableAsciiBuffer encoding = new MutableAsciiBuffer(new byte[LARGEST_MESSAGE + 1]);
    private final MutableAsciiBuffer decoding = new MutableAsciiBuffer();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final ExecutionReportDecoder reportDecoder = new ExecutionReportDecoder();
    private final OrderCancelRejectEncoder reject = new OrderCancelRejectEncoder();
    private final OrderCancelRejectDecoder rejectDecoder = new OrderCancelRejectDecoder();
    private final ExpandableRingBuffer.MessageConsumer sendOne = this::sendOne;
    private long deliveringTo;
    private Outlet outlet;
    private int sent;
    private int held;

    HeldReports()
    {
        this(MAX_BYTES_PER_SESSION);
    }

    HeldReports(final int maxBytesPerSession)
    {
        this.maxBytesPerSession = maxBytesPerSession;
    }

    /**
     * @return false if the session's buffer is full or the codec refuses the report: it is not kept.
     */
    boolean hold(final long sessionId, final ExecutionReportEncoder report)
    {
        return keep(sessionId, EXECUTION_REPORT, report, report.header());
    }

    /**
     * @return false if the session's buffer is full or the codec refuses the reject: it is not kept.
     */
    boolean hold(final long sessionId, final OrderCancelRejectEncoder reject)
    {
        return keep(sessionId, CANCEL_REJECT, reject, reject.header());
    }

    private boolean keep(final long sessionId, final byte kind, final Encoder message, final HeaderEncoder header)
    {
        header.senderCompID(NO_COMP_ID).targetCompID(NO_COMP_ID).msgSeqNum(1).sendingTime(NO_SENDING_TIME);
        final long encoded;
        try
        {
            encoded = message.encode(encoding, 1);
        }
        catch (final EncodingException | IndexOutOfBoundsException e)
        {
            LOG.log(Level.ERROR, "report could not be encoded and is not held: " + e.getMessage(), e);
            return false;
        }
        finally
        {
            // the caller's encoder goes on being used: a session fills these only where they are missing
            header.resetSenderCompID();
            header.resetTargetCompID();
            header.resetMsgSeqNum();
            header.resetSendingTime();
        }
        // the codec places the message where its BodyLength fits, at or after the offset given
        final int start = Encoder.offset(encoded) - 1;
        encoding.putByte(start, kind);
        ExpandableRingBuffer reports = bySession.get(sessionId);
        if (reports == null)
        {
            reports = new ExpandableRingBuffer(
                Math.min(INITIAL_BYTES_PER_SESSION, maxBytesPerSession), maxBytesPerSession, false);
            bySession.put(sessionId, reports);
        }
        if (!reports.append(encoding, start, 1 + Encoder.length(encoded)))
        {
            return false;
        }
        held++;
        return true;
    }

    /** Whether reports wait for the session, which then must hear them before anything new. */
    boolean has(final long sessionId)
    {
        return bySession.containsKey(sessionId);
    }

    /** Reports waiting, all sessions together. */
    int held()
    {
        return held;
    }

    /**
     * Sends the waiting reports of every session that can take messages again, oldest first, as
     * far as each session takes them and {@value #DELIVERY_BATCH} at most each.
     *
     * @param canSend whether a session is logged on and can take messages (and is not reading slowly).
     * @return how many were sent.
     */
    int deliver(final LongPredicate canSend, final Outlet outlet)
    {
        this.outlet = outlet;
        sent = 0;
        final Long2ObjectHashMap<ExpandableRingBuffer>.EntryIterator waiting = bySession.entrySet().iterator();
        while (waiting.hasNext())
        {
            waiting.next();
            deliveringTo = waiting.getLongKey();
            if (!canSend.test(deliveringTo))
            {
                continue;
            }
            final ExpandableRingBuffer reports = waiting.getValue();
            reports.consume(sendOne, DELIVERY_BATCH);
            if (reports.isEmpty())
            {
                waiting.remove();
            }
        }
        this.outlet = null;
        return sent;
    }

    private boolean sendOne(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        final boolean isReport = buffer.getByte(offset) == EXECUTION_REPORT;
        final Decoder decoder = isReport ? reportDecoder : rejectDecoder;
        decoding.wrap(buffer, offset + 1, length - 1);
        decoder.reset();
        decoder.decode(decoding, 0, length - 1);
        final Encoder message = decoder.toEncoder(isReport ? report : reject);
        // the codec's copy leaves the header out, and one sent again after a crash has PossResend in it
        if (decoder.header().hasPossResend())
        {
            message.header().possResend(decoder.header().possResend());
        }
        final int result = outlet.trySend(deliveringTo, message);
        if (result == ReportSender.NOT_NOW)
        {
            // kept, first in line, for the next duty cycle
            return false;
        }
        // one the codec refuses is dropped (and logged by the sender), never left to block the rest
        held--;
        sent += result == ReportSender.SENT ? 1 : 0;
        return true;
    }
}
