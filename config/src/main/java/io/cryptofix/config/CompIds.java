package io.cryptofix.config;

/**
 * FIX CompIDs (SenderCompID 49, TargetCompID 56): text that survives the wire and the logs unchanged.
 */
final class CompIds
{
    static final TextRule RULE = new TextRule("a valid CompID", CompIds::isValid, "printable ASCII without spaces");

    private CompIds()
    {
    }

    static boolean isValid(final String compId)
    {
        if (compId.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < compId.length(); i++)
        {
            final char c = compId.charAt(i);
            // space and controls (SOH above all) are excluded: they would corrupt or confuse the FIX stream
            if (c <= ' ' || c >= 0x7f)
            {
                return false;
            }
        }
        return true;
    }
}
