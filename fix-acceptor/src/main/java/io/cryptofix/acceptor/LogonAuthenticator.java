package io.cryptofix.acceptor;

import io.cryptofix.config.FixConfig;
import io.cryptofix.config.SessionConfig;
import io.cryptofix.config.SessionLogon;
import io.cryptofix.translation.ClientText;
import org.agrona.concurrent.EpochClock;
import uk.co.real_logic.artio.builder.LogoutEncoder;
import uk.co.real_logic.artio.decoder.AbstractLogonDecoder;
import uk.co.real_logic.artio.decoder.LogonDecoder;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.validation.AuthenticationProxy;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;
import uk.co.real_logic.artio.validation.MessageValidationStrategy;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides each Logon on the FIX engine's behalf: the CompIDs must name a configured session, the
 * peer's address must be one the session allows, and where the session has a password its Logon must
 * carry it (Password (554), checked against the bcrypt hash; Username (553) where one is configured),
 * and where the session signs its Logon the signature must hold ({@link LogonSignature}).
 * A refusal tells the client no more than "logon refused", in a Logout; the reason goes to the log with
 * the peer's address and to {@link LogonRefusals}. Password checks are slow by design, so they run on a
 * thread of their own, never the engine's; an address that keeps failing waits longer for each answer.
 */
public final class LogonAuthenticator implements AuthenticationStrategy
{
    /** All a refused client hears. */
    public static final String REFUSED_TEXT = "logon refused";
    private static final Logger LOG = System.getLogger(LogonAuthenticator.class.getName());
    // how long the Logout may take to leave before the connection closes
    private static final long LINGER_MILLIS = 1_000;

    private final Map<String, SessionConfig> sessions;
    private final Function<String, byte[]> signingKeys;
    private final EpochClock clock;
    private final MessageValidationStrategy compIds;
    private final LogonRefusals refusals;
    private final PendingLogons pending;
    private final FailedLogons failures;
    private final ScheduledExecutorService checks;

    /**
     * @param compIds   the check of SenderCompID and TargetCompID against the configured sessions.
     * @param refusals  told of every refused logon, by reason.
     * @param pending   told of every accepted logon: its connection no longer waits to log on.
     * @param checks    the thread the checks run on (one: the slow-down is per address, in order); the
     *                  assembly's, which stops it.
     */
    public LogonAuthenticator(
        final FixConfig fix, final MessageValidationStrategy compIds, final LogonRefusals refusals,
        final PendingLogons pending, final EpochClock clock, final ScheduledExecutorService checks)
    {
        this(fix, compIds, refusals, pending, clock, checks, compId -> null);
    }

    /**
     * @param signingKeys  each signing session's key by its CompID (read from its {@code signingKeyEnv}
     *                     by the assembly); null for a session that signs nothing.
     */
    public LogonAuthenticator(
        final FixConfig fix, final MessageValidationStrategy compIds, final LogonRefusals refusals,
        final PendingLogons pending, final EpochClock clock, final ScheduledExecutorService checks,
        final Function<String, byte[]> signingKeys)
    {
        this.signingKeys = signingKeys;
        this.clock = clock;
        this.sessions = fix.sessions().stream().collect(Collectors.toUnmodifiableMap(SessionConfig::targetCompId,
            Function.identity()));
        this.compIds = compIds;
        this.refusals = refusals;
        this.pending = pending;
        this.failures = new FailedLogons(clock);
        this.checks = checks;
    }

    @Override
    public boolean authenticate(final AbstractLogonDecoder logon)
    {
        // every logon goes through authenticateAsync, which answers off the engine's thread
        throw new UnsupportedOperationException("logons are authenticated asynchronously");
    }

    @Override
    public void authenticateAsync(final AbstractLogonDecoder logon, final AuthenticationProxy proxy)
    {
        // the decoder is the engine's and is reused: take what the decision needs now
        final String peer = proxy.remoteAddress();
        // read on the engine's thread, while the connection is surely still counted
        final boolean claimedAddress = !pending.waiting(peer);
        final String compId = logon.header().senderCompIDAsString();
        final SessionConfig session = compIds.validate(logon.header()) ? sessions.get(compId) : null;
        final String username = logon.hasUsername() ? logon.usernameAsString() : null;
        final char[] password = logon.hasPassword() ? Arrays.copyOf(logon.password(), logon.passwordLength()) : null;
        final InetAddress address = PeerAddress.of(peer);
        final Signed signed = session == null || session.logon().signingKeyEnv() == null ? null : new Signed(
            logon instanceof LogonDecoder decoder && decoder.hasRawData() ?
                new String(decoder.rawData(), 0, decoder.rawDataLength(), StandardCharsets.US_ASCII) : null,
            logon.header().sendingTimeAsString(), logon.header().msgSeqNum(), logon.header().targetCompIDAsString());
        final long delayMillis = address == null ? 0 : failures.delayMillis(address);
        checks.schedule(() -> decide(proxy, peer, claimedAddress ? null : address, compId, session, username, password,
            signed, claimedAddress), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void decide(
        final AuthenticationProxy proxy, final String peer, final InetAddress address, final String compId,
        final SessionConfig session, final String username, final char[] password, final Signed signed,
        final boolean claimedAddress)
    {
        try
        {
            // a source address claimed in a PROXY header is refused: allowedAddresses and the slow-down
            // of failed logons must see the connection's own
            String refusal = claimedAddress ? "proxy_header" : null;
            // who and from where first, then the signature, then the password
            if (refusal == null)
            {
                refusal = accessRefusal(address, session);
            }
            if (refusal == null && signed != null)
            {
                refusal = LogonSignature.refusal(signingKeys.apply(compId), signed.rawData, signed.sendingTime,
                    signed.msgSeqNum, compId, signed.targetCompId, password == null ? null : new String(password),
                    clock.time());
            }
            if (refusal == null)
            {
                refusal = credentialsRefusal(session.logon(), username, password);
            }
            if (refusal == null)
            {
                // before the engine answers the Logon: once logged on, the connection never counts
                pending.loggedOn(peer);
                proxy.accept();
                if (address != null)
                {
                    failures.succeeded(address);
                }
                return;
            }
            if (address != null)
            {
                failures.failed(address);
            }
            refusals.refused(refusal);
            LOG.log(Level.WARNING, "logon refused: {0} from {1} ({2})", ClientText.escape(compId), peer, refusal);
            proxy.reject(new LogoutEncoder().text(REFUSED_TEXT), LINGER_MILLIS);
        }
        catch (final RuntimeException e)
        {
            // a logon that cannot be decided is refused, never let through
            LOG.log(Level.ERROR, "logon of " + ClientText.escape(compId) + " from " + peer + " not decided", e);
            proxy.reject();
        }
        finally
        {
            if (password != null)
            {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** @return null when the logon may go on, else why not, as counted: e.g. {@code password}. */
    static String refusal(
        final InetAddress address, final SessionConfig session, final String username, final char[] password)
    {
        final String refusal = accessRefusal(address, session);
        return refusal != null ? refusal : credentialsRefusal(session.logon(), username, password);
    }

    private static String accessRefusal(final InetAddress address, final SessionConfig session)
    {
        if (session == null)
        {
            return "unknown_session";
        }
        return address == null || !session.logon().allows(address) ? "address" : null;
    }

    private static String credentialsRefusal(final SessionLogon logon, final String username, final char[] password)
    {
        if (logon.passwordHash() == null)
        {
            // a signed logon proved the session's key before this
            return logon.signingKeyEnv() != null || logon.allowUnauthenticated() ? null : "no_credentials";
        }
        if (logon.username() != null && !logon.username().equals(username))
        {
            return "username";
        }
        if (password == null || password.length == 0)
        {
            return "password_missing";
        }
        return PasswordHashes.matches(password, logon.passwordHash()) ? null : "password";
    }

    /** What a signed Logon's signature is checked against, taken from the engine's decoder. */
    private record Signed(String rawData, String sendingTime, int msgSeqNum, String targetCompId)
    {
    }

    @Override
    public void onDisconnect(final long sessionId, final long connectionId, final DisconnectReason reason)
    {
        if (reason == DisconnectReason.DUPLICATE_SESSION)
        {
            refusals.refused("duplicate_session");
            LOG.log(Level.WARNING, "logon refused: its session is logged on already (connection " + connectionId + ")");
        }
    }
}
