package io.cryptofix.translation;

/**
 * A field of a client's message the gateway refuses before it reaches the order core, as a
 * session-level Reject (35=3) says it: the tag for RefTagID (371), the SessionRejectReason (373),
 * and a Text (58) that names the field and the rule it breaks.
 */
public record FieldProblem(int tag, int sessionRejectReason, String text)
{
    /** SessionRejectReason 5: the value is incorrect (out of range) for this tag. */
    public static final int VALUE_IS_INCORRECT = 5;
    /** SessionRejectReason 6: incorrect data format for the value. */
    public static final int INCORRECT_DATA_FORMAT = 6;
}
