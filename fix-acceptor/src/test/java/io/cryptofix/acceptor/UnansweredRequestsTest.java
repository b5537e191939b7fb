package io.cryptofix.acceptor;

import io.cryptofix.acceptor.UnansweredRequests.Request;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.decoder.NewOrderSingleDecoder;
import uk.co.real_logic.artio.decoder.OrderMassStatusRequestDecoder;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests a restart finds unanswered, from what the engine recorded as received and sent: the
 * requests neither in the journal nor followed by their answer, per session, in the order received.
 */
class UnansweredRequestsTest
{
    private static final long RISK = 1;
    private static final long DEMO = 2;

    private final Set<String> journaled = new HashSet<>();
    private final UnansweredRequests.Search search =
        new UnansweredRequests.Search((sessionId, clOrdId) -> journaled.contains(sessionId + " " + clOrdId));

    @Test
    void aNewOrderTheJournalDoesNotHoldAndNoReportFollowedIsUnanswered()
    {
        journaled.add(RISK + " A");
        search.received(RISK, 100, request("D", 2, "11=A"));
        search.received(RISK, 110, request("D", 3, "11=B"));
        search.received(RISK, 120, request("D", 4, "11=C"));
        // B refused: the report went out, the journal never had it
        search.sent(RISK, 130, answer("8", "11=B", "150=8", "39=8"));

        assertThat(search.unanswered()).extracting(Request::clOrdId).containsExactly("C");
    }

    @Test
    void onlyAnAnswerSentAfterTheRequestCounts()
    {
        // the order's New came before the client asked for its status, and does not answer it
        search.received(RISK, 100, request("H", 7, "11=A", "55=BTC/USDT", "54=1"));
        search.sent(RISK, 90, answer("8", "11=A", "150=I", "39=0"));
        search.sent(RISK, 110, answer("8", "11=A", "150=0", "39=0"));

        assertThat(search.unanswered()).extracting(Request::msgType).containsExactly("H");

        search.sent(RISK, 120, answer("8", "11=A", "150=I", "39=0"));
        assertThat(search.unanswered()).isEmpty();
    }

    @Test
    void eachKindOfRequestIsAnsweredByItsOwnKindOfMessage()
    {
        search.received(RISK, 100, request("F", 2, "11=A-X", "41=A"));
        search.received(RISK, 100, request("G", 3, "11=B-R", "41=B"));
        search.received(RISK, 100, request("q", 4, "11=M", "530=7"));
        search.received(RISK, 100, request("AF", 5, "584=S1", "585=7"));
        search.received(RISK, 100, request("E", 6, "66=L"));

        search.sent(RISK, 101, answer("9", "11=A-X", "41=A", "434=1"));
        search.sent(RISK, 101, answer("8", "11=B-R", "41=B", "150=5", "39=0"));
        search.sent(RISK, 101, answer("r", "11=M", "530=7", "531=7"));
        search.sent(RISK, 101, answer("8", "11=Z", "584=S1", "150=I", "39=0"));
        assertThat(search.unanswered()).extracting(Request::msgType).containsExactly("E");

        // a type the gateway does not handle is answered by its BusinessMessageReject, by MsgSeqNum
        search.sent(RISK, 101, answer("j", "45=6", "372=E", "380=3"));
        assertThat(search.unanswered()).isEmpty();
    }

    @Test
    void aRejectNamingTheRequestsMsgSeqNumAnswersIt()
    {
        search.received(RISK, 100, request("D", 8, "11=A", "44=1e3"));
        search.sent(RISK, 101, answer("3", "45=7", "373=6"));
        assertThat(search.unanswered()).as("a Reject of another message").hasSize(1);

        search.sent(RISK, 101, answer("3", "45=8", "373=6"));
        assertThat(search.unanswered()).isEmpty();
    }

    @Test
    void anotherSessionsAnswerDoesNotCount()
    {
        search.received(RISK, 100, request("D", 2, "11=A"));
        search.received(DEMO, 100, request("D", 2, "11=A"));
        search.sent(DEMO, 101, answer("8", "11=A", "150=0", "39=0"));

        assertThat(search.unanswered()).extracting(Request::sessionId).containsExactly(RISK);
    }

    @Test
    void aJournaledClOrdIdAccountsForNewOrdersCancelsAndReplacesButNotForStatusRequests()
    {
        journaled.add(RISK + " A");
        journaled.add(RISK + " A-X");
        search.received(RISK, 100, request("D", 2, "11=A"));
        search.received(RISK, 110, request("F", 3, "11=A-X", "41=A"));
        search.received(RISK, 120, request("H", 4, "11=A", "55=BTC/USDT", "54=1"));

        assertThat(search.unanswered()).extracting(Request::msgType).containsExactly("H");
    }

    @Test
    void sessionMessagesAreNotRequestsAndARequestSentAgainIsOne()
    {
        search.received(RISK, 100, request("A", 1, "98=0", "108=30"));
        search.received(RISK, 101, request("0", 2));
        search.received(RISK, 102, request("D", 3, "11=A"));
        // the client's resend of the same message, on a ResendRequest
        search.received(RISK, 103, request("D", 3, "43=Y", "122=20261207-00:00:00", "11=A"));
        search.received(RISK, 104, request("D", 4, "11=B"));

        assertThat(search.unanswered()).extracting(Request::msgSeqNum).containsExactly(3, 4);
    }

    @Test
    void theRequestsKeepTheOrderTheyWereReceivedIn()
    {
        search.received(RISK, 100, request("D", 2, "11=A"));
        search.received(DEMO, 101, request("D", 9, "11=X"));
        search.received(RISK, 102, request("F", 3, "11=A-X", "41=A"));
        search.received(RISK, 103, request("D", 4, "11=B"));

        assertThat(search.unanswered()).extracting(Request::clOrdId).containsExactly("A", "X", "A-X", "B");
    }

    @Test
    void messageTypesArePackedAsArtiosDecodersHaveThem()
    {
        assertThat(UnansweredRequests.packMessageType("D")).isEqualTo(NewOrderSingleDecoder.MESSAGE_TYPE);
        assertThat(UnansweredRequests.packMessageType("AF")).isEqualTo(OrderMassStatusRequestDecoder.MESSAGE_TYPE);
    }

    private static String request(final String msgType, final int msgSeqNum, final String... fields)
    {
        return message("35=" + msgType, "49=RISK\u000156=GATEWAY\u000134=" + msgSeqNum, fields);
    }

    private static String answer(final String msgType, final String... fields)
    {
        return message("35=" + msgType, "49=GATEWAY\u000156=RISK\u000134=50", fields);
    }

    private static String message(final String msgType, final String header, final String... fields)
    {
        final StringBuilder message = new StringBuilder("8=FIX.4.4\u00019=100\u0001");
        message.append(msgType).append('\u0001').append(header).append('\u0001');
        for (final String field : fields)
        {
            message.append(field).append('\u0001');
        }
        return message.append("10=000\u0001").toString();
    }
}
