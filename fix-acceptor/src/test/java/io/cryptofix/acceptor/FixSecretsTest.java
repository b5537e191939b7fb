package io.cryptofix.acceptor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FixSecretsTest
{
    @Test
    void passwordsAndRawDataAreHiddenAndEverythingElseKept()
    {
        final String logon = "8=FIX.4.4|9=99|35=A|49=RISK|56=GATEWAY|553=risk-desk|554=s3cret|95=4|96=c2ln|925=n3w|10=123|"
            .replace('|', '\u0001');

        assertThat(FixSecrets.redact(logon)).isEqualTo(
            "8=FIX.4.4|9=99|35=A|49=RISK|56=GATEWAY|553=risk-desk|554=***|95=4|96=***|925=***|10=123|".replace('|', '\u0001'));
        final String order = "8=FIX.4.4\u000135=D\u000111=C1\u00011554=x\u0001";
        assertThat(FixSecrets.redact(order)).as("1554 is not 554").isEqualTo(order);
    }
}
