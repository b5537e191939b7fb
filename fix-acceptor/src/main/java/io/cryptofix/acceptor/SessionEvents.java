package io.cryptofix.acceptor;

/**
 * Session lifecycle notices for the operator (the gateway prints one line each). Called on the
 * duty-cycle thread: implementations must return quickly.
 */
public interface SessionEvents
{
    void onLogon(String clientCompId, long sessionId);

    void onLogout(String clientCompId, long sessionId, String reason);

    SessionEvents NONE = new SessionEvents()
    {
        @Override
        public void onLogon(final String clientCompId, final long sessionId)
        {
        }

        @Override
        public void onLogout(final String clientCompId, final long sessionId, final String reason)
        {
        }
    };
}
