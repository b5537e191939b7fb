package io.cryptofix.gateway;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runtime settings of the gateway that are not part of the user's configuration file.
 *
 * @param aeronDir         directory of the embedded Aeron media driver (shared memory), made readable by
 *                         the gateway's user only once the driver has started; deleted on close.
 * @param termBufferLength Aeron term length: small by default, see docs (1 GB of /dev/shm otherwise).
 * @param startTimeout     how long to wait for the engine and library to come up, and for the journal
 *                         to write the reports sent again at start.
 */
public record GatewayOptions(Path aeronDir, int termBufferLength, Duration startTimeout)
{
    public static final int DEFAULT_TERM_BUFFER_LENGTH = 2 * 1024 * 1024;

    /**
     * Defaults: the Aeron directory in shared memory, named after the FIX port so two gateways on
     * one machine never collide, and a stale one from a killed gateway is simply replaced.
     */
    public static GatewayOptions defaults(final int fixPort)
    {
        final Path shm = Path.of("/dev/shm");
        final Path base = shm.toFile().isDirectory() ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        return new GatewayOptions(base.resolve("cryptofix-" + fixPort), DEFAULT_TERM_BUFFER_LENGTH, Duration.ofSeconds(30));
    }
}
