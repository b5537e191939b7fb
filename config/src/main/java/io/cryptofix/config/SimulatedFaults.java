package io.cryptofix.config;

/**
 * Requests the simulated venue loses on purpose, so that the gateway's follow-ups of unanswered
 * requests can be seen working end to end.
 *
 * @param loseCancels        the first this many cancels never reach the venue.
 * @param loseSubmitAnswers  the venue places the first this many orders, but their acknowledgement is lost.
 */
public record SimulatedFaults(int loseCancels, int loseSubmitAnswers)
{
    public static final SimulatedFaults NONE = new SimulatedFaults(0, 0);
}
