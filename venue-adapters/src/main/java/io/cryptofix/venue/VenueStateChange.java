package io.cryptofix.venue;

import io.cryptofix.domain.Instrument;

import java.util.List;

/**
 * A venue became usable or stopped being so, on its way to the duty cycle, where the gateway starts
 * or stops taking orders for it.
 *
 * @param venueId      the venue.
 * @param state        {@link VenueState#UP} or {@link VenueState#DOWN}.
 * @param reason       why, for operators and for the Text of the orders refused meanwhile.
 * @param instruments  with UP after a late start: the venue's instruments; otherwise empty.
 * @param timeMillis   when the venue worker saw the change.
 */
public record VenueStateChange(
    String venueId, VenueState state, String reason, List<Instrument> instruments, long timeMillis)
{
}
