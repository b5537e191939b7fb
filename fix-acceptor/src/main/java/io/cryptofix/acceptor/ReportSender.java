package io.cryptofix.acceptor;

import org.agrona.concurrent.IdleStrategy;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.agrona.concurrent.YieldingIdleStrategy;
import uk.co.real_logic.artio.EncodingException;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.session.Session;

/**
 * Sends a message the order core has already committed to (a report of a venue event cannot be
 * "un-happened", so unlike an inbound message it cannot be aborted and redelivered). Back-pressure
 * from the engine clears as the engine's own thread drains the publication, so a short bounded
 * retry is safe; past it the report is counted as undeliverable rather than blocking the duty cycle.
 */
final class ReportSender
{
    private static final Logger LOG = System.getLogger(ReportSender.class.getName());
    private static final int MAX_ATTEMPTS = 1_000;

    private final IdleStrategy retryIdleStrategy = new YieldingIdleStrategy();

    /** {@link #trySend}: the engine has the message. */
    static final int SENT = 0;
    /** {@link #trySend}: the session is not logged on, or stayed back-pressured; sending later may work. */
    static final int NOT_NOW = 1;
    /** {@link #trySend}: the codec refused the message; it never will be sent. */
    static final int UNENCODABLE = 2;

    /**
     * @return true if the message was handed to the engine.
     */
    boolean send(final Session session, final Encoder message)
    {
        return trySend(session, message) == SENT;
    }

    /**
     * @return {@link #SENT}, {@link #NOT_NOW} or {@link #UNENCODABLE}.
     */
    int trySend(final Session session, final Encoder message)
    {
        if (session == null)
        {
            return NOT_NOW;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
        {
            final long position;
            try
            {
                position = session.trySend(message);
            }
            catch (final EncodingException e)
            {
                // a report the codec refuses is a gateway bug; the order state has moved on, so the
                // rest of the duty cycle's work must still happen: say so loudly and carry on
                LOG.log(Level.ERROR, "report could not be encoded and was not sent: " + e.getMessage(), e);
                return UNENCODABLE;
            }
            if (position >= 0)
            {
                return SENT;
            }
            if (!session.isConnected())
            {
                return NOT_NOW;
            }
            retryIdleStrategy.idle();
        }
        return NOT_NOW;
    }
}
