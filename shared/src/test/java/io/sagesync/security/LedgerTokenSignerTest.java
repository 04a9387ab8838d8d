package io.sagesync.security;

import static io.sagesync.security.TestTokens.API_KEY;
import static io.sagesync.security.TestTokens.TENANT_ID;
import static io.sagesync.security.TestTokens.WORKED_IAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerTokenSignerTest {
    private static final long NOW = WORKED_IAT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger counter = new AtomicInteger();
    private final Supplier<String> sequentialJti = () -> "jti-" + counter.incrementAndGet();

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private LedgerTokenSigner signerAt(long epochSecond) {
        return new LedgerTokenSigner(clockAt(Instant.ofEpochSecond(epochSecond)), sequentialJti);
    }

    /**
     * What the Magento module's inbound Verifier does (contract §c), written independently of the signer: three
     * segments, header alg/typ, constant-time HMAC with the inbound subkey, iss/aud/sub, integer times, iat within 30 s
     * of Magento's clock, nbf not in the future (no skew), exp in the future, exp - iat at most 300, non-empty jti.
     */
    private static boolean magentoAccepts(String jws, byte[] apiKey, String storedTenantId, long magentoNow)
            throws Exception {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"HS256".equals(header.path("alg").asText()) || !"JWT".equals(header.path("typ").asText())) {
            return false;
        }
        byte[] expected = TestTokens.hmacSha256(Hkdf.subkey(apiKey, Hkdf.INBOUND_INFO),
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
            return false;
        }
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        JsonNode iat = claims.path("iat");
        JsonNode nbf = claims.path("nbf");
        JsonNode exp = claims.path("exp");
        JsonNode jti = claims.path("jti");
        return claims.path("iss").isTextual() && claims.path("iss").textValue().equals("byte8-ledger")
                && claims.path("aud").isTextual() && claims.path("aud").textValue().equals("magento")
                && claims.path("sub").isTextual() && claims.path("sub").textValue().equals(storedTenantId)
                && iat.isIntegralNumber() && nbf.isIntegralNumber() && exp.isIntegralNumber()
                && iat.longValue() <= magentoNow + 30
                && nbf.longValue() <= magentoNow
                && exp.longValue() > magentoNow
                && exp.longValue() - iat.longValue() <= 300
                && jti.isTextual() && !jti.textValue().isEmpty();
    }

    @Test
    void sign_shouldEmitMagentosExactHeaderAndClaims() {
        String jws = signerAt(NOW).sign(API_KEY, TENANT_ID);

        assertThat(TestTokens.decodeSegment(jws, 0)).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        // Expected text derived from the contract rules: iat = now, nbf = now - 30, exp = now + 120.
        assertThat(TestTokens.decodeSegment(jws, 1)).isEqualTo("{\"iss\":\"byte8-ledger\",\"sub\":\"" + TENANT_ID
                + "\",\"aud\":\"magento\",\"iat\":1767225600,\"nbf\":1767225570,\"exp\":1767225720,\"jti\":\"jti-1\"}");
    }

    @Test
    void sign_shouldEmitClaimsInMagentosOrderAndWithExactJsonTypes() {
        JsonNode claims = TestTokens.payloadTree(signerAt(NOW).sign(API_KEY, TENANT_ID));

        List<String> names = new ArrayList<>();
        claims.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("iss", "sub", "aud", "iat", "nbf", "exp", "jti");
        assertThat(claims.get("aud").isTextual()).as("aud is a JSON string, not an array").isTrue();
        assertThat(claims.get("iat").isIntegralNumber()).isTrue();
        assertThat(claims.get("nbf").isIntegralNumber()).isTrue();
        assertThat(claims.get("exp").isIntegralNumber()).isTrue();
        assertThat(claims.get("jti").isTextual()).isTrue();
    }

    @Test
    void sign_shouldUseBase64UrlWithoutPadding() {
        String jws = signerAt(NOW).sign(API_KEY, TENANT_ID);

        assertThat(jws).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void sign_shouldSignWithInboundSubkey_notOutboundOrMaster() {
        String jws = signerAt(NOW).sign(API_KEY, TENANT_ID);
        String signingInput = jws.substring(0, jws.lastIndexOf('.'));
        String signature = jws.substring(jws.lastIndexOf('.') + 1);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);

        assertThat(signature).isEqualTo(TestTokens.base64Url(
                TestTokens.hmacSha256(Hkdf.subkey(API_KEY, Hkdf.INBOUND_INFO), input)));
        assertThat(signature).isNotEqualTo(TestTokens.base64Url(
                TestTokens.hmacSha256(Hkdf.subkey(API_KEY, Hkdf.OUTBOUND_INFO), input)));
        assertThat(signature).isNotEqualTo(TestTokens.base64Url(TestTokens.hmacSha256(API_KEY, input)));
    }

    @ParameterizedTest
    @ValueSource(longs = {-30, -25, 0, 25, 100, 119})
    void sign_shouldProduceTokenMagentoAccepts_despiteClockSkew(long magentoClockAheadOfOursBy) throws Exception {
        String jws = signerAt(NOW).sign(API_KEY, TENANT_ID);

        assertThat(magentoAccepts(jws, API_KEY, TENANT_ID, NOW + magentoClockAheadOfOursBy)).isTrue();
    }

    @Test
    void magentoCheck_shouldRejectOurTokenForAnotherTenantOrKey() throws Exception {
        String jws = signerAt(NOW).sign(API_KEY, TENANT_ID);

        assertThat(magentoAccepts(jws, API_KEY, "another-tenant", NOW)).isFalse();
        assertThat(magentoAccepts(jws, "another-key".getBytes(StandardCharsets.US_ASCII), TENANT_ID, NOW)).isFalse();
        assertThat(magentoAccepts(jws, API_KEY, TENANT_ID, NOW + 120)).as("expired at Magento").isFalse();
    }

    @Test
    void sign_shouldMintADistinctJtiOnEveryCall() {
        LedgerTokenSigner signer = new LedgerTokenSigner(clockAt(Instant.ofEpochSecond(NOW)),
                () -> UUID.randomUUID().toString());
        Set<String> jtis = new HashSet<>();

        for (int i = 0; i < 50; i++) {
            jtis.add(TestTokens.payloadTree(signer.sign(API_KEY, TENANT_ID)).get("jti").textValue());
        }

        assertThat(jtis).hasSize(50);
    }

    @Test
    void sign_shouldAskTheSupplierForEachToken() {
        LedgerTokenSigner signer = signerAt(NOW);

        String first = signer.sign(API_KEY, TENANT_ID);
        String second = signer.sign(API_KEY, TENANT_ID);

        assertThat(TestTokens.payloadTree(first).get("jti").textValue()).isEqualTo("jti-1");
        assertThat(TestTokens.payloadTree(second).get("jti").textValue()).isEqualTo("jti-2");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void sign_shouldTruncateSubSecondClockToWholeSeconds() {
        LedgerTokenSigner signer = new LedgerTokenSigner(clockAt(Instant.ofEpochSecond(NOW, 999_000_000)),
                sequentialJti);

        JsonNode claims = TestTokens.payloadTree(signer.sign(API_KEY, TENANT_ID));

        assertThat(claims.get("iat").longValue()).isEqualTo(NOW);
        assertThat(claims.get("exp").longValue()).isEqualTo(NOW + 120);
    }

    @Test
    void sign_shouldRefuseBlankTenantOrBlankJti() {
        assertThatThrownBy(() -> signerAt(NOW).sign(API_KEY, " ")).isInstanceOf(IllegalArgumentException.class);
        LedgerTokenSigner blankJti = new LedgerTokenSigner(clockAt(Instant.ofEpochSecond(NOW)), () -> "");
        assertThatThrownBy(() -> blankJti.sign(API_KEY, TENANT_ID)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- contract worked inbound token ------------------------------------------------------------------------------

    @Test
    void workedInboundToken_shouldVerifyWithInboundSubkey_andCarryWhatMagentoExpects() throws Exception {
        String jws = TestTokens.WORKED_INBOUND;

        assertThat(magentoAccepts(jws, API_KEY, TENANT_ID, WORKED_IAT)).isTrue();
        JsonNode claims = TestTokens.payloadTree(jws);
        assertThat(claims.get("iss").textValue()).isEqualTo("byte8-ledger");
        assertThat(claims.get("aud").textValue()).isEqualTo("magento");
        assertThat(claims.get("sub").textValue()).isEqualTo(TENANT_ID);
        assertThat(claims.get("exp").longValue() - claims.get("iat").longValue()).isEqualTo(300);
    }

    @Test
    void workedInboundToken_shouldNotVerifyWithOutboundSubkey() {
        String jws = TestTokens.WORKED_INBOUND;
        String signingInput = jws.substring(0, jws.lastIndexOf('.'));

        assertThat(TestTokens.sign(Hkdf.subkey(API_KEY, Hkdf.INBOUND_INFO), TestTokens.decodeSegment(jws, 0),
                TestTokens.decodeSegment(jws, 1))).isEqualTo(jws);
        String outboundSignature = TestTokens.base64Url(TestTokens.hmacSha256(
                Hkdf.subkey(API_KEY, Hkdf.OUTBOUND_INFO), signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertThat(outboundSignature).isNotEqualTo(jws.substring(jws.lastIndexOf('.') + 1));
    }
}
