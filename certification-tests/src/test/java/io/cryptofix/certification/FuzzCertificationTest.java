package io.cryptofix.certification;

import org.agrona.collections.Int2IntHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.Side;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input over a bare socket. First the known cases, each with the exact answer a client
 * gets; then a seeded random run: mutations of well-formed NewOrderSingle, OrderCancelRequest and
 * OrderCancelReplaceRequest messages (bad numbers, huge fields, missing, duplicated and unknown
 * tags, control bytes in values, wrong CheckSum and BodyLength) sent to a running gateway. Each is
 * counted by how the gateway answered it; afterwards the gateway must still take a QuickFIX/J
 * client's logon on the same session and fill its order.
 *
 * <p>{@code -Dfuzz.seed=N} replays a run (the seed is printed first), {@code -Dfuzz.count=N}
 * changes its length. The counts are printed, not asserted: what the gateway owes each message is
 * an answer or a disconnect, and whether it still trades afterwards is what fails the test.
 */
class FuzzCertificationTest
{
    private static final String TRANSACT_TIME = "60=20260101-00:00:00.000|";
    private static final int DEFAULT_COUNT = 100_000;
    // the known cases keep off the fuzzed session, whose held reports would come first
    private static final String KNOWN_CASES_SESSION = "DEMO";
    private static final String FUZZED_SESSION = "RISK";

    private static GatewayFixture gateway;

    @BeforeAll
    static void startGateway()
    {
        gateway = GatewayFixture.start();
    }

    @AfterAll
    static void stopGateway()
    {
        gateway.close();
    }

    @Test
    void quantityInExponentNotationIsRefusedNotTradedAs84() throws Exception
    {
        // Artio multiplies the exponent out without an overflow check: 184467440737095517e2 reads as 84
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), KNOWN_CASES_SESSION))
        {
            raw.logOn();
            final String clOrdId = Orders.nextClOrdId();
            final int seqNum = raw.nextSeqNum();
            raw.send("35=D|11=" + clOrdId + "|55=BTC/USDT|54=1|38=184467440737095517e2|40=1|" + TRANSACT_TIME);

            final Map<Integer, String> reject = nextApplicationOrReject(raw);
            assertThat(reject).containsEntry(35, "3").containsEntry(45, String.valueOf(seqNum))
                .containsEntry(371, "38").containsEntry(373, "6");
            assertThat(reject.get(58)).isEqualTo("OrderQty (38) '184467440737095517e2' is not a FIX decimal: " +
                "digits with at most one decimal point and an optional leading minus, no exponent");

            raw.send("35=H|11=" + clOrdId + "|55=BTC/USDT|54=1|");
            final Map<Integer, String> status = nextApplicationOrReject(raw);
            assertThat(status).as("no order was made").containsEntry(35, "8").containsEntry(150, "I")
                .containsEntry(39, "8").containsEntry(37, "NONE");
        }
    }

    @Test
    void priceInExponentNotationIsRefused() throws Exception
    {
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), KNOWN_CASES_SESSION))
        {
            raw.logOn();
            raw.send("35=D|11=" + Orders.nextClOrdId() + "|55=BTC/USDT|54=1|38=0.01|40=2|44=6e4|" + TRANSACT_TIME);

            final Map<Integer, String> reject = nextApplicationOrReject(raw);
            assertThat(reject).containsEntry(35, "3").containsEntry(371, "44").containsEntry(373, "6");
            assertThat(reject.get(58)).startsWith("Price (44) '6e4' is not a FIX decimal");
        }
    }

    @Test
    void clOrdIdLongerThan64CharactersGetsSessionRejectThatDoesNotEchoIt() throws Exception
    {
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), KNOWN_CASES_SESSION))
        {
            raw.logOn();
            final String clOrdId = Orders.nextClOrdId() + "-" + "x".repeat(64);
            final int seqNum = raw.nextSeqNum();
            raw.send("35=D|11=" + clOrdId + "|55=BTC/USDT|54=1|38=0.01|40=1|" + TRANSACT_TIME);

            final Map<Integer, String> reject = nextApplicationOrReject(raw);
            assertThat(reject).containsEntry(35, "3").containsEntry(45, String.valueOf(seqNum))
                .containsEntry(371, "11").containsEntry(373, "5").containsEntry(372, "D");
            assertThat(reject.get(58)).isEqualTo("ClOrdID (11) is " + clOrdId.length() + " characters long: " +
                "an identifier is 1 to 64 printable ASCII characters (0x21-0x7E), without spaces");
        }
    }

    @Test
    void controlCharacterInOrigClOrdIdOfACancelGetsSessionReject() throws Exception
    {
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), KNOWN_CASES_SESSION))
        {
            raw.logOn();
            raw.send("35=F|41=abc\u001b[2J|11=" + Orders.nextClOrdId() + "|55=BTC/USDT|54=1|" + TRANSACT_TIME);

            final Map<Integer, String> reject = nextApplicationOrReject(raw);
            assertThat(reject).containsEntry(35, "3").containsEntry(371, "41").containsEntry(373, "5")
                .containsEntry(372, "F");
            assertThat(reject.get(58)).startsWith("OrigClOrdID (41) holds character 0x1B at position 4: ");
        }
    }

    @Test
    void controlCharacterInSymbolGetsRejectedReportThatDoesNotEchoIt() throws Exception
    {
        try (RawFixConnection raw = new RawFixConnection(gateway.fixPort(), KNOWN_CASES_SESSION))
        {
            raw.logOn();
            final String clOrdId = Orders.nextClOrdId();
            raw.send("35=D|11=" + clOrdId + "|55=BTC\u0007USDT|54=1|38=0.01|40=1|" + TRANSACT_TIME);

            final Map<Integer, String> report = nextApplicationOrReject(raw);
            assertThat(report).containsEntry(35, "8").containsEntry(11, clOrdId).containsEntry(150, "8")
                .containsEntry(39, "8").containsEntry(103, "1").containsEntry(55, "[N/A]");
            assertThat(report.get(58)).startsWith("Symbol (55) holds character 0x07 at position 4: ");
        }
    }

    @Test
    void seededMutationsAreEachAnsweredAndAWellFormedOrderTradesAfterwards() throws Exception
    {
        final long seed = Long.getLong("fuzz.seed", new SplittableRandom().nextLong());
        final int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        System.out.println("fuzz: seed " + seed + ", " + count + " messages; replay with -Dfuzz.seed=" + seed +
            " -Dfuzz.count=" + count);

        final FuzzRun run = new FuzzRun(gateway.fixPort(), FUZZED_SESSION, new Mutations(seed), count);
        final long startNanos = System.nanoTime();
        run.sendAll();
        final double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("fuzz: %d messages in %.1f s (%.0f a second), %s%n", count, seconds, count / seconds,
            run.connections());
        run.printOutcomes(System.out);

        assertThat(run.sent()).isEqualTo(count);
        aWellFormedOrderTrades(FUZZED_SESSION);
    }

    private static void aWellFormedOrderTrades(final String compId) throws Exception
    {
        try (FixTestClient client = FixTestClient.logOn(compId, gateway.fixPort()))
        {
            final String clOrdId = Orders.nextClOrdId();
            client.send(Orders.market(clOrdId, Side.BUY, "BTC/USDT", "0.001"));

            final Message accepted = nextReportOf(client, clOrdId);
            assertThat(accepted.getChar(ExecType.FIELD)).isEqualTo(ExecType.NEW);
            final Message filled = nextReportOf(client, clOrdId);
            assertThat(filled.getChar(ExecType.FIELD)).isEqualTo(ExecType.TRADE);
            assertThat(filled.getChar(OrdStatus.FIELD)).isEqualTo(OrdStatus.FILLED);
            client.logout();
        }
    }

    /** The next report of the order, past any report of the fuzzed orders the gateway held for the session. */
    private static Message nextReportOf(final FixTestClient client, final String clOrdId) throws Exception
    {
        while (true)
        {
            final Message message = client.next();
            if ("8".equals(message.getHeader().getString(MsgType.FIELD)) &&
                clOrdId.equals(message.getString(ClOrdID.FIELD)))
            {
                return message;
            }
        }
    }

    private static Map<Integer, String> nextApplicationOrReject(final RawFixConnection raw) throws IOException
    {
        while (true)
        {
            final Map<Integer, String> message = raw.next();
            if (!"0".equals(message.get(35)))
            {
                return message;
            }
        }
    }

    /** One byte per character: a test's way to put any byte in a value. */
    private static byte[] latin1(final String text)
    {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** How the gateway answered a message; a later real answer replaces a disconnect. */
    enum Outcome
    {
        NO_ANSWER("no answer"),
        REJECT("Reject (35=3)"),
        BUSINESS_MESSAGE_REJECT("BusinessMessageReject (35=j)"),
        EXECUTION_REPORT("ExecutionReport (35=8)"),
        ORDER_CANCEL_REJECT("OrderCancelReject (35=9)"),
        DISCONNECT("disconnect by the gateway");

        private final String description;

        Outcome(final String description)
        {
            this.description = description;
        }
    }

    /** What a mutated message does to the stream, beyond its content. */
    enum Framing
    {
        /** Framed right: the gateway reads it and uses up its MsgSeqNum. */
        SOUND,
        /** Wrong CheckSum or a BodyLength too short: the engine drops it unread, its MsgSeqNum is used again. */
        GARBLED,
        /** Larger than the engine's receive buffer: it disconnects. */
        OVERSIZED
    }

    /** One message to send: a mutation of a well-formed one. */
    record Mutant(String msgType, byte[] body, String clOrdId, Framing framing, int bodyLengthError,
        int checksumError, String mutations)
    {
    }

    /**
     * Seeded mutations of well-formed D, F and G messages. A message depends only on the seed and
     * the messages before it, never on what the gateway answered, so a seed replays a run.
     */
    static final class Mutations
    {
        // Artio's engine reads into a buffer of this size; a larger message disconnects the client
        private static final int RECEIVE_BUFFER = 16 * 1024;
        private static final String[] BAD_NUMBERS = {
            "1e5", "1E5", "184467440737095517e2", "6e4", "1e-3", "-1e2", "1e1000", "1e", "2.5e+3",
            "99999999999999999999999", "9223372036854775808", "1000000000000000000000000000000",
            "-1", "-0.001", "0", "-0", "0.000000000000000000001", "1.123456789012345678901234567890",
            "NaN", "nan", "Infinity", "-Infinity", "inf", "+5", " 5", "5 ", "0x10", "1,5", "1.2.3", "--1",
            ".", "-", "1_000", "\u00bd", "lots", "", "5\u0000",
        };
        private static final String[] DECIMAL_TAGS = {"38", "44", "99"};
        private static final String[] ENUM_TAGS = {"54", "40", "59", "18"};
        private static final String[] APPLICATION_TYPES = {"R", "AE", "8", "9", "j", "q", "H", "AF", "ZZ", "U1"};
        private static final String[] TYPED_TAGS = {"38", "44", "54", "40", "59", "60", "126"};
        private static final String[] UNKNOWN_TAGS = {"5000", "9999", "20000", "7", "112", "58", "1000000"};
        private static final String[] GARBAGE_TAGS = {"abc", "-5", "0", "99999999999", "", "3 8", "\u00ff"};

        private final SplittableRandom random;
        private final String[] restingOrders = new String[64];
        private int restingCount;

        Mutations(final long seed)
        {
            random = new SplittableRandom(seed);
        }

        Mutant next(final int index)
        {
            final Body body = wellFormed("z" + index);
            final List<String> applied = new ArrayList<>(3);
            final int roll = random.nextInt(100);
            int bodyLengthError = 0;
            int checksumError = 0;
            if (roll < 4)
            {
                applied.add("none");
            }
            else if (roll < 9)
            {
                checksumError = 1 + random.nextInt(255);
                applied.add("wrong CheckSum");
            }
            else if (roll < 14)
            {
                // shorter only: the engine then finds the real CheckSum and drops this message, where a
                // longer one would swallow the start of the next (but see FuzzRun on sequence gaps)
                bodyLengthError = -(1 + random.nextInt(body.length() + 20));
                applied.add("short BodyLength");
            }
            else
            {
                final int mutations = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
                for (int i = 0; i < mutations; i++)
                {
                    applied.add(mutate(body));
                }
            }
            final byte[] bytes = body.bytes();
            final Framing framing = bodyLengthError != 0 || checksumError != 0 ? Framing.GARBLED :
                bytes.length + 100 > RECEIVE_BUFFER ? Framing.OVERSIZED : Framing.SOUND;
            return new Mutant(body.msgType, bytes, body.clOrdId(), framing, bodyLengthError, checksumError,
                String.join(", ", applied));
        }

        private Body wellFormed(final String clOrdId)
        {
            final int kind = random.nextInt(100);
            final boolean btc = random.nextBoolean();
            final String symbol = btc ? "BTC/USDT" : "ETH/USDT";
            final boolean buy = random.nextBoolean();
            if (kind < 50)
            {
                final Body order = new Body("D").add("11", clOrdId);
                if (random.nextInt(20) == 0)
                {
                    order.add("1", "DESK" + random.nextInt(3));
                }
                order.add("55", symbol).add("54", buy ? "1" : "2").add("60", "20260101-00:00:00.000")
                    .add("38", quantity(btc));
                if (random.nextInt(10) < 4)
                {
                    order.add("40", "1");
                }
                else
                {
                    order.add("40", "2").add("44", restingPrice(btc, buy));
                    final int timeInForce = random.nextInt(3);
                    if (timeInForce == 1)
                    {
                        order.add("59", "3");
                    }
                    else
                    {
                        order.add("59", timeInForce == 0 ? "0" : "1");
                        restingOrders[restingCount++ % restingOrders.length] = clOrdId;
                    }
                }
                if (random.nextInt(5) == 0)
                {
                    order.add("100", "SIM");
                }
                return order;
            }
            final Body request = new Body(kind < 75 ? "F" : "G").add("41", earlierOrder()).add("11", clOrdId)
                .add("55", symbol).add("54", buy ? "1" : "2").add("60", "20260101-00:00:00.000");
            if ("G".equals(request.msgType))
            {
                request.add("38", quantity(btc)).add("40", "2").add("44", restingPrice(btc, buy));
            }
            return request;
        }

        private String quantity(final boolean btc)
        {
            return (btc ? "0.00" : "0.0") + (1 + random.nextInt(9));
        }

        // far from the simulated market (BTC about 60000, ETH about 3000): the order rests
        private String restingPrice(final boolean btc, final boolean buy)
        {
            final int base = btc ? (buy ? 50_000 : 70_000) : (buy ? 2_500 : 3_500);
            return base + random.nextInt(100) + "." + random.nextInt(10) + random.nextInt(10);
        }

        private String earlierOrder()
        {
            if (restingCount == 0 || random.nextInt(5) == 0)
            {
                return "unknown" + random.nextInt(1000);
            }
            return restingOrders[random.nextInt(Math.min(restingCount, restingOrders.length))];
        }

        private String mutate(final Body body)
        {
            final int roll = random.nextInt(100);
            if (roll < 22)
            {
                final String tag = DECIMAL_TAGS[random.nextInt(DECIMAL_TAGS.length)];
                final String value = random.nextInt(4) == 0 ? randomNumber() : BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)];
                body.set(tag, latin1(value));
                return "bad number " + tag;
            }
            if (roll < 32)
            {
                final int field = random.nextInt(body.size());
                // now and then beyond the engine's buffer (each costs a reconnect); otherwise well within it
                final int length = random.nextInt(400) == 0 ? 20_000 + random.nextInt(20_000) : 65 + random.nextInt(4000);
                final byte[] value = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    value[i] = (byte)(0x21 + random.nextInt(0x5E));
                }
                body.value(field, value);
                return "huge " + body.tag(field);
            }
            if (roll < 44)
            {
                final int field = random.nextInt(body.size());
                final String tag = body.tag(field);
                body.remove(field);
                return "missing " + tag;
            }
            if (roll < 60)
            {
                final int field = random.nextInt(body.size());
                final byte[] value = body.value(field);
                final int inserts = 1 + random.nextInt(3);
                byte[] changed = value;
                for (int i = 0; i < inserts; i++)
                {
                    changed = insert(changed, random.nextInt(changed.length + 1), controlByte());
                }
                body.value(field, changed);
                return "control bytes in " + body.tag(field);
            }
            if (roll < 70)
            {
                final int field = random.nextInt(body.size());
                // the same value or another: a ClOrdID then differs from every other message's
                body.duplicate(field, random.nextInt(body.size() + 1), random.nextBoolean() ? null : latin1("x"));
                return "duplicate " + body.tag(field);
            }
            if (roll < 78)
            {
                final String tag = ENUM_TAGS[random.nextInt(ENUM_TAGS.length)];
                body.set(tag, new byte[] {(byte)(0x21 + random.nextInt(0x5E))});
                return "bad enum " + tag;
            }
            if (roll < 83)
            {
                final int field = random.nextInt(body.size());
                body.value(field, new byte[0]);
                return "empty " + body.tag(field);
            }
            if (roll < 90)
            {
                final String tag = GARBAGE_TAGS[random.nextInt(GARBAGE_TAGS.length)];
                body.insert(random.nextInt(body.size() + 1), random.nextBoolean() ? tag : null, latin1("1"));
                return "garbage field";
            }
            if (roll < 93)
            {
                final String tag = UNKNOWN_TAGS[random.nextInt(UNKNOWN_TAGS.length)];
                body.insert(random.nextInt(body.size() + 1), tag, latin1("x" + random.nextInt(100)));
                return "unexpected tag " + tag;
            }
            if (roll < 96)
            {
                // never a session message's type, which would change the session, not test the order entry
                body.msgType = APPLICATION_TYPES[random.nextInt(APPLICATION_TYPES.length)];
                return "MsgType " + body.msgType;
            }
            // a field that is not free text: any text is a valid ClOrdID
            final String tag = TYPED_TAGS[random.nextInt(TYPED_TAGS.length)];
            body.set(tag, latin1(random.nextBoolean() ? "lots" : "20261399-25:61:61"));
            return "wrong type in " + tag;
        }

        private String randomNumber()
        {
            final StringBuilder number = new StringBuilder();
            if (random.nextInt(4) == 0)
            {
                number.append('-');
            }
            final int digits = 1 + random.nextInt(40);
            final int point = random.nextInt(digits + 1);
            for (int i = 0; i < digits; i++)
            {
                if (i == point && i > 0)
                {
                    number.append('.');
                }
                number.append((char)('0' + random.nextInt(10)));
            }
            if (random.nextInt(3) == 0)
            {
                number.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(40) - 20);
            }
            return number.toString();
        }

        private byte controlByte()
        {
            final int kind = random.nextInt(4);
            if (kind == 0)
            {
                return 0x01;
            }
            if (kind == 1)
            {
                return (byte)random.nextInt(0x20);
            }
            return kind == 2 ? 0x7F : (byte)(0x80 + random.nextInt(0x80));
        }

        private static byte[] insert(final byte[] value, final int at, final byte inserted)
        {
            final byte[] changed = new byte[value.length + 1];
            System.arraycopy(value, 0, changed, 0, at);
            changed[at] = inserted;
            System.arraycopy(value, at, changed, at + 1, value.length - at);
            return changed;
        }
    }

    /** Body fields of a message being mutated: a field may lack its tag ({@code null}: no '=' at all). */
    static final class Body
    {
        private String msgType;
        private final List<String> tags = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();

        Body(final String msgType)
        {
            this.msgType = msgType;
        }

        Body add(final String tag, final String value)
        {
            tags.add(tag);
            values.add(latin1(value));
            return this;
        }

        int size()
        {
            return tags.size();
        }

        String tag(final int field)
        {
            return tags.get(field) == null ? "(no tag)" : tags.get(field);
        }

        byte[] value(final int field)
        {
            return values.get(field);
        }

        void value(final int field, final byte[] value)
        {
            values.set(field, value);
        }

        /** Sets the first field of {@code tag}, or adds one. */
        void set(final String tag, final byte[] value)
        {
            final int field = tags.indexOf(tag);
            if (field < 0)
            {
                insert(tags.size(), tag, value);
            }
            else
            {
                values.set(field, value);
            }
        }

        void insert(final int at, final String tag, final byte[] value)
        {
            tags.add(at, tag);
            values.add(at, value);
        }

        void remove(final int field)
        {
            tags.remove(field);
            values.remove(field);
        }

        /** Copies a field to {@code at}, with its own value or that value with {@code suffix} added. */
        void duplicate(final int field, final int at, final byte[] suffix)
        {
            final byte[] value = values.get(field);
            final byte[] copy = Arrays.copyOf(value, value.length + (suffix == null ? 0 : suffix.length));
            if (suffix != null)
            {
                System.arraycopy(suffix, 0, copy, value.length, suffix.length);
            }
            insert(at, tags.get(field), copy);
        }

        int length()
        {
            return bytes().length;
        }

        /**
         * The ClOrdID a report would echo: the first one as far as the first SOH, which ends it for
         * the gateway too; null if it breaks the identifier rule, as the gateway then answers with a
         * Reject, matched by MsgSeqNum.
         */
        String clOrdId()
        {
            final int field = tags.indexOf("11");
            if (field < 0)
            {
                return null;
            }
            final byte[] value = values.get(field);
            int length = 0;
            while (length < value.length && value[length] != 1)
            {
                if (value[length] < 0x21 || value[length] > 0x7E)
                {
                    return null;
                }
                length++;
            }
            return length == 0 || length > 64 ? null : new String(value, 0, length, StandardCharsets.ISO_8859_1);
        }

        byte[] bytes()
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            for (int i = 0; i < tags.size(); i++)
            {
                if (tags.get(i) != null)
                {
                    out.writeBytes(latin1(tags.get(i) + "="));
                }
                out.writeBytes(values.get(i));
                out.write(1);
            }
            return out.toByteArray();
        }
    }

    /**
     * Sends the mutations on one session over as many connections as it takes, pipelined: a
     * TestRequest after every {@link #WINDOW} messages, at most {@link #WINDOWS_AHEAD} of them
     * unanswered, so the gateway is never far behind and a stalled connection is noticed. Answers are
     * read on a thread of their own and matched to the message they answer: a Reject or
     * BusinessMessageReject by its RefSeqNum (45) on that connection, a report by its ClOrdID.
     *
     * <p>MsgSeqNum: a garbled message is dropped unread by the engine, so the next carries its
     * number again; an oversized one ends the connection (ResetSeqNumFlag on the next logon). Now
     * and then (once or twice in 100,000 messages here, depending on how the bytes arrive), Artio's
     * engine loses the message right after one with a short BodyLength as well; the session then asks
     * for a resend and reads nothing until the gap is filled. The run does not fill it: it lets the
     * reports of what came before arrive, reconnects, and counts what was sent into the gap.
     */
    static final class FuzzRun
    {
        private static final int WINDOW = 250;
        private static final int WINDOWS_AHEAD = 3;
        private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);
        private static final Duration NUDGE_AFTER = Duration.ofSeconds(1);

        private final int port;
        private final String compId;
        private final Mutations mutations;
        private final int count;
        private final Outcome[] outcomes;
        private final Framing[] framings;
        private final String[] described;
        // sent on the current connection and not answered yet: what a flush waits for
        private final boolean[] awaited;
        // unanswered because the session had lost the sequence before it read them
        private final boolean[] lostInGap;
        private int awaitedCount;
        private final Map<String, Integer> byClOrdId = new HashMap<>();
        private final Object lock = new Object();
        private int sent;
        private int connectionsOpened;
        private int closedByGateway;
        private int stalled;
        private int resendRequests;
        private int unmatchedAnswers;
        private Connection connection;
        private final Queue<String> windows = new ArrayDeque<>();
        private int inWindow;
        private int testRequests;

        FuzzRun(final int port, final String compId, final Mutations mutations, final int count)
        {
            this.port = port;
            this.compId = compId;
            this.mutations = mutations;
            this.count = count;
            outcomes = new Outcome[count];
            framings = new Framing[count];
            described = new String[count];
            awaited = new boolean[count];
            lostInGap = new boolean[count];
            Arrays.fill(outcomes, Outcome.NO_ANSWER);
        }

        int sent()
        {
            return sent;
        }

        String connections()
        {
            synchronized (lock)
            {
                return connectionsOpened + " connections (" + closedByGateway + " closed by the gateway, " + stalled +
                    " stalled, " + resendRequests + " ResendRequests)";
            }
        }

        void sendAll() throws Exception
        {
            connect();
            for (int index = 0; index < count; index++)
            {
                final Mutant mutant = mutations.next(index);
                note(index, mutant);
                if (connection.needsReplacing())
                {
                    reconnect();
                }
                connection.answerTestRequests();
                if (mutant.framing() == Framing.OVERSIZED)
                {
                    sendOversized(index, mutant);
                }
                else
                {
                    send(index, mutant);
                    pace();
                }
                sent++;
            }
            if (!connection.needsReplacing())
            {
                flush();
            }
            awaitAllAnswered();
            retire();
        }

        private void note(final int index, final Mutant mutant)
        {
            framings[index] = mutant.framing();
            described[index] = mutant.msgType() + " " + mutant.mutations();
            if (mutant.clOrdId() != null)
            {
                synchronized (lock)
                {
                    byClOrdId.putIfAbsent(mutant.clOrdId(), index);
                }
            }
        }

        /** A TestRequest after each window; waits for the oldest once too many are unanswered. */
        private void pace() throws Exception
        {
            if (++inWindow < WINDOW)
            {
                return;
            }
            inWindow = 0;
            windows.add(connection.testRequest());
            while (windows.size() > WINDOWS_AHEAD)
            {
                if (!connection.awaitHeartbeat(windows.remove()))
                {
                    windows.clear();
                }
            }
        }

        /** Waits until everything sent so far on the connection is answered. */
        private void flush() throws Exception
        {
            windows.add(connection.testRequest());
            while (!windows.isEmpty())
            {
                connection.awaitHeartbeat(windows.remove());
            }
            awaitAllAnswered();
        }

        /**
         * The engine disconnects at once: what went before is answered first, so that the disconnect
         * answers this message alone, and the next goes on a new connection.
         */
        private void sendOversized(final int index, final Mutant mutant) throws Exception
        {
            flush();
            if (connection.needsReplacing())
            {
                reconnect();
            }
            send(index, mutant);
            connection.awaitClosedByGateway(ANSWER_TIMEOUT);
            reconnect();
        }

        private void send(final int index, final Mutant mutant)
        {
            final Connection current = connection;
            final int seqNum = current.raw.nextSeqNum();
            synchronized (lock)
            {
                if (mutant.framing() != Framing.GARBLED)
                {
                    // the engine drops a garbled message unread: the next one carries the same MsgSeqNum
                    current.raw.nextSeqNum(seqNum + 1);
                    current.sentAs.put(seqNum, index);
                    awaited[index] = true;
                    awaitedCount++;
                }
                current.sentIndexes.add(index);
            }
            try
            {
                current.raw.sendRaw(current.raw.frame(mutant.msgType(), seqNum, mutant.body(),
                    mutant.bodyLengthError(), mutant.checksumError()));
            }
            catch (final IOException e)
            {
                // the gateway has closed the connection; the reader thread notices and counts it
                current.writeFailed();
            }
        }

        private void connect()
        {
            // the gateway may still be tearing the last connection of the session down: try again until it takes the logon
            await().atMost(ANSWER_TIMEOUT).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() ->
            {
                final RawFixConnection raw = new RawFixConnection(port, compId);
                try
                {
                    raw.logOn();
                }
                catch (final IOException e)
                {
                    raw.close();
                    throw e;
                }
                connection = new Connection(raw);
                return true;
            });
            synchronized (lock)
            {
                connectionsOpened++;
            }
        }

        private void reconnect() throws Exception
        {
            final int gapFrom;
            synchronized (lock)
            {
                gapFrom = connection.gapFrom;
            }
            if (gapFrom != Integer.MAX_VALUE)
            {
                // the session still sends the reports of what it read before the gap: let them arrive
                awaitAnsweredBefore(gapFrom);
            }
            retire();
            connect();
        }

        private void awaitAnsweredBefore(final int gapFrom) throws InterruptedException
        {
            final long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
            synchronized (lock)
            {
                long now;
                while (awaitedBefore(gapFrom) && !connection.ended && (now = System.nanoTime()) < deadline)
                {
                    TimeUnit.NANOSECONDS.timedWait(lock, deadline - now);
                }
            }
        }

        private boolean awaitedBefore(final int gapFrom)
        {
            final boolean[] found = {false};
            connection.sentAs.forEachInt((seqNum, index) -> found[0] |= seqNum < gapFrom && awaited[index]);
            return found[0];
        }

        /** Closes the connection; what it left unanswered is counted as it is, a late report still counts. */
        private void retire() throws IOException
        {
            connection.close();
            windows.clear();
            inWindow = 0;
            synchronized (lock)
            {
                final Connection old = connection;
                old.sentAs.forEachInt((seqNum, index) ->
                {
                    if (seqNum >= old.gapFrom && outcomes[index] == Outcome.NO_ANSWER)
                    {
                        lostInGap[index] = true;
                    }
                });
                Arrays.fill(awaited, false);
                awaitedCount = 0;
            }
        }

        /**
         * Waits until every message sent on this connection is answered. Reports (and
         * OrderCancelRejects) are journaled before they are sent, so they may come after the heartbeat
         * that follows their request; a disconnect would lose those in flight.
         */
        private void awaitAllAnswered() throws InterruptedException
        {
            final long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
            synchronized (lock)
            {
                long now;
                while (awaitedCount > 0 && !connection.ended && (now = System.nanoTime()) < deadline)
                {
                    TimeUnit.NANOSECONDS.timedWait(lock, deadline - now);
                }
            }
        }

        private void onAnswer(final Connection from, final Map<Integer, String> message)
        {
            synchronized (lock)
            {
                final String msgType = message.get(35);
                switch (msgType)
                {
                    case "3" -> answered(from.indexOfSeqNum(message.get(45)), Outcome.REJECT);
                    case "j" -> answered(from.indexOfSeqNum(message.get(45)), Outcome.BUSINESS_MESSAGE_REJECT);
                    case "8" -> answered(byClOrdId.getOrDefault(message.get(11), -1), Outcome.EXECUTION_REPORT);
                    case "9" -> answered(byClOrdId.getOrDefault(message.get(11), -1), Outcome.ORDER_CANCEL_REJECT);
                    case "0" -> from.heartbeats.add(message.getOrDefault(112, ""));
                    case "1" -> from.testRequestsToAnswer.add(message.getOrDefault(112, ""));
                    case "2" ->
                    {
                        // the session missed a message the test counted as read, and discards what
                        // follows until the gap is filled: start afresh on a new connection
                        resendRequests++;
                        from.sequenceLost = true;
                        from.gapFrom = Math.min(from.gapFrom, parseSeqNum(message.get(7)));
                    }
                    default ->
                    {
                    }
                }
                lock.notifyAll();
            }
        }

        private static int parseSeqNum(final String seqNum)
        {
            try
            {
                return seqNum == null ? -1 : Integer.parseInt(seqNum);
            }
            catch (final NumberFormatException e)
            {
                return -1;
            }
        }

        private void answered(final int index, final Outcome outcome)
        {
            if (index < 0)
            {
                unmatchedAnswers++;
                return;
            }
            if (outcomes[index] == Outcome.NO_ANSWER || outcomes[index] == Outcome.DISCONNECT)
            {
                outcomes[index] = outcome;
            }
            if (awaited[index])
            {
                awaited[index] = false;
                awaitedCount--;
            }
        }

        private void onClosedByGateway(final Connection closed)
        {
            synchronized (lock)
            {
                closedByGateway++;
                for (final int index : closed.sentIndexes)
                {
                    if (outcomes[index] == Outcome.NO_ANSWER && framings[index] != Framing.GARBLED)
                    {
                        outcomes[index] = Outcome.DISCONNECT;
                    }
                }
                lock.notifyAll();
            }
        }

        void printOutcomes(final PrintStream out)
        {
            synchronized (lock)
            {
                final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
                int garbledUnanswered = 0;
                int lostUnanswered = 0;
                final List<Integer> unanswered = new ArrayList<>();
                for (int i = 0; i < count; i++)
                {
                    counts.merge(outcomes[i], 1, Integer::sum);
                    if (outcomes[i] == Outcome.NO_ANSWER)
                    {
                        if (framings[i] == Framing.GARBLED)
                        {
                            garbledUnanswered++;
                        }
                        else if (lostInGap[i])
                        {
                            lostUnanswered++;
                        }
                        else
                        {
                            unanswered.add(i);
                        }
                    }
                }
                for (final Outcome outcome : Outcome.values())
                {
                    out.printf("fuzz: %-30s %7d%n", outcome.description, counts.getOrDefault(outcome, 0));
                }
                out.printf("fuzz: of no answer: %d garbled (wrong CheckSum or BodyLength: dropped unread, as FIX " +
                    "says), %d after a sequence gap (sent from the first MsgSeqNum a ResendRequest asked for " +
                    "until the test reconnected), %d others%n", garbledUnanswered, lostUnanswered, unanswered.size());
                for (final int index : unanswered.subList(0, Math.min(10, unanswered.size())))
                {
                    out.println("fuzz:   no answer to message " + index + ": " + described[index]);
                }
                out.println("fuzz: answers matching no message sent: " + unmatchedAnswers);
            }
        }

        /** One connection of the run: its socket, the thread reading it, what was sent on it. */
        private final class Connection
        {
            private final RawFixConnection raw;
            private final Int2IntHashMap sentAs = new Int2IntHashMap(-1);
            private final List<Integer> sentIndexes = new ArrayList<>();
            private final Set<String> heartbeats = new HashSet<>();
            private final Queue<String> testRequestsToAnswer = new ConcurrentLinkedQueue<>();
            private final Thread reader;
            private volatile boolean closing;
            private boolean ended;
            private boolean sequenceLost;
            // the first MsgSeqNum a ResendRequest asked for: the session read none from there on
            private int gapFrom = Integer.MAX_VALUE;

            Connection(final RawFixConnection raw)
            {
                this.raw = raw;
                reader = new Thread(this::read, "fuzz-reader");
                reader.setDaemon(true);
                reader.start();
            }

            private void read()
            {
                try
                {
                    while (true)
                    {
                        try
                        {
                            onAnswer(this, raw.next());
                        }
                        catch (final SocketTimeoutException e)
                        {
                            // quiet for a while: keep reading
                        }
                    }
                }
                catch (final IOException | RuntimeException e)
                {
                    synchronized (lock)
                    {
                        ended = true;
                    }
                    if (!closing)
                    {
                        onClosedByGateway(this);
                    }
                }
            }

            int indexOfSeqNum(final String refSeqNum)
            {
                return sentAs.get(parseSeqNum(refSeqNum));
            }

            boolean needsReplacing()
            {
                synchronized (lock)
                {
                    return ended || sequenceLost;
                }
            }

            void writeFailed()
            {
                synchronized (lock)
                {
                    lock.notifyAll();
                }
            }

            String testRequest() throws IOException
            {
                final String id = "fuzz-" + ++testRequests;
                try
                {
                    raw.send("35=1|112=" + id + "|");
                }
                catch (final IOException e)
                {
                    writeFailed();
                }
                return id;
            }

            void answerTestRequests()
            {
                String id;
                while ((id = testRequestsToAnswer.poll()) != null)
                {
                    try
                    {
                        raw.send("35=0|112=" + id + "|");
                    }
                    catch (final IOException e)
                    {
                        writeFailed();
                    }
                }
            }

            /**
             * @return true once the heartbeat answering TestRequest {@code id} arrived; false if the
             *     connection ended or stalled, which it then is for good.
             */
            boolean awaitHeartbeat(final String id) throws Exception
            {
                final long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
                while (true)
                {
                    final long nudgeAt = Math.min(deadline, System.nanoTime() + NUDGE_AFTER.toNanos());
                    synchronized (lock)
                    {
                        long now;
                        while (!heartbeats.contains(id) && !ended && !sequenceLost && (now = System.nanoTime()) < nudgeAt)
                        {
                            TimeUnit.NANOSECONDS.timedWait(lock, nudgeAt - now);
                        }
                        if (heartbeats.remove(id))
                        {
                            return true;
                        }
                        if (ended || sequenceLost)
                        {
                            return false;
                        }
                        if (System.nanoTime() >= deadline)
                        {
                            stalled++;
                            sequenceLost = true;
                            return false;
                        }
                    }
                    // outside the lock, which the reader needs: the engine frames what follows a garbled
                    // BodyLength only once more bytes arrive
                    testRequest();
                }
            }

            void awaitClosedByGateway(final Duration timeout) throws InterruptedException
            {
                final long deadline = System.nanoTime() + timeout.toNanos();
                synchronized (lock)
                {
                    while (!ended && System.nanoTime() < deadline)
                    {
                        TimeUnit.NANOSECONDS.timedWait(lock, deadline - System.nanoTime());
                    }
                }
            }

            void close() throws IOException
            {
                closing = true;
                raw.close();
            }
        }
    }
}
