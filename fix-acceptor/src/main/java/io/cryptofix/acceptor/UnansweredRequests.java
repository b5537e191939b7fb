package io.cryptofix.acceptor;

import io.cryptofix.translation.ClientText;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import uk.co.real_logic.artio.session.Session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.ABORT;
import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * Requests a client sent that the engine received but the order core never handled, because the
 * gateway stopped in between: the engine records a message as it arrives, before the duty cycle
 * takes it, and the order journal only has what the core did with it. The engine counts such a
 * request as received, so after the restart nothing asks the client to send it again, and the client
 * would wait for its answer for ever. At start they are found in the engine's recording of received
 * messages ({@link #find}); when their session logs on again each is handed to the order entry, in
 * the order received and before anything newer from the session, as if it had just arrived
 * ({@link #handOver}).
 *
 * <p>A request was handled when the order journal holds its ClOrdID (a NewOrderSingle, cancel or
 * replace the core took, or a cancel or replace it refused for an order it has), or when the engine
 * sent an answer to it after receiving it: an ExecutionReport or OrderCancelReject with its ClOrdID
 * for a NewOrderSingle, cancel or replace; an ExecutionReport OrderStatus (150=I) with its ClOrdID
 * for an OrderStatusRequest; an OrderMassCancelReport with its ClOrdID for an OrderMassCancelRequest;
 * a report with its MassStatusReqID for an OrderMassStatusRequest; a Reject or BusinessMessageReject
 * with its MsgSeqNum for any message. An answer the engine sent but had not yet recorded when the
 * gateway stopped is not seen, and that request is answered a second time: a refusal or a status
 * again, never a second order, for an order the core takes is in the journal before its client or
 * its venue hears of it.
 *
 * <p>The recordings are read from where they stood at the last start that left no request
 * unanswered ({@value #FILE} in the data directory) to where they stood before the engine started
 * ({@link #window}): requests still waiting for a session that has not logged on since are found
 * again at the next start.
 */
public final class UnansweredRequests
{
    static final String FILE = "fix-request-positions";

    private static final char SOH = '\u0001';
    private static final String MSG_TYPE = SOH + "35=";
    private static final String MSG_SEQ_NUM = SOH + "34=";
    private static final String POSS_DUP = SOH + "43=Y" + SOH;
    private static final String CL_ORD_ID = SOH + "11=";
    private static final String EXEC_TYPE = SOH + "150=";
    private static final String MASS_STATUS_REQ_ID = SOH + "584=";
    private static final String REF_SEQ_NUM = SOH + "45=";

    // the answers a request waits for, by kind: a report or cancel reject of its order or request,
    // an OrderStatus report, an OrderMassCancelReport, mass status reports, a session-level refusal
    private static final String ORDER_ANSWER = "R ";
    private static final String STATUS_ANSWER = "I ";
    private static final String MASS_CANCEL_ANSWER = "r ";
    private static final String MASS_STATUS_ANSWER = "M ";
    private static final String REFUSAL = "S ";

    private final Long2ObjectHashMap<ArrayDeque<Request>> waiting;
    private final List<Request> found;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);

    /** Whether the order journal holds this ClOrdID for the session. */
    @FunctionalInterface
    public interface Journaled
    {
        boolean journaled(long sessionId, String clOrdId);
    }

    /** The part of the recordings a start searches: from where the last search left none waiting to their end now. */
    public static final class Window
    {
        private final Path file;
        private final Long2LongHashMap from;
        private final Long2LongHashMap to;

        private Window(final Path file, final Long2LongHashMap from, final Long2LongHashMap to)
        {
            this.file = file;
            this.from = from;
            this.to = to;
        }
    }

    /** One request as the engine recorded it. */
    record Request(long sessionId, int msgSeqNum, String msgType, String clOrdId, String massStatusReqId,
        long timestampNanos, String message)
    {
        /** For operators: the session's CompID, MsgSeqNum, type and ClOrdID, escaped. */
        String describe()
        {
            final String compId = SentReports.value(message, SOH + "49=");
            return ClientText.escape((compId == null ? "session " + sessionId : compId) + " MsgSeqNum " + msgSeqNum +
                " MsgType " + msgType + (clOrdId != null ? " ClOrdID " + clOrdId :
                massStatusReqId != null ? " MassStatusReqID " + massStatusReqId : ""));
        }
    }

    private UnansweredRequests(final List<Request> found)
    {
        this.found = found;
        this.waiting = new Long2ObjectHashMap<>();
        for (final Request request : found)
        {
            waiting.computeIfAbsent(request.sessionId(), sessionId -> new ArrayDeque<>()).add(request);
        }
    }

    /** Where the engine's recordings end now: call before the engine starts, so that a search ends there. */
    public static Window window(final String aeronDirName, final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE);
        final Long2LongHashMap to = new Long2LongHashMap(Long.MIN_VALUE);
        try (ArchivedFixMessages archive = ArchivedFixMessages.connect(aeronDirName))
        {
            for (final ArchivedFixMessages.Recording recording : archive.recordings())
            {
                to.put(recording.recordingId(), archive.writtenPosition(recording.recordingId()));
            }
        }
        return new Window(file, RecordingPositions.read(file), to);
    }

    /**
     * Reads the window's received requests and the answers sent, and keeps the requests neither the
     * journal nor an answer accounts for. When none is left, the next start searches from where this
     * window ends.
     */
    public static UnansweredRequests find(final String aeronDirName, final Window window, final Journaled journaled)
    {
        final Search search = new Search(journaled);
        try (ArchivedFixMessages archive = ArchivedFixMessages.connect(aeronDirName))
        {
            final List<ArchivedFixMessages.Recording> recordings = archive.recordings();
            // requests first, so that only the answers some request waits for are kept, and none
            // are read when every request is in the journal
            for (final boolean received : new boolean[] {true, false})
            {
                if (!received && !search.waitsForAnswers())
                {
                    break;
                }
                for (final ArchivedFixMessages.Recording recording : recordings)
                {
                    final long to = window.to.get(recording.recordingId());
                    if (recording.received() != received || to == window.to.missingValue())
                    {
                        // of the other direction, or begun by this start's engine
                        continue;
                    }
                    final long from = Math.max(recording.startPosition(), window.from.get(recording.recordingId()));
                    archive.readWithSessions(recording, from, to, new SleepingMillisIdleStrategy(1),
                        (sessionId, isReceived, timestampNanos, message) ->
                        {
                            if (isReceived)
                            {
                                search.received(sessionId, timestampNanos, message);
                            }
                            else
                            {
                                search.sent(sessionId, timestampNanos, message);
                            }
                        });
                }
            }
        }
        final UnansweredRequests unanswered = new UnansweredRequests(search.unanswered());
        if (unanswered.count() == 0)
        {
            RecordingPositions.write(window.file, window.to);
        }
        return unanswered;
    }

    /** How many requests were found unanswered at start. */
    public int count()
    {
        return found.size();
    }

    /** The requests found, for operators: at most {@code limit}, each with its session, MsgSeqNum, type and ClOrdID. */
    public String describe(final int limit)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(limit, found.size()); i++)
        {
            text.append(i == 0 ? "" : "; ").append(found.get(i).describe());
        }
        return text.append(found.size() > limit ? "; ..." : "").toString();
    }

    /** Whether requests of this session wait to be handed over. Duty cycle only. */
    boolean waiting(final long sessionId)
    {
        return waiting.containsKey(sessionId);
    }

    /**
     * Hands the session's waiting requests to the order entry, oldest first. Duty cycle only.
     *
     * @return ABORT when one could not be handled now (its Reject could not be sent): it and those
     *     after it wait for the next call; CONTINUE when none waits any more.
     */
    Action handOver(final Session session, final OrderEntryHandler orderEntry)
    {
        final ArrayDeque<Request> requests = waiting.get(session.id());
        if (requests == null)
        {
            return CONTINUE;
        }
        Request request;
        while ((request = requests.peek()) != null)
        {
            final byte[] bytes = request.message().getBytes(StandardCharsets.US_ASCII);
            buffer.wrap(bytes);
            if (orderEntry.onUnanswered(buffer, 0, bytes.length, session, packMessageType(request.msgType()),
                request.timestampNanos(), request.msgSeqNum()) == ABORT)
            {
                return ABORT;
            }
            requests.poll();
        }
        waiting.remove(session.id());
        return CONTINUE;
    }

    /** MsgType (35) as Artio packs it into a long: one byte per character, the first in the lowest byte. */
    static long packMessageType(final String msgType)
    {
        long packed = 0;
        for (int i = 0; i < msgType.length() && i < Long.BYTES; i++)
        {
            packed |= (long)(msgType.charAt(i) & 0xFF) << (8 * i);
        }
        return packed;
    }

    /**
     * The search itself: requests in the order received, then the answers sent; what is left
     * unanswered, by session in the order received.
     */
    static final class Search
    {
        private final Journaled journaled;
        private final List<Request> requests = new ArrayList<>();
        // per session: each answer a request waits for, and when the latest such answer was sent
        private final Long2ObjectHashMap<Map<String, Long>> answeredAt = new Long2ObjectHashMap<>();
        // per session: a request sent again (PossDupFlag) is the one the engine already has
        private final Long2ObjectHashMap<Set<String>> seen = new Long2ObjectHashMap<>();

        Search(final Journaled journaled)
        {
            this.journaled = journaled;
        }

        void received(final long sessionId, final long timestampNanos, final String message)
        {
            final String msgType = SentReports.value(message, MSG_TYPE);
            if (msgType == null || isSessionMessage(msgType))
            {
                return;
            }
            final int msgSeqNum = number(SentReports.value(message, MSG_SEQ_NUM));
            final String clOrdId = SentReports.value(message, CL_ORD_ID);
            final String massStatusReqId = SentReports.value(message, MASS_STATUS_REQ_ID);
            if (clOrdId != null && takesClOrdId(msgType) && journaled.journaled(sessionId, clOrdId))
            {
                return;
            }
            final Set<String> sessionSeen = seen.computeIfAbsent(sessionId, id -> new HashSet<>());
            if (!sessionSeen.add(msgSeqNum + " " + msgType + " " + clOrdId) && message.contains(POSS_DUP))
            {
                return;
            }
            final Request request = new Request(
                sessionId, msgSeqNum, msgType, clOrdId, massStatusReqId, timestampNanos, message);
            requests.add(request);
            final Map<String, Long> answers = answeredAt.computeIfAbsent(sessionId, id -> new HashMap<>());
            for (final String answer : answers(request))
            {
                answers.putIfAbsent(answer, Long.MIN_VALUE);
            }
        }

        void sent(final long sessionId, final long timestampNanos, final String message)
        {
            final Map<String, Long> answers = answeredAt.get(sessionId);
            final String msgType = SentReports.value(message, MSG_TYPE);
            if (answers == null || msgType == null)
            {
                return;
            }
            final String clOrdId = SentReports.value(message, CL_ORD_ID);
            switch (msgType)
            {
                case "8" ->
                {
                    answered(answers, "I".equals(SentReports.value(message, EXEC_TYPE)) ? STATUS_ANSWER : ORDER_ANSWER,
                        clOrdId, timestampNanos);
                    final String massStatusReqId = SentReports.value(message, MASS_STATUS_REQ_ID);
                    answered(answers, MASS_STATUS_ANSWER, massStatusReqId, timestampNanos);
                }
                case "9" -> answered(answers, ORDER_ANSWER, clOrdId, timestampNanos);
                case "r" -> answered(answers, MASS_CANCEL_ANSWER, clOrdId, timestampNanos);
                case "3", "j" -> answered(answers, REFUSAL, SentReports.value(message, REF_SEQ_NUM), timestampNanos);
                default ->
                {
                    // not an answer to a request
                }
            }
        }

        /** Whether any request read so far may have been answered (the journal does not hold it). */
        boolean waitsForAnswers()
        {
            return !requests.isEmpty();
        }

        /** The requests no answer followed, by session, in the order received. */
        List<Request> unanswered()
        {
            final List<Request> unanswered = new ArrayList<>();
            for (final Request request : requests)
            {
                final Map<String, Long> answers = answeredAt.get(request.sessionId());
                boolean answered = false;
                for (final String answer : answers(request))
                {
                    answered |= answers.get(answer) >= request.timestampNanos();
                }
                if (!answered)
                {
                    unanswered.add(request);
                }
            }
            return unanswered;
        }

        private static void answered(
            final Map<String, Long> answers, final String kind, final String id, final long timestampNanos)
        {
            if (id != null)
            {
                answers.computeIfPresent(kind + id, (key, latest) -> Math.max(latest, timestampNanos));
            }
        }

        /** The answers that tell the request was handled: any one of them sent after it. */
        private static List<String> answers(final Request request)
        {
            final List<String> answers = new ArrayList<>(2);
            answers.add(REFUSAL + request.msgSeqNum());
            final String answer = switch (request.msgType())
            {
                case "D", "F", "G" -> keyed(ORDER_ANSWER, request.clOrdId());
                case "H" -> keyed(STATUS_ANSWER, request.clOrdId());
                case "q" -> keyed(MASS_CANCEL_ANSWER, request.clOrdId());
                case "AF" -> keyed(MASS_STATUS_ANSWER, request.massStatusReqId());
                // a type the gateway does not handle: its BusinessMessageReject alone
                default -> null;
            };
            if (answer != null)
            {
                answers.add(answer);
            }
            return answers;
        }

        private static String keyed(final String kind, final String id)
        {
            return id == null ? null : kind + id;
        }

        /** A NewOrderSingle, cancel or replace: its ClOrdID is in the journal once the core took it. */
        private static boolean takesClOrdId(final String msgType)
        {
            return "D".equals(msgType) || "F".equals(msgType) || "G".equals(msgType);
        }

        private static boolean isSessionMessage(final String msgType)
        {
            // Heartbeat 0, TestRequest 1, ResendRequest 2, Reject 3, SequenceReset 4, Logout 5, Logon A
            return msgType.length() == 1 && "012345A".indexOf(msgType.charAt(0)) >= 0;
        }

        private static int number(final String value)
        {
            try
            {
                return value == null ? 0 : Integer.parseInt(value);
            }
            catch (final NumberFormatException e)
            {
                return 0;
            }
        }
    }
}
