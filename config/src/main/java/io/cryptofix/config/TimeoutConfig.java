package io.cryptofix.config;

import java.time.Duration;
import java.util.List;

/**
 * The order timeout policy: how long a resting order may live, resolved per order from the most
 * specific matching rule (see {@link TimeoutPolicy}), and how long the gateway waits for a venue.
 *
 * @param defaultAfter          the timeout of orders no rule matches; null for none.
 * @param unacknowledgedSubmit  how long a submit may go unanswered by its venue.
 * @param unconfirmedCancel     how long a cancel may go unconfirmed by its venue.
 * @param rules                 in file order.
 * @param reevaluateOnReload    when the policy is reloaded, whether working orders get the deadline
 *                              the new policy gives them (counted from their acceptance), or keep theirs.
 */
public record TimeoutConfig(Duration defaultAfter, Duration unacknowledgedSubmit, Duration unconfirmedCancel,
    List<TimeoutRule> rules, boolean reevaluateOnReload)
{
    /** No timeouts at all; the venue waits of the defaults. */
    public static final TimeoutConfig NONE =
        new TimeoutConfig(null, Duration.ofSeconds(10), Duration.ofSeconds(5), List.of(), false);
}
