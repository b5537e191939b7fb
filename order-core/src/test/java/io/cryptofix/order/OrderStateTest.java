package io.cryptofix.order;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transition table read against FIX 4.4 Volume 4, Appendix D ("Order State Change Matrices").
 * Every (state, event) pair has a row; an empty "next" column means the pair is illegal.
 */
class OrderStateTest
{
    private static final int TABLE_ROWS = 56;

    @DisplayName("every (state, event) pair leads to its Appendix D state, or is illegal")
    @ParameterizedTest(name = "{0} (OrdStatus {1}) + {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "illegal", textBlock = """
        # state          | OrdStatus | event          | next
        PENDING_NEW      | A         | VENUE_ACCEPTED | NEW
        PENDING_NEW      | A         | VENUE_REJECTED | REJECTED
        PENDING_NEW      | A         | PARTIAL_FILL   | illegal
        PENDING_NEW      | A         | FULL_FILL      | illegal
        PENDING_NEW      | A         | VENUE_CANCELED | illegal
        PENDING_NEW      | A         | EXPIRED        | illegal
        PENDING_NEW      | A         | VENUE_REPLACED | illegal
        PENDING_NEW      | A         | VENUE_STATUS   | illegal
        NEW              | 0         | VENUE_ACCEPTED | illegal
        NEW              | 0         | VENUE_REJECTED | illegal
        NEW              | 0         | PARTIAL_FILL   | PARTIALLY_FILLED
        NEW              | 0         | FULL_FILL      | FILLED
        NEW              | 0         | VENUE_CANCELED | CANCELED
        NEW              | 0         | EXPIRED        | EXPIRED
        NEW              | 0         | VENUE_REPLACED | NEW
        NEW              | 0         | VENUE_STATUS   | illegal
        PARTIALLY_FILLED | 1         | VENUE_ACCEPTED | illegal
        PARTIALLY_FILLED | 1         | VENUE_REJECTED | illegal
        PARTIALLY_FILLED | 1         | PARTIAL_FILL   | PARTIALLY_FILLED
        PARTIALLY_FILLED | 1         | FULL_FILL      | FILLED
        PARTIALLY_FILLED | 1         | VENUE_CANCELED | CANCELED
        PARTIALLY_FILLED | 1         | EXPIRED        | EXPIRED
        PARTIALLY_FILLED | 1         | VENUE_REPLACED | PARTIALLY_FILLED
        PARTIALLY_FILLED | 1         | VENUE_STATUS   | illegal
        FILLED           | 2         | VENUE_ACCEPTED | illegal
        FILLED           | 2         | VENUE_REJECTED | illegal
        FILLED           | 2         | PARTIAL_FILL   | illegal
        FILLED           | 2         | FULL_FILL      | illegal
        FILLED           | 2         | VENUE_CANCELED | illegal
        FILLED           | 2         | EXPIRED        | illegal
        FILLED           | 2         | VENUE_REPLACED | illegal
        FILLED           | 2         | VENUE_STATUS   | illegal
        CANCELED         | 4         | VENUE_ACCEPTED | illegal
        CANCELED         | 4         | VENUE_REJECTED | illegal
        CANCELED         | 4         | PARTIAL_FILL   | illegal
        CANCELED         | 4         | FULL_FILL      | illegal
        CANCELED         | 4         | VENUE_CANCELED | illegal
        CANCELED         | 4         | EXPIRED        | illegal
        CANCELED         | 4         | VENUE_REPLACED | illegal
        CANCELED         | 4         | VENUE_STATUS   | illegal
        REJECTED         | 8         | VENUE_ACCEPTED | illegal
        REJECTED         | 8         | VENUE_REJECTED | illegal
        REJECTED         | 8         | PARTIAL_FILL   | illegal
        REJECTED         | 8         | FULL_FILL      | illegal
        REJECTED         | 8         | VENUE_CANCELED | illegal
        REJECTED         | 8         | EXPIRED        | illegal
        REJECTED         | 8         | VENUE_REPLACED | illegal
        REJECTED         | 8         | VENUE_STATUS   | illegal
        EXPIRED          | C         | VENUE_ACCEPTED | illegal
        EXPIRED          | C         | VENUE_REJECTED | illegal
        EXPIRED          | C         | PARTIAL_FILL   | illegal
        EXPIRED          | C         | FULL_FILL      | illegal
        EXPIRED          | C         | VENUE_CANCELED | illegal
        EXPIRED          | C         | EXPIRED        | illegal
        EXPIRED          | C         | VENUE_REPLACED | illegal
        EXPIRED          | C         | VENUE_STATUS   | illegal
        """)
    void transitionTable(
        final OrderState state, final char ordStatus, final OrderEvent event, final OrderState expectedNext)
    {
        assertThat(state.ordStatus()).as("OrdStatus (39) of %s", state).isEqualTo(ordStatus);
        assertThat(OrderState.next(state, event)).isEqualTo(expectedNext);
    }

    @Test
    void theTableAboveHasOneRowForEveryStateAndEvent()
    {
        // a new state or event must be added to the table, not silently left out of the test
        assertThat(OrderState.values().length * OrderEvent.values().length).isEqualTo(TABLE_ROWS);
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
    void noEventLeavesATerminalState()
    {
        for (final OrderState state : OrderState.values())
        {
            if (state.isTerminal())
            {
                for (final OrderEvent event : OrderEvent.values())
                {
                    assertThat(OrderState.next(state, event)).as("%s + %s", state, event).isNull();
                }
            }
        }
    }
}
