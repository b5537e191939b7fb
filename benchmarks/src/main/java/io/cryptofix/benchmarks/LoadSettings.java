package io.cryptofix.benchmarks;

import java.nio.file.Path;

/**
 * What the load generator does.
 *
 * @param mode     OPEN: send at {@code rate} per second on a fixed schedule; CLOSED: keep
 *                 {@code window} orders awaiting their first report.
 * @param orders   orders measured, after {@code warmup} orders that are sent but not recorded.
 * @param histogramFile  where to write the acknowledgement latency histogram, or null.
 * @param price          null: market orders, alternately buy and sell; else buy limit orders at this
 *                       price (one that rests, for timeout runs).
 * @param expiryMillis   the timeout the gateway is configured to give these orders: each Expired
 *                       report is measured against its deadline; 0 when no order should expire.
 */
public record LoadSettings(
    String host,
    int port,
    String senderCompId,
    String targetCompId,
    Mode mode,
    int rate,
    int window,
    int orders,
    int warmup,
    String symbol,
    String quantity,
    Path histogramFile,
    String price,
    long expiryMillis)
{
    public enum Mode
    {
        OPEN,
        CLOSED
    }

    public int totalOrders()
    {
        return warmup + orders;
    }

    public static LoadSettings parse(final String[] args)
    {
        String host = "127.0.0.1";
        int port = 9880;
        String sender = "RISK";
        String target = "GATEWAY";
        Mode mode = Mode.CLOSED;
        int rate = 1000;
        int window = 100;
        int orders = 10_000;
        int warmup = 1_000;
        String symbol = "BTC/USDT";
        String quantity = "0.001";
        Path histogram = null;
        String price = null;
        long expiryMillis = 0;
        for (int i = 0; i < args.length; i += 2)
        {
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--host" -> host = value;
                case "--port" -> port = Integer.parseInt(value);
                case "--sender" -> sender = value;
                case "--target" -> target = value;
                case "--mode" -> mode = Mode.valueOf(value.toUpperCase());
                case "--rate" -> rate = Integer.parseInt(value);
                case "--window" -> window = Integer.parseInt(value);
                case "--orders" -> orders = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--symbol" -> symbol = value;
                case "--qty" -> quantity = value;
                case "--histogram" -> histogram = Path.of(value);
                case "--price" -> price = value;
                case "--expiry-ms" -> expiryMillis = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new LoadSettings(host, port, sender, target, mode, rate, window, orders, warmup, symbol, quantity,
            histogram, price, expiryMillis);
    }
}
