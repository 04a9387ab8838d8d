package io.sagesync.security;

import static io.sagesync.security.TestTokens.API_KEY;
import static io.sagesync.security.TestTokens.TENANT_ID;
import static io.sagesync.security.TestTokens.WORKED_NOW;
import static io.sagesync.security.TestTokens.WORKED_OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Any alteration of a valid token is rejected, and always with the one rejection exception type. */
class MagentoWebhookVerifierPropertiesTest {

    private static MagentoWebhookVerifier freshVerifier() {
        // A fresh guard per try, so a rejection can never be a mere REPLAYED of an earlier try.
        return new MagentoWebhookVerifier(Clock.fixed(WORKED_NOW, ZoneOffset.UTC), new InMemoryReplayGuard());
    }

    @Example
    void unmodifiedTokenVerifies() {
        assertThat(freshVerifier().verify("Bearer " + WORKED_OUTBOUND, API_KEY, TENANT_ID).subject())
                .isEqualTo(TENANT_ID);
    }

    @Property(tries = 1000)
    void mutatedTokenNeverVerifies(@ForAll("mutatedTokens") String mutated) {
        assertThat(mutated).isNotEqualTo(WORKED_OUTBOUND);

        assertThatThrownBy(() -> freshVerifier().verify("Bearer " + mutated, API_KEY, TENANT_ID))
                .isExactlyInstanceOf(TokenVerificationException.class);
    }

    @Provide
    Arbitrary<String> mutatedTokens() {
        return Arbitraries.oneOf(flippedCharacter(), truncated(), appended());
    }

    private static Arbitrary<String> flippedCharacter() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, WORKED_OUTBOUND.length() - 1);
        // Mostly plausible token characters (so mutations reach the signature check), sometimes anything at all.
        Arbitrary<Character> tokenAlphabet = Arbitraries.chars()
                .with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/");
        Arbitrary<Character> replacement = Arbitraries.frequencyOf(
                Tuple.of(4, tokenAlphabet),
                Tuple.of(1, Arbitraries.chars()));
        return Combinators.combine(position, replacement)
                .filter((index, character) -> WORKED_OUTBOUND.charAt(index) != character)
                .as((index, character) -> WORKED_OUTBOUND.substring(0, index) + character
                        + WORKED_OUTBOUND.substring(index + 1));
    }

    private static Arbitrary<String> truncated() {
        return Arbitraries.integers().between(0, WORKED_OUTBOUND.length() - 1)
                .map(length -> WORKED_OUTBOUND.substring(0, length));
    }

    private static Arbitrary<String> appended() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(8).map(suffix -> WORKED_OUTBOUND + suffix);
    }
}
