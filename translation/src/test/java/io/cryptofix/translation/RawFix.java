package io.cryptofix.translation;

import uk.co.real_logic.artio.decoder.NewOrderSingleDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;

/**
 * FIX messages written by hand for tests, {@code |} for SOH, one character per byte (so a test can
 * put any byte in a value), framed with a standard header, BodyLength and CheckSum.
 */
final class RawFix
{
    private RawFix()
    {
    }

    /** A whole message from its MsgType and body fields, e.g. {@code message("D", "11=c-1|55=BTC/USDT|")}. */
    static MutableAsciiBuffer message(final String msgType, final String body)
    {
        final String rest = "35=" + msgType + "|49=RISK|56=GATEWAY|34=2|52=20260101-00:00:00.000|" + body;
        final String framed = "8=FIX.4.4|9=" + rest.length() + "|" + rest;
        final byte[] bytes = framed.replace('|', '\u0001').getBytes(StandardCharsets.ISO_8859_1);
        int sum = 0;
        for (final byte b : bytes)
        {
            sum += b & 0xFF;
        }
        final byte[] message = (framed + String.format("10=%03d|", sum % 256)).replace('|', '\u0001')
            .getBytes(StandardCharsets.ISO_8859_1);
        return new MutableAsciiBuffer(message);
    }

    /** A NewOrderSingle decoded as the gateway decodes it; the test asserts it passed the dictionary's checks. */
    static NewOrderSingleDecoder newOrderSingle(final MutableAsciiBuffer message)
    {
        final NewOrderSingleDecoder decoder = new NewOrderSingleDecoder();
        decoder.decode(message, 0, message.capacity());
        if (!decoder.validate())
        {
            throw new AssertionError("not a valid NewOrderSingle: tag " + decoder.invalidTagId() + ", reason " +
                decoder.rejectReason());
        }
        return decoder;
    }
}
