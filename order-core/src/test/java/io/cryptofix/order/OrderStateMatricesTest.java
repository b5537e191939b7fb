package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-state scenarios of FIX 4.4 Volume 4, Appendix D ("Order State Change Matrices") that
 * apply to the gateway, as a table: what the client and the venue do, and every message the client
 * receives. Orders are on a venue without native amend, so a replace is emulated as cancel and new;
 * the client must not be able to tell. Lines read {@code ER ExecType/OrdStatus ClOrdID<OrigClOrdID}.
 */
class OrderStateMatricesTest
{
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void clientReceivesExactlyTheReportsOfTheMatrix(final Scenario scenario)
    {
        final LifecycleHarness gateway = new LifecycleHarness();

        scenario.script().accept(gateway);

        assertThat(gateway.told()).containsExactlyElementsOf(scenario.told());
    }

    static Stream<Scenario> scenarios()
    {
        return Stream.of(
            scenario("A.1.a filled order",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "2", "100").fill("X", "8", "100"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=2 leaves=8 last=2@100",
                "ER F/2 X qty=10 cum=10 leaves=0 last=8@100"),
            scenario("A.1.b part-filled order, then cancelled",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "3", "100")
                    .cancel("Y", "X").venueCanceled("X", "canceled by request"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=3 leaves=7 last=3@100",
                "ER 6/6 Y<X qty=10 cum=3 leaves=7",
                "ER 4/4 Y<X qty=10 cum=3 leaves=0"),
            scenario("B.1.a cancel request issued for a zero-filled order",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").cancel("Y", "X")
                    .venueCanceled("X", "canceled by request"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER 6/6 Y<X qty=10 cum=0 leaves=10",
                "ER 4/4 Y<X qty=10 cum=0 leaves=0"),
            scenario("B.1.c executions whilst the cancel is pending; the cancel is then too late",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "2", "100").cancel("Y", "X")
                    .fill("X", "8", "100").venueCancelRejected("X", "order filled"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=2 leaves=8 last=2@100",
                "ER 6/6 Y<X qty=10 cum=2 leaves=8",
                // pending cancel takes precedence over filled until the venue answers the cancel
                "ER F/6 X qty=10 cum=10 leaves=0 last=8@100",
                "CXL_REJ F Y<X reason=0 status=2"),
            scenario("B.1.d cancel request for an unknown order",
                g -> g.cancel("Y", "NOPE"),
                "CXL_REJ F Y<NOPE reason=1 status=-"),
            scenario("C.1.a part-filled order, replace to increase quantity",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "1", "100")
                    .replace("Y", "X", "12", "100").venueCanceled("X", "canceled by request").accept("X")
                    .fill("X", "11", "100"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=1 leaves=9 last=1@100",
                "ER E/E Y<X qty=10 cum=1 leaves=9",
                "ER 5/1 Y<X qty=12 cum=1 leaves=11",
                "ER F/2 Y qty=12 cum=12 leaves=0 last=11@100"),
            scenario("C.1.b replace to decrease quantity, an execution passes the request",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "1", "100")
                    .replace("Y", "X", "8", "100").fill("X", "0.5", "100")
                    .venueCanceled("X", "canceled by request").accept("X"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=1 leaves=9 last=1@100",
                "ER E/E Y<X qty=10 cum=1 leaves=9",
                // fills while pending carry the original order's terms and ClOrdID
                "ER F/E X qty=10 cum=1.5 leaves=8.5 last=0.5@100",
                "ER 5/1 Y<X qty=8 cum=1.5 leaves=6.5"),
            scenario("C.1.c replace to the quantity that has meanwhile filled leaves the order filled",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").replace("Y", "X", "7", "100")
                    .fill("X", "7", "100").venueCanceled("X", "canceled by request"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER E/E Y<X qty=10 cum=0 leaves=10",
                "ER F/E X qty=10 cum=7 leaves=3 last=7@100",
                "ER 5/2 Y<X qty=7 cum=7 leaves=0"),
            scenario("C.1.d replace to a quantity below CumQty is rejected",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "5", "100")
                    .replace("Y", "X", "4", "100"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=5 leaves=5 last=5@100",
                "CXL_REJ G Y<X reason=99 status=1"),
            scenario("C.2.a replace of the price is rejected as the order fills meanwhile",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "1", "100")
                    .replace("Y", "X", "10", "101").fill("X", "9", "100").venueCancelRejected("X", "order filled"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=1 leaves=9 last=1@100",
                "ER E/E Y<X qty=10 cum=1 leaves=9",
                "ER F/E X qty=10 cum=10 leaves=0 last=9@100",
                "CXL_REJ G Y<X reason=0 status=2"),
            scenario("C.3 a second replace while one is pending is rejected as already pending",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").replace("Y", "X", "8", "100")
                    .replace("Z", "Y", "7", "100").venueCanceled("X", "canceled by request").accept("X"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER E/E Y<X qty=10 cum=0 leaves=10",
                "CXL_REJ G Z<Y reason=3 status=0",
                "ER 5/0 Y<X qty=8 cum=0 leaves=8"),
            scenario("C.4 replace of a filled order is too late",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "10", "100")
                    .replace("Y", "X", "12", "100"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/2 X qty=10 cum=10 leaves=0 last=10@100",
                "CXL_REJ G Y<X reason=0 status=2"),
            scenario("C.5 the replacement is refused by the venue: the replace fails and the order ends",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").replace("Y", "X", "12", "100")
                    .venueCanceled("X", "canceled by request").reject("X", "insufficient balance"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER E/E Y<X qty=10 cum=0 leaves=10",
                "CXL_REJ G Y<X reason=99 status=0",
                "ER 4/4 X qty=10 cum=0 leaves=0"),
            scenario("D.1 unsolicited cancel of a part-filled order",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "1", "100")
                    .venueCanceled("X", "self-trade prevention"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=1 leaves=9 last=1@100",
                "ER 4/4 X qty=10 cum=1 leaves=0"),
            scenario("D.2 unsolicited cancel while an amend is pending fails the replace",
                g -> g.order(LifecycleHarness.NATIVE, "X", Side.BUY, OrdType.LIMIT, "10", "100", null,
                    TimeInForce.GOOD_TILL_CANCEL).accept("X").replace("Y", "X", "8", "100")
                    .venueCanceled("X", "maintenance"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER E/E Y<X qty=10 cum=0 leaves=10",
                "CXL_REJ G Y<X reason=0 status=0",
                "ER 4/4 X qty=10 cum=0 leaves=0"),
            scenario("E.1 order rejected by the venue",
                g -> g.limit("X", Side.BUY, "10", "100").reject("X", "insufficient balance"),
                "ER 8/8 X qty=10 cum=0 leaves=0"),
            scenario("E.2 duplicate ClOrdID, even of a done order",
                g -> g.limit("X", Side.BUY, "10", "100").accept("X").fill("X", "10", "100")
                    .limit("X", Side.BUY, "5", "100"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/2 X qty=10 cum=10 leaves=0 last=10@100",
                "REJECT X reason=6"),
            scenario("F.1 a fill that overtakes the acknowledgement is preceded by New",
                g -> g.limit("X", Side.BUY, "10", "100").fill("X", "4", "100").accept("X"),
                "ER 0/0 X qty=10 cum=0 leaves=10",
                "ER F/1 X qty=10 cum=4 leaves=6 last=4@100"));
    }

    private static Scenario scenario(final String name, final Consumer<LifecycleHarness> script, final String... told)
    {
        return new Scenario(name, script, List.of(told));
    }

    record Scenario(String name, Consumer<LifecycleHarness> script, List<String> told)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }
}
