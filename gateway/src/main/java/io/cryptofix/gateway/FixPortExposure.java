package io.cryptofix.gateway;

/**
 * The warning the gateway gives at start when the FIX port, plain TCP because Artio has no TLS, can be
 * reached from other machines ({@link io.cryptofix.config.Addresses#isLoopback} says it cannot):
 * warning once too often is cheaper than staying silent once too often.
 */
final class FixPortExposure
{
    private FixPortExposure()
    {
    }

    /** @return the start-up warning for a FIX port on {@code bindAddress:port} that is not loopback only. */
    static String warning(final String bindAddress, final int port)
    {
        final String hostPort = bindAddress.indexOf(':') >= 0 ? "[" + bindAddress + "]:" + port : bindAddress + ":" + port;
        final String rule = "*".repeat(100);
        return "\n" + rule + "\n" +
            "FIX PORT OPEN WITHOUT TLS: the gateway listens for FIX on " + hostPort + ", which is not a loopback\n" +
            "address, in plain TCP. Logons, orders and reports cross the network readable and alterable by\n" +
            "anyone on the path. Set fix.bindAddress to 127.0.0.1 and let clients in through the TLS front\n" +
            "(deploy/tls; docs/security.md, section \"TLS\"), unless every network in between is trusted.\n" +
            rule;
    }
}
