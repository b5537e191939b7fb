package io.cryptofix.order;

/**
 * What a trading state applies to. Named by nothing (GLOBAL), a venue id (VENUE, as in ExDestination)
 * or a session's client CompID (SESSION).
 */
public enum TradingScope
{
    GLOBAL,
    VENUE,
    SESSION
}
