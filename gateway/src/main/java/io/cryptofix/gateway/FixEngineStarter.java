package io.cryptofix.gateway;

import io.cryptofix.acceptor.FixEngineSettings;
import io.cryptofix.acceptor.PendingLogons;
import io.cryptofix.config.Addresses;
import io.cryptofix.config.FixConfig;
import io.cryptofix.config.PerformanceConfig;
import org.agrona.concurrent.EpochNanoClock;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Launches the Artio engine that accepts the clients' TCP connections, with the FIX side's settings
 * ({@link FixEngineSettings}) on one thread of its own that waits as the order path does.
 */
final class FixEngineStarter
{
    private static final Logger LOG = System.getLogger(FixEngineStarter.class.getName());

    private FixEngineStarter()
    {
    }

    /**
     * Refuses to start on a FIX port that is taken. Called before anything else: a second gateway on
     * the same port must not touch the first one's Aeron directory, and Artio only binds once the
     * library connects, too late to refuse cleanly.
     */
    static void checkPortFree(final FixConfig fix)
    {
        try (ServerSocket probe = new ServerSocket())
        {
            probe.bind(new InetSocketAddress(fix.bindAddress(), fix.port()));
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(
                "cannot listen for FIX on " + fix.bindAddress() + ":" + fix.port() + ": " + e.getMessage(), e);
        }
    }

    static FixEngine launch(
        final FixConfig fix,
        final PerformanceConfig.Profile profile,
        final String aeronDirName,
        final Path dataDir,
        final EpochNanoClock clock,
        final AuthenticationStrategy logons,
        final PendingLogons pending)
    {
        warnIfReachableWithoutTls(fix);
        final EngineConfiguration engine = FixEngineSettings.engineConfiguration(
                fix, aeronDirName, dataDir, clock, logons, pending)
            // framer and archiver share one thread: the gateway's threads share two cores
            .scheduler(new LowResourceEngineScheduler())
            .framerIdleStrategy(IdleStrategies.orderPath(profile))
            .archiverIdleStrategy(IdleStrategies.parking());
        return FixEngine.launch(engine);
    }

    /**
     * Artio speaks plain TCP only: a FIX port other machines can reach is one where logons and orders
     * travel in the clear. Not refused, for a trusted network is a choice the operator may make, but
     * said loudly at every start, so that it is a choice.
     */
    private static void warnIfReachableWithoutTls(final FixConfig fix)
    {
        if (!Addresses.isLoopback(fix.bindAddress()))
        {
            LOG.log(Level.WARNING, FixPortExposure.warning(fix.bindAddress(), fix.port()));
        }
    }
}
