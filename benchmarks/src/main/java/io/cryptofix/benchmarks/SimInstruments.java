package io.cryptofix.benchmarks;

import io.cryptofix.domain.Fixed;
import io.cryptofix.domain.Instrument;
import io.cryptofix.domain.InstrumentCatalog;

/** What the benchmarks' orders trade: BTC/USDT at the simulated venue, tick 0.01, lot and minimum 0.00001. */
public final class SimInstruments
{
    private SimInstruments()
    {
    }

    public static InstrumentCatalog catalog()
    {
        return new InstrumentCatalog().add(new Instrument("SIM", "BTC/USDT", Fixed.ONE / 100, Fixed.ONE / 100_000,
            Fixed.ONE / 100_000));
    }
}
