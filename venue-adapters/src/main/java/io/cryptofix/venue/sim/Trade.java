package io.cryptofix.venue.sim;

/**
 * Receives each trade an {@link OrderBook} makes: the resting order it traded against, at the
 * resting order's price.
 */
@FunctionalInterface
interface Trade
{
    void onTrade(RestingOrder resting, long qty, long price);
}
