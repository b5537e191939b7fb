package io.cryptofix.order;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three tables an order changes by, written out as data: for each state, every event that is
 * legal in it and where it leads; every other event a table judges is illegal there, and the events a
 * table does not judge leave its state alone. Read the order's own table against FIX 4.4 Volume 4,
 * Appendix D ("Order State Change Matrices").
 */
class OrderStateTest
{
    @DisplayName("the order's own state: every event it judges, in every state")
    @ParameterizedTest(name = "{0} (OrdStatus {1}): {2}")
    @CsvSource(delimiter = '|', textBlock = """
        PENDING_NEW      | A | NEW>NEW REJECTED>REJECTED REQUEST_REFUSED>PENDING_NEW
        NEW              | 0 | PARTIAL_FILL>PARTIALLY_FILLED FULL_FILL>FILLED CANCELED>CANCELED EXPIRED>EXPIRED REPLACED>NEW TRIGGERED>NEW PENDING_CANCEL>NEW PENDING_REPLACE>NEW CANCEL_REJECTED>NEW REQUEST_REFUSED>NEW
        PARTIALLY_FILLED | 1 | PARTIAL_FILL>PARTIALLY_FILLED FULL_FILL>FILLED CANCELED>CANCELED EXPIRED>EXPIRED REPLACED>PARTIALLY_FILLED REPLACED_FILLED>FILLED PENDING_CANCEL>PARTIALLY_FILLED PENDING_REPLACE>PARTIALLY_FILLED CANCEL_REJECTED>PARTIALLY_FILLED REQUEST_REFUSED>PARTIALLY_FILLED
        FILLED           | 2 | CANCEL_REJECTED>FILLED REQUEST_REFUSED>FILLED
        CANCELED         | 4 | PARTIAL_FILL>CANCELED FULL_FILL>FILLED REQUEST_REFUSED>CANCELED
        EXPIRED          | C | PARTIAL_FILL>EXPIRED FULL_FILL>FILLED REQUEST_REFUSED>EXPIRED
        REJECTED         | 8 | REQUEST_REFUSED>REJECTED
        """)
    void orderStateTable(final OrderState state, final char ordStatus, final String legal)
    {
        assertThat(state.ordStatus()).as("OrdStatus (39) of %s", state).isEqualTo(ordStatus);
        assertTable(state, legal, OrderState.class, OrderState::judges, OrderState::next);
    }

    @Test
    void theOrdersOwnTableJudgesWhatTheClientHearsOfAnOrder()
    {
        assertThat(judged(OrderState::judges)).containsExactlyInAnyOrder(
            OrderEventType.NEW, OrderEventType.REJECTED, OrderEventType.PARTIAL_FILL, OrderEventType.FULL_FILL,
            OrderEventType.PENDING_CANCEL, OrderEventType.PENDING_REPLACE, OrderEventType.CANCELED,
            OrderEventType.REPLACED, OrderEventType.REPLACED_FILLED, OrderEventType.EXPIRED, OrderEventType.TRIGGERED,
            OrderEventType.CANCEL_REJECTED, OrderEventType.REQUEST_REFUSED);
    }

    @DisplayName("the client's cancel or replace in flight: every event it judges")
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        NONE    | PENDING_CANCEL>CANCEL PENDING_REPLACE>REPLACE CANCELED>NONE REPLACED>NONE REPLACED_FILLED>NONE EXPIRED>NONE REJECTED>NONE
        CANCEL  | CANCELED>NONE CANCEL_REJECTED>NONE
        REPLACE | REPLACED>NONE REPLACED_FILLED>NONE CANCEL_REJECTED>NONE
        """)
    void pendingRequestTable(final PendingRequest request, final String legal)
    {
        assertTable(request, legal, PendingRequest.class, PendingRequest::judges, PendingRequest::next);
    }

    @Test
    void thePendingRequestTableJudgesRequestsAndWhatEndsThem()
    {
        assertThat(judged(PendingRequest::judges)).containsExactlyInAnyOrder(
            OrderEventType.PENDING_CANCEL, OrderEventType.PENDING_REPLACE, OrderEventType.CANCELED,
            OrderEventType.REPLACED, OrderEventType.REPLACED_FILLED, OrderEventType.CANCEL_REJECTED,
            OrderEventType.EXPIRED, OrderEventType.REJECTED);
    }

    @DisplayName("the order at its venue: every event it judges")
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        HELD      | VENUE_SUBMIT>PLACING CANCELED>GONE EXPIRED>GONE REPLACED>HELD RESTARTED>HELD
        PLACING   | NEW>PLACED ACKNOWLEDGED>PLACED REJECTED>GONE VENUE_QUERY>PLACING CANCELED>GONE EXPIRED>GONE REPLACED>PLACED REPLACED_FILLED>PLACED TRIGGERED>PLACING RESTARTED>PLACING
        PLACED    | VENUE_CANCEL>CANCELING VENUE_AMEND>AMENDING VENUE_QUERY>PLACED ACKNOWLEDGED>PLACED PARTIAL_FILL>PLACED FULL_FILL>GONE CANCELED>GONE EXPIRED>GONE RESTARTED>PLACED
        CANCELING | VENUE_SUBMIT>PLACING VENUE_CANCEL>CANCELING VENUE_QUERY>CANCELING ACKNOWLEDGED>CANCELING PARTIAL_FILL>CANCELING FULL_FILL>GONE PENDING_CANCEL>CANCELING PENDING_REPLACE>CANCELING CANCELED>GONE EXPIRED>GONE REPLACED_FILLED>GONE VENUE_CANCEL_REFUSED>PLACED RESTARTED>PLACED
        AMENDING  | VENUE_QUERY>AMENDING ACKNOWLEDGED>AMENDING PARTIAL_FILL>AMENDING FULL_FILL>GONE PENDING_REPLACE>AMENDING CANCELED>GONE EXPIRED>GONE REPLACED>PLACED VENUE_AMEND_REFUSED>PLACED RESTARTED>PLACED
        GONE      | ACKNOWLEDGED>GONE PARTIAL_FILL>GONE FULL_FILL>GONE VENUE_CANCEL_REFUSED>GONE VENUE_AMEND_REFUSED>GONE RESTARTED>GONE
        """)
    void venueLegTable(final VenueLeg leg, final String legal)
    {
        assertTable(leg, legal, VenueLeg.class, VenueLeg::judges, VenueLeg::next);
    }

    @Test
    void theVenueLegTableJudgesRequestsToTheVenueAndItsAnswers()
    {
        assertThat(judged(event -> !VenueLeg.judges(event))).containsExactlyInAnyOrder(
            OrderEventType.SUBMITTED, OrderEventType.HELD, OrderEventType.TIMEOUT_CHANGED,
            OrderEventType.CANCEL_REJECTED, OrderEventType.REQUEST_REFUSED, OrderEventType.ORDER_STATUS,
            OrderEventType.NEW_ORDER_REFUSED, OrderEventType.UNKNOWN_ORDER_STATUS, OrderEventType.MASS_STATUS_REPORT,
            OrderEventType.MASS_CANCEL_REPORT);
    }

    @DisplayName("Filled, Canceled, Rejected and Expired are terminal; the others are still working")
    @ParameterizedTest(name = "{0} terminal: {1}")
    @CsvSource({
        "PENDING_NEW, false",
        "NEW, false",
        "PARTIALLY_FILLED, false",
        "FILLED, true",
        "CANCELED, true",
        "REJECTED, true",
        "EXPIRED, true"
    })
    void terminalStates(final OrderState state, final boolean terminal)
    {
        assertThat(state.isTerminal()).isEqualTo(terminal);
    }

    @Test
    void onlyALateFillLeavesATerminalStateAndOnlyForFilled()
    {
        for (final OrderState state : OrderState.values())
        {
            if (!state.isTerminal())
            {
                continue;
            }
            for (final OrderEventType event : OrderEventType.values())
            {
                final OrderState next = OrderState.next(state, event);
                if (next != null && next != state)
                {
                    assertThat(event).as("%s left by %s", state, event).isEqualTo(OrderEventType.FULL_FILL);
                    assertThat(next).isEqualTo(OrderState.FILLED);
                }
            }
        }
    }

    /**
     * Every event against one state of a table: those the table judges lead where {@code legal} says
     * ({@code EVENT>NEXT ...}) or are illegal (null); those it does not judge leave the state as it is.
     */
    private static <S extends Enum<S>> void assertTable(
        final S state,
        final String legal,
        final Class<S> states,
        final Predicate<OrderEventType> judges,
        final BiFunction<S, OrderEventType, S> next)
    {
        final Map<OrderEventType, S> expected = transitions(legal, states);
        assertThat(expected.keySet()).as("listed for %s but not judged", state).allMatch(judges);
        for (final OrderEventType event : OrderEventType.values())
        {
            assertThat(next.apply(state, event)).as("%s + %s%s", state, event, judges.test(event) ? "" : ", not judged")
                .isEqualTo(judges.test(event) ? expected.get(event) : state);
        }
    }

    private static <S extends Enum<S>> Map<OrderEventType, S> transitions(final String legal, final Class<S> states)
    {
        final Map<OrderEventType, S> transitions = new EnumMap<>(OrderEventType.class);
        for (final String transition : legal.trim().split("\\s+"))
        {
            final String[] eventAndNext = transition.split(">");
            final OrderEventType event = OrderEventType.valueOf(eventAndNext[0]);
            assertThat(transitions.put(event, Enum.valueOf(states, eventAndNext[1]))).as("%s twice", event).isNull();
        }
        return transitions;
    }

    private static Set<OrderEventType> judged(final Predicate<OrderEventType> judges)
    {
        final Set<OrderEventType> judged = EnumSet.noneOf(OrderEventType.class);
        for (final OrderEventType event : OrderEventType.values())
        {
            if (judges.test(event))
            {
                judged.add(event);
            }
        }
        return judged;
    }
}
