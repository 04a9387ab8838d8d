package io.sagesync.security;

import static io.sagesync.security.TestTokens.API_KEY;
import static io.sagesync.security.TestTokens.MAGENTO_HEADER;
import static io.sagesync.security.TestTokens.TENANT_ID;
import static io.sagesync.security.TestTokens.WORKED_IAT;
import static io.sagesync.security.TestTokens.WORKED_NOW;
import static io.sagesync.security.TestTokens.WORKED_OUTBOUND;
import static io.sagesync.security.TestTokens.WORKED_OUTBOUND_JTI;
import static io.sagesync.security.TestTokens.magentoClaims;
import static io.sagesync.security.TestTokens.outbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sagesync.port.InfrastructureException;
import io.sagesync.port.ReplayGuard;
import io.sagesync.security.TokenVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagentoWebhookVerifierTest {
    private static final String JTI = "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    private final InMemoryReplayGuard guard = new InMemoryReplayGuard();

    private MagentoWebhookVerifier verifierAt(long epochSecond) {
        return new MagentoWebhookVerifier(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), guard);
    }

    private VerifiedToken verifyAt(long epochSecond, String jws) {
        return verifierAt(epochSecond).verify("Bearer " + jws, API_KEY, TENANT_ID);
    }

    /** Asserts the rejection reason and that nothing secret or token-derived leaks through the exception. */
    private void assertRejected(long nowEpochSecond, String authorizationHeader, Reason expected) {
        TokenVerificationException rejection = catchThrowableOfType(TokenVerificationException.class,
                () -> verifierAt(nowEpochSecond).verify(authorizationHeader, API_KEY, TENANT_ID));

        assertThat(rejection).as("expected a TokenVerificationException").isNotNull();
        assertThat(rejection.reason()).isEqualTo(expected);
        assertThat(rejection.getCause()).isNull();
        assertThat(rejection.getMessage()).doesNotContain(TENANT_ID).doesNotContain("magento").doesNotContain("eyJ");
        if (authorizationHeader != null && authorizationHeader.length() > 8) {
            assertThat(rejection.getMessage()).doesNotContain(authorizationHeader.substring(7));
        }
    }

    private void assertTokenRejected(long now, String jws, Reason expected) {
        assertRejected(now, "Bearer " + jws, expected);
    }

    // ---- acceptance -------------------------------------------------------------------------------------------------

    @Test
    void verify_shouldAcceptContractWorkedOutboundToken_atItsIssueTime() {
        VerifiedToken token = verifyAt(WORKED_IAT, WORKED_OUTBOUND);

        assertThat(token).isEqualTo(new VerifiedToken(WORKED_OUTBOUND_JTI, TENANT_ID,
                WORKED_NOW, Instant.ofEpochSecond(WORKED_IAT + 60)));
        assertThat(guard.keptUntil(WORKED_OUTBOUND_JTI)).contains(Instant.ofEpochSecond(WORKED_IAT + 60 + 60));
    }

    @Test
    void testHelper_shouldReproduceContractWorkedOutboundTokenByteForByte() {
        // Cross-checks the JCE minting helper that every rejection test relies on.
        assertThat(outbound(magentoClaims(WORKED_IAT, WORKED_OUTBOUND_JTI))).isEqualTo(WORKED_OUTBOUND);
    }

    @Test
    void verify_shouldAcceptToken_aFewSecondsAfterIssue() {
        assertThat(verifyAt(WORKED_IAT + 5, outbound(magentoClaims(WORKED_IAT, JTI))).jti()).isEqualTo(JTI);
    }

    @Test
    void verify_shouldAcceptLowerCaseBearerScheme() {
        String jws = outbound(magentoClaims(WORKED_IAT, JTI));

        assertThatCode(() -> verifierAt(WORKED_IAT).verify("bearer " + jws, API_KEY, TENANT_ID))
                .doesNotThrowAnyException();
    }

    @Test
    void verify_shouldAcceptHeaderWithoutTyp() {
        String jws = outbound("{\"alg\":\"HS256\"}", magentoClaims(WORKED_IAT, JTI));

        assertThat(verifyAt(WORKED_IAT, jws).jti()).isEqualTo(JTI);
    }

    @Test
    void verify_shouldAcceptExpiredToken_whenWithinLeeway() {
        long exp = WORKED_IAT + 60;
        String jws = outbound(magentoClaims(WORKED_IAT, JTI));

        assertThat(verifyAt(exp + 59, jws).expiresAt()).isEqualTo(Instant.ofEpochSecond(exp));
    }

    @Test
    void verify_shouldAcceptNotBeforeAndIssuedAt_exactlyAtTheLeewayBoundary() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT + 60, JTI);

        assertThatCode(() -> verifyAt(WORKED_IAT, outbound(claims))).doesNotThrowAnyException();
    }

    @Test
    void verify_shouldAcceptLifetimeOfExactly300Seconds() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("exp", WORKED_IAT + 300);

        assertThatCode(() -> verifyAt(WORKED_IAT, outbound(claims))).doesNotThrowAnyException();
    }

    @Test
    void verify_shouldAcceptJtiOf128Characters() {
        String jti = "j".repeat(128);

        assertThat(verifyAt(WORKED_IAT, outbound(magentoClaims(WORKED_IAT, jti))).jti()).isEqualTo(jti);
    }

    // ---- Authorization header ---------------------------------------------------------------------------------------

    @Test
    void verify_shouldRejectMissingAuthorization() {
        assertRejected(WORKED_IAT, null, Reason.MISSING_AUTHORIZATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc.def.ghi", "Bearerx.y.z"})
    void verify_shouldRejectMalformedAuthorization(String header) {
        assertRejected(WORKED_IAT, header, Reason.MALFORMED_AUTHORIZATION);
    }

    @Test
    void verify_shouldRejectTokenWithoutBearerScheme() {
        assertRejected(WORKED_IAT, WORKED_OUTBOUND, Reason.MALFORMED_AUTHORIZATION);
    }

    // ---- JWS syntax -------------------------------------------------------------------------------------------------

    @Test
    void verify_shouldRejectTwoSegmentToken() {
        String[] parts = WORKED_OUTBOUND.split("\\.");
        assertTokenRejected(WORKED_IAT, parts[0] + "." + parts[1], Reason.MALFORMED_TOKEN);
    }

    @Test
    void verify_shouldRejectFourSegmentToken() {
        assertTokenRejected(WORKED_IAT, WORKED_OUTBOUND + ".AAAA", Reason.MALFORMED_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eyJ!bGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9=", "eyJhbGci+iJIUzI1NiJ9", "eyJhbG ciOiJIUzI1NiJ9"})
    void verify_shouldRejectHeaderSegmentThatIsNotBase64Url(String header) {
        String[] parts = WORKED_OUTBOUND.split("\\.");
        assertTokenRejected(WORKED_IAT, header + "." + parts[1] + "." + parts[2], Reason.MALFORMED_TOKEN);
    }

    @Test
    void verify_shouldRejectSignatureWithImpossibleBase64Length() {
        // 43 + 2 = 45 characters: a length no base64 encoding can have.
        assertTokenRejected(WORKED_IAT, WORKED_OUTBOUND + "AB", Reason.MALFORMED_TOKEN);
    }

    @Test
    void verify_shouldRejectNonCanonicalBase64Signature_thatDecodesToTheSameBytes() {
        // The 43rd character carries 2 unused bits; 'o' (40) -> 'p' (41) leaves the decoded bytes unchanged.
        String nonCanonical = WORKED_OUTBOUND.substring(0, WORKED_OUTBOUND.length() - 1) + "p";
        assertThat(WORKED_OUTBOUND).endsWith("o");

        assertTokenRejected(WORKED_IAT, nonCanonical, Reason.MALFORMED_TOKEN);
    }

    @Test
    void verify_shouldRejectHeaderThatIsNotJson() {
        String jws = TestTokens.sign(Hkdf.subkey(API_KEY, Hkdf.OUTBOUND_INFO), "not json",
                TestTokens.json(magentoClaims(WORKED_IAT, JTI)));
        assertTokenRejected(WORKED_IAT, jws, Reason.MALFORMED_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"iss\":", "[1,2,3]", "\"magento\"", "{\"iss\":\"magento\"} trailing"})
    void verify_shouldRejectSignedPayloadThatIsNotAJsonObject(String payload) {
        String jws = TestTokens.sign(Hkdf.subkey(API_KEY, Hkdf.OUTBOUND_INFO), MAGENTO_HEADER, payload);
        assertTokenRejected(WORKED_IAT, jws, Reason.MALFORMED_TOKEN);
    }

    @Test
    void verify_shouldRejectPayloadWithDuplicateClaim() {
        String claims = TestTokens.json(magentoClaims(WORKED_IAT, JTI));
        String duplicated = claims.replace("{\"iss\":\"magento\"", "{\"iss\":\"magento\",\"iss\":\"magento\"");
        String jws = TestTokens.sign(Hkdf.subkey(API_KEY, Hkdf.OUTBOUND_INFO), MAGENTO_HEADER, duplicated);

        assertTokenRejected(WORKED_IAT, jws, Reason.MALFORMED_TOKEN);
    }

    // ---- header policy ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS384", "HS512", "RS256", "ES256", "hs256", "HS256 ", ""})
    void verify_shouldRejectAnyAlgorithmOtherThanHs256(String alg) {
        String jws = outbound("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", magentoClaims(WORKED_IAT, JTI));
        assertTokenRejected(WORKED_IAT, jws, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verify_shouldRejectAlgNone_withEmptySignatureSegment() {
        String unsecured = TestTokens.base64Url("{\"alg\":\"none\"}".getBytes()) + "."
                + TestTokens.base64Url(TestTokens.json(magentoClaims(WORKED_IAT, JTI)).getBytes()) + ".";
        assertTokenRejected(WORKED_IAT, unsecured, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verify_shouldRejectHs256Header_withEmptySignatureSegment() {
        String stripped = WORKED_OUTBOUND.substring(0, WORKED_OUTBOUND.lastIndexOf('.') + 1);
        assertTokenRejected(WORKED_IAT, stripped, Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_shouldRejectMissingAlgorithm() {
        assertTokenRejected(WORKED_IAT, outbound("{\"typ\":\"JWT\"}", magentoClaims(WORKED_IAT, JTI)),
                Reason.UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"alg\":\"HS256\",\"typ\":\"JOSE\"}",
        "{\"alg\":\"HS256\",\"typ\":1}",
        "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"crit\":[\"b64\"],\"b64\":false}",
        "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"zip\":\"DEF\"}"})
    void verify_shouldRejectHeaderWithWrongTypeOrProcessingParameters(String header) {
        assertTokenRejected(WORKED_IAT, outbound(header, magentoClaims(WORKED_IAT, JTI)), Reason.MALFORMED_TOKEN);
    }

    // ---- signature --------------------------------------------------------------------------------------------------

    @Test
    void verify_shouldRejectBadSignature() {
        String otherKeyToken = TestTokens.sign(Hkdf.subkey("another-api-key".getBytes(), Hkdf.OUTBOUND_INFO),
                MAGENTO_HEADER, TestTokens.json(magentoClaims(WORKED_IAT, JTI)));
        assertTokenRejected(WORKED_IAT, otherKeyToken, Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_shouldRejectTokenSignedWithInboundSubkey() {
        String inboundSigned = TestTokens.sign(Hkdf.subkey(API_KEY, Hkdf.INBOUND_INFO), MAGENTO_HEADER,
                TestTokens.json(magentoClaims(WORKED_IAT, JTI)));
        assertTokenRejected(WORKED_IAT, inboundSigned, Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_shouldRejectTokenSignedWithTheMasterKeyItself() {
        String masterSigned = TestTokens.sign(API_KEY, MAGENTO_HEADER, TestTokens.json(magentoClaims(WORKED_IAT, JTI)));
        assertTokenRejected(WORKED_IAT, masterSigned, Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_shouldRejectWorkedInboundToken_becauseItIsSignedWithTheOtherSubkey() {
        assertTokenRejected(WORKED_IAT, TestTokens.WORKED_INBOUND, Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_shouldReportBadSignature_evenWhenForgedClaimsAreAlsoInvalid() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("exp", "soon");
        String forged = TestTokens.sign(Hkdf.subkey("another-api-key".getBytes(), Hkdf.OUTBOUND_INFO),
                MAGENTO_HEADER, TestTokens.json(claims));

        assertTokenRejected(WORKED_IAT, forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_shouldRejectTamperedPayload() {
        String[] parts = WORKED_OUTBOUND.split("\\.");
        Map<String, Object> claims = magentoClaims(WORKED_IAT, WORKED_OUTBOUND_JTI);
        claims.put("exp", WORKED_IAT + 3600);
        String tampered = parts[0] + "." + TestTokens.base64Url(TestTokens.json(claims).getBytes()) + "." + parts[2];

        assertTokenRejected(WORKED_IAT, tampered, Reason.BAD_SIGNATURE);
    }

    // ---- claims -----------------------------------------------------------------------------------------------------

    @Test
    void verify_shouldRejectWrongIssuer() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("iss", "byte8-ledger");
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.WRONG_ISSUER);
    }

    @Test
    void verify_shouldRejectWrongAudience() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("aud", "magento");
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.WRONG_AUDIENCE);
    }

    @Test
    void verify_shouldRejectAudienceArray_becauseMagentoSendsAPlainString() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("aud", List.of("byte8-ledger"));
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectWrongSubject() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("sub", "99999999-2222-4333-8444-555555555555");
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.WRONG_SUBJECT);
    }

    @Test
    void verify_shouldRejectSubjectThatIsOnlyAPrefixOfTheTenant() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("sub", TENANT_ID.substring(0, 8));
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.WRONG_SUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "iat", "nbf", "exp", "jti"})
    void verify_shouldRejectTokenLackingRequiredClaim(String claim) {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.remove(claim);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.MISSING_CLAIM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iat", "nbf", "exp"})
    void verify_shouldRejectNonNumericTimeClaim(String claim) {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put(claim, "soon");
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iat", "nbf", "exp"})
    void verify_shouldRejectNumericStringTimeClaim_whichJjwtAloneWouldAccept(String claim) {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put(claim, String.valueOf(claims.get(claim)));
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectFractionalTimeClaim() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("iat", WORKED_IAT + 0.5);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectTimeClaimBeyondLongRange() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("exp", new java.math.BigInteger("100000000000000000000000"));
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectNegativeTimeClaim() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("nbf", -1);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectNonStringIssuer() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("iss", 42);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectEmptyJti() {
        assertTokenRejected(WORKED_IAT, outbound(magentoClaims(WORKED_IAT, "")), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectJtiLongerThan128Characters() {
        assertTokenRejected(WORKED_IAT, outbound(magentoClaims(WORKED_IAT, "j".repeat(129))), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldRejectNonStringJti() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("jti", 12345);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    // ---- time window ------------------------------------------------------------------------------------------------

    @Test
    void verify_shouldRejectExpiredToken_whenBeyondLeeway() {
        long exp = WORKED_IAT + 60;
        assertTokenRejected(exp + 60, outbound(magentoClaims(WORKED_IAT, JTI)), Reason.EXPIRED);
    }

    @Test
    void verify_shouldRejectLongExpiredToken() {
        assertTokenRejected(WORKED_IAT + 86_400, WORKED_OUTBOUND, Reason.EXPIRED);
    }

    @Test
    void verify_shouldRejectNotBeforeInTheFuture_beyondLeeway() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("nbf", WORKED_IAT + 61);
        claims.put("exp", WORKED_IAT + 120);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.NOT_YET_VALID);
    }

    @Test
    void verify_shouldRejectIssuedAtInTheFuture_beyondLeeway() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT + 61, JTI);
        claims.put("nbf", WORKED_IAT);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.ISSUED_IN_FUTURE);
    }

    @Test
    void verify_shouldRejectLifetimeLongerThan300Seconds() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("exp", WORKED_IAT + 301);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void verify_shouldRejectExpiryNotAfterIssuedAt() {
        Map<String, Object> claims = magentoClaims(WORKED_IAT, JTI);
        claims.put("exp", WORKED_IAT);
        assertTokenRejected(WORKED_IAT, outbound(claims), Reason.INVALID_CLAIM);
    }

    @Test
    void verify_shouldHonourConfiguredZeroLeeway() {
        MagentoWebhookVerifier strict = new MagentoWebhookVerifier(
                Clock.fixed(Instant.ofEpochSecond(WORKED_IAT + 60), ZoneOffset.UTC), Duration.ZERO, guard);

        TokenVerificationException rejection = catchThrowableOfType(TokenVerificationException.class,
                () -> strict.verify("Bearer " + WORKED_OUTBOUND, API_KEY, TENANT_ID));

        assertThat(rejection.reason()).isEqualTo(Reason.EXPIRED);
    }

    // ---- replay -----------------------------------------------------------------------------------------------------

    @Test
    void verify_shouldRejectReplayedJti() {
        verifyAt(WORKED_IAT, WORKED_OUTBOUND);

        assertTokenRejected(WORKED_IAT + 1, WORKED_OUTBOUND, Reason.REPLAYED);
    }

    @Test
    void verify_shouldNotConsumeJti_whenTokenIsRejectedForAnotherReason() {
        Map<String, Object> wrongSubject = magentoClaims(WORKED_IAT, JTI);
        wrongSubject.put("sub", "someone-else");
        assertTokenRejected(WORKED_IAT, outbound(wrongSubject), Reason.WRONG_SUBJECT);

        assertThat(verifyAt(WORKED_IAT, outbound(magentoClaims(WORKED_IAT, JTI))).jti()).isEqualTo(JTI);
        assertThat(guard.recordedCount()).isEqualTo(1);
    }

    @Test
    void verify_shouldPropagateGuardInfrastructureFailureUnchanged() {
        InfrastructureException outage = new InfrastructureException("replay table unreachable");
        ReplayGuard broken = (jti, keepUntil) -> {
            throw outage;
        };
        MagentoWebhookVerifier verifier = new MagentoWebhookVerifier(Clock.fixed(WORKED_NOW, ZoneOffset.UTC), broken);

        assertThatThrownBy(() -> verifier.verify("Bearer " + WORKED_OUTBOUND, API_KEY, TENANT_ID)).isSameAs(outage);
    }

    // ---- configuration ----------------------------------------------------------------------------------------------

    @Test
    void constructor_shouldRejectLeewayAboveFiveMinutes() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new MagentoWebhookVerifier(clock, Duration.ofSeconds(301), guard))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MagentoWebhookVerifier(clock, Duration.ofSeconds(-1), guard))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new MagentoWebhookVerifier(clock, Duration.ofMinutes(5), guard))
                .doesNotThrowAnyException();
    }

    @Test
    void defaultLeeway_shouldBeSixtySeconds() {
        assertThat(MagentoWebhookVerifier.DEFAULT_LEEWAY).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void verify_shouldTreatEmptyApiKeyAsOurConfigurationBug_notAsATokenRejection() {
        assertThatThrownBy(() -> verifierAt(WORKED_IAT).verify("Bearer " + WORKED_OUTBOUND, new byte[0], TENANT_ID))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
