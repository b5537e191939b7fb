package io.cryptofix.venue.rest;

/**
 * What every {@link ExchangeClient} on XChange needs the same way.
 */
public final class XChangeSupport
{
    static
    {
        // the JDK's HttpURLConnection (under XChange's REST layer) silently sends a POST again when a
        // kept-alive connection closes before the answer: a second order. Never. The JDK reads this
        // once, when it first opens a connection, so every client calls neverResendPosts() first.
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private XChangeSupport()
    {
    }

    /** Makes sure the JDK never sends a POST twice on its own; call before any request. */
    public static void neverResendPosts()
    {
        // the work is in the static initializer: it runs once, before this returns
    }

    /**
     * @return a failure in its own words for an operator's message: XChange wraps a venue's error
     *     as "Failed to initialize: ..." around the cause, which says more. Carries no credentials.
     */
    public static String describe(final Throwable e)
    {
        final Throwable cause = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("Failed") ?
            e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
