package io.cryptofix.order;

import io.cryptofix.domain.OrdType;
import io.cryptofix.domain.Side;
import io.cryptofix.domain.TimeInForce;
import org.junit.jupiter.api.Test;

import static io.cryptofix.order.LifecycleHarness.EMU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OrderMassStatusRequest (AF) and OrderMassCancelRequest (q): what they select, and what the client
 * hears, in order.
 */
class MassOperationsTest
{
    private final LifecycleHarness g = new LifecycleHarness();

    @Test
    void massStatusReportsEveryWorkingOrderOldestFirstAndMarksTheLast()
    {
        g.limit("A", Side.BUY, "1", "100").accept("A")
            .limit("B", Side.SELL, "2", "200").accept("B").fill("B", "1", "200")
            .limit("C", Side.BUY, "1", "100").accept("C").fill("C", "1", "100")
            .clear();

        g.massStatus("MS1", MassStatusCommand.ALL, null);

        assertThat(g.told()).containsExactly(
            "MASS_STATUS MS1 A status=0 of 2",
            "MASS_STATUS MS1 B status=1 of 2 last");
    }

    @Test
    void massStatusWithNoWorkingOrderSaysSoInOneReport()
    {
        g.massStatus("MS2", MassStatusCommand.BY_SYMBOL, "BTC/USDT");

        assertThat(g.told()).containsExactly("MASS_STATUS MS2 none of 0 last");
    }

    @Test
    void massStatusBySymbolLeavesOtherSymbolsOut()
    {
        g.limit("A", Side.BUY, "1", "100").accept("A").clear();

        g.massStatus("MS3", MassStatusCommand.BY_SYMBOL, "ETH/USDT");

        assertThat(g.told()).containsExactly("MASS_STATUS MS3 none of 0 last");
    }

    @Test
    void massCancelReportsFirstThenCancelsEachWorkingOrder()
    {
        g.limit("A", Side.BUY, "1", "100").accept("A")
            .limit("B", Side.SELL, "2", "200").accept("B").fill("B", "0.5", "200")
            .order(EMU, "S", Side.BUY, OrdType.STOP, "1", null, "300", TimeInForce.GOOD_TILL_CANCEL)
            .clear();

        g.massCancel("MC", MassCancelCommand.ALL, null);

        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("A"), g.key("B"));
        g.venueCanceled("B", "canceled by request").venueCanceled("A", "canceled by request");
        assertThat(g.told()).containsExactly(
            "MASS_CANCEL MC affected=3",
            // the stop held by the gateway needs no venue
            "ER 4/4 S qty=1 cum=0 leaves=0",
            "ER 4/4 B qty=2 cum=0.5 leaves=0",
            "ER 4/4 A qty=1 cum=0 leaves=0");
        assertThat(g.reports.executionReports()).allSatisfy(
            report -> assertThat(report.text()).isEqualTo("canceled by OrderMassCancelRequest"));
    }

    @Test
    void anOrderNotYetAcknowledgedIsCanceledAsSoonAsTheVenueAcknowledgesIt()
    {
        g.limit("A", Side.BUY, "1", "100").clear();

        g.massCancel("MC", MassCancelCommand.ALL, null);
        assertThat(g.venue.cancelRequested()).isEmpty();
        g.accept("A");
        assertThat(g.venue.cancelRequested()).extracting(RecordingVenueRouter.Request::orderKey).containsExactly(g.key("A"));
        g.venueCanceled("A", "canceled by request");

        assertThat(g.told()).containsExactly(
            "MASS_CANCEL MC affected=1", "ER 0/0 A qty=1 cum=0 leaves=1", "ER 4/4 A qty=1 cum=0 leaves=0");
    }

    @Test
    void anOrderWithAReplacePendingIsCanceledOnceTheReplaceIsDone()
    {
        g.limit("A", Side.BUY, "1", "100").accept("A").replace("R", "A", "2", "100").clear();

        g.massCancel("MC", MassCancelCommand.ALL, null);
        g.venueCanceled("A", "canceled by request").accept("A");
        assertThat(g.venue.cancelRequested()).hasSize(2);
        g.venueCanceled("A", "canceled by request");

        assertThat(g.told()).containsExactly(
            "MASS_CANCEL MC affected=1", "ER 5/0 R<A qty=2 cum=0 leaves=2", "ER 4/4 R qty=2 cum=0 leaves=0");
    }

    @Test
    void massCancelBySymbolTouchesOnlyThatSymbolAndOrdersWithACancelInFlightAreNotCountedTwice()
    {
        g.limit("A", Side.BUY, "1", "100").accept("A")
            .limit("B", Side.BUY, "1", "100").accept("B").cancel("C", "B")
            .clear();

        g.massCancel("MC1", MassCancelCommand.BY_SYMBOL, "ETH/USDT");
        g.massCancel("MC2", MassCancelCommand.BY_SYMBOL, "BTC/USDT");

        assertThat(g.told()).containsExactly("MASS_CANCEL MC1 affected=0", "MASS_CANCEL MC2 affected=1");
    }

    @Test
    void anUnsupportedOrIncompleteMassCancelIsRefused()
    {
        g.massCancel("MC1", '4', null);
        g.massCancel("MC2", MassCancelCommand.BY_SYMBOL, null);

        assertThat(g.told()).containsExactly("MASS_CANCEL MC1 refused", "MASS_CANCEL MC2 refused");
    }
}
