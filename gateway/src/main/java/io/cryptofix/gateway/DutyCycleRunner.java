package io.cryptofix.gateway;

import io.cryptofix.acceptor.ExecutionReportSender;
import io.cryptofix.config.PerformanceConfig;
import io.cryptofix.config.RiskConfig;
import io.cryptofix.config.TimeoutConfig;
import io.cryptofix.config.TimeoutPolicy;
import io.cryptofix.order.OrderCore;
import io.cryptofix.venue.VenueDispatcher;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemEpochClock;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.LibraryConnectHandler;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The thread of the {@link GatewayDutyCycle}, the one that owns all order state. {@link #start}
 * returns once the duty cycle's FIX library has connected to the engine: from then on logons are
 * accepted. Closing stops the thread, which closes the library.
 */
final class DutyCycleRunner implements AutoCloseable
{
    private static final Logger LOG = System.getLogger(DutyCycleRunner.class.getName());

    private final GatewayDutyCycle dutyCycle;
    private final AgentRunner runner;

    private DutyCycleRunner(final GatewayDutyCycle dutyCycle, final AgentRunner runner)
    {
        this.dutyCycle = dutyCycle;
        this.runner = runner;
    }

    /**
     * @param libraryConfiguration  the FIX side's library settings; the runner adds how its thread
     *                              waits and how long it waits for the engine.
     * @param coreTasks             the operators' work for the core, done between two messages.
     * @param startTimeout          how long the library may take to connect.
     */
    static DutyCycleRunner start(
        final LibraryConfiguration libraryConfiguration,
        final OrderCore core,
        final VenueDispatcher venues,
        final ExecutionReportSender reports,
        final CoreTasks coreTasks,
        final PerformanceConfig.Profile profile,
        final Duration startTimeout)
    {
        final CountDownLatch libraryConnected = new CountDownLatch(1);
        libraryConfiguration
            .libraryConnectHandler(new LibraryConnectHandler()
            {
                @Override
                public void onConnect(final FixLibrary library)
                {
                    libraryConnected.countDown();
                }

                @Override
                public void onDisconnect(final FixLibrary library)
                {
                    LOG.log(Level.WARNING, "FIX library disconnected from the engine");
                }
            })
            .libraryIdleStrategy(IdleStrategies.parking())
            .replyTimeoutInMs(startTimeout.toMillis());

        final GatewayDutyCycle dutyCycle = new GatewayDutyCycle(
            libraryConfiguration, core, venues, reports, coreTasks, SystemEpochClock.INSTANCE);
        final AgentRunner runner = new AgentRunner(
            IdleStrategies.orderPath(profile),
            throwable -> LOG.log(Level.ERROR, "gateway duty cycle error", throwable),
            null,
            dutyCycle);
        AgentRunner.startOnThread(runner);
        try
        {
            awaitLibrary(libraryConnected, startTimeout);
        }
        catch (final RuntimeException | Error e)
        {
            CloseHelper.quietClose(runner);
            throw e;
        }
        return new DutyCycleRunner(dutyCycle, runner);
    }

    /**
     * Hands a new timeout policy to the duty cycle, which switches to it in one step between two
     * messages. Safe to call from any thread.
     */
    void reloadTimeouts(final TimeoutConfig timeouts)
    {
        dutyCycle.reloadTimeoutPolicy(new TimeoutPolicy(timeouts));
    }

    /** Hands new pre-trade limits to the duty cycle, which switches to them between two messages. */
    void reloadRisk(final RiskConfig risk)
    {
        dutyCycle.reloadRisk(risk);
    }

    private static void awaitLibrary(final CountDownLatch libraryConnected, final Duration startTimeout)
    {
        try
        {
            if (!libraryConnected.await(startTimeout.toMillis(), TimeUnit.MILLISECONDS))
            {
                throw new IllegalStateException(
                    "FIX library did not connect to the engine within " + startTimeout.toSeconds() + "s");
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the FIX acceptor", e);
        }
    }

    @Override
    public void close()
    {
        runner.close();
    }
}
