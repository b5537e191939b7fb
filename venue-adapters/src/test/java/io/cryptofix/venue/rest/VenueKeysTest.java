package io.cryptofix.venue.rest;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VenueKeysTest
{
    private final AtomicReference<Credentials> inStore = new AtomicReference<>(new Credentials("k1", "s1", null));
    private final VenueKeys keys = new VenueKeys(inStore::get);
    private final SigningKey<String> signing = new SigningKey<>(keys, secret ->
    {
        if (secret.contains("%"))
        {
            throw new IllegalArgumentException("illegal base64 character in " + secret);
        }
        return "signer-of-" + secret;
    });

    @Test
    void aRequestGetsTheKeyAndTheSignerOfItsSecretTogetherAndTheNewPairAfterAReload()
    {
        final SigningKey.Signing<String> before = signing.current();
        inStore.set(new Credentials("k2", "s2", null));

        assertThat(signing.current()).as("not read again until reloaded").isSameAs(before);
        assertThat(keys.reload()).isTrue();
        assertThat(signing.current().apiKey()).isEqualTo("k2");
        assertThat(signing.current().signer()).isEqualTo("signer-of-s2");
        assertThat(before.apiKey()).as("a request that took the old pair keeps it").isEqualTo("k1");
        assertThat(keys.reload()).as("nothing new").isFalse();
    }

    @Test
    void aSecretNoSignerCanUseIsRefusedAtTheReloadWithoutQuotingItAndTheKeysInUseStay()
    {
        inStore.set(new Credentials("k2", "not%base64", null));

        assertThatThrownBy(keys::reload).isInstanceOf(VenueUnavailableException.class)
            .hasMessage("the new secret cannot sign requests (IllegalArgumentException)");
        assertThat(signing.current().apiKey()).isEqualTo("k1");
        assertThat(signing.current().signer()).isEqualTo("signer-of-s1");
        assertThat(keys).hasToString("VenueKeys[hidden]");
        assertThat(signing.current()).hasToString("Signing[hidden]");
    }
}
