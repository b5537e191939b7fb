package io.cryptofix.gateway;

/**
 * At most a few lines of one kind per window of time: a restart with a hundred thousand open orders,
 * or a venue that stops answering, would otherwise write a line per order. The first line let through
 * after some were held back says how many ({@link #heldBack()}); the metrics count every one. Used on
 * the duty cycle only, so unsynchronised.
 */
final class LogThrottle
{
    private final int linesPerWindow;
    private final long windowMillis;
    private long windowStartMillis = Long.MIN_VALUE;
    private int linesInWindow;
    private long heldBack;
    private long toTell;

    /**
     * @param linesPerWindow  lines let through in each window.
     * @param windowMillis    the window's length.
     */
    LogThrottle(final int linesPerWindow, final long windowMillis)
    {
        this.linesPerWindow = linesPerWindow;
        this.windowMillis = windowMillis;
    }

    /**
     * @return true when a line may be written now; then {@link #heldBack()} tells how many were not since
     *     the last one that was.
     */
    boolean admit(final long nowMillis)
    {
        if (windowStartMillis == Long.MIN_VALUE || nowMillis - windowStartMillis >= windowMillis)
        {
            windowStartMillis = nowMillis;
            linesInWindow = 0;
        }
        if (linesInWindow < linesPerWindow)
        {
            linesInWindow++;
            toTell = heldBack;
            heldBack = 0;
            return true;
        }
        heldBack++;
        return false;
    }

    /** How many lines of this kind were held back before the one just admitted. */
    long heldBack()
    {
        return toTell;
    }

    /** The words to add to an admitted line: empty when none was held back. */
    String suffix()
    {
        return toTell == 0 ? "" : " (and " + toTell + " more like this not logged; the metrics count each)";
    }
}
