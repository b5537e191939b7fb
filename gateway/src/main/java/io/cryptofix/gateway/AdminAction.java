package io.cryptofix.gateway;

import io.cryptofix.config.AdminConfig.Role;
import io.cryptofix.order.TradingState;

import java.util.Locale;

/**
 * What an operator can ask of the admin API, the least role that may ask it, and the trading state it
 * leaves its scope in. Whatever stops risk from growing is an operator's; whatever lets it grow
 * again is a risk officer's. Taking a venue's rotated keys changes no risk: an operator's.
 */
enum AdminAction
{
    STATUS(Role.VIEWER, null),
    HALT(Role.OPERATOR, TradingState.HALTED),
    REDUCE(Role.OPERATOR, TradingState.REDUCING),
    KILL(Role.OPERATOR, TradingState.HALTED),
    RESUME(Role.RISK_OFFICER, TradingState.ACTIVE),
    RELOAD(Role.RISK_OFFICER, null),
    RELOAD_CREDENTIALS(Role.OPERATOR, null);

    private final Role needs;
    private final TradingState state;

    AdminAction(final Role needs, final TradingState state)
    {
        this.needs = needs;
        this.state = state;
    }

    Role needs()
    {
        return needs;
    }

    /** @return the state it puts its scope in; null for status and the reloads, which change none. */
    TradingState state()
    {
        return state;
    }

    /**
     * @return its name in the API's paths, the journal, the metrics and the command line: {@code halt},
     *     {@code reload-credentials}.
     */
    String word()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the action of that word, or null. */
    static AdminAction of(final String word)
    {
        for (final AdminAction action : values())
        {
            if (action.word().equals(word))
            {
                return action;
            }
        }
        return null;
    }

    /** @return the action an automatic trip to that state amounts to, for the journal. */
    static AdminAction leadingTo(final TradingState state)
    {
        return switch (state)
        {
            case ACTIVE -> RESUME;
            case REDUCING -> REDUCE;
            case HALTED -> HALT;
        };
    }
}
