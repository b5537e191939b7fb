package io.cryptofix.acceptor;

/**
 * How far the order journal has been appended, and how far it has been written where it survives a
 * crash. An ExecutionReport is sent only once the journal has written the event it reports.
 */
interface JournalProgress
{
    /** No journal: every report goes out at once. */
    JournalProgress NONE = new JournalProgress()
    {
        @Override
        public long appended()
        {
            return 0;
        }

        @Override
        public long durable()
        {
            return 0;
        }
    };

    long appended();

    long durable();
}
