package io.sagesync.simulator.magento;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.simulator.magento.MagentoJwt.Rejection;
import io.sagesync.simulator.magento.MagentoJwt.Verification;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MagentoJwtTest {

    private static final String KEY = "test-master-api-key-0123456789abcdef";
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";
    private static final long IAT = 1767225600L;
    private static final Instant AT_IAT = Instant.ofEpochSecond(IAT);
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final MagentoJwt jwt = new MagentoJwt();

    @Test
    void hkdfOutboundSubkey_matchesContractVector() {
        assertThat(HexFormat.of().formatHex(MagentoJwt.subkey(KEY, MagentoJwt.OUTBOUND_INFO)))
                .isEqualTo("6f90632c04b1eee1d6a8a61a5684640f928f66f079871b805c50a51ba093f4b7");
    }

    @Test
    void hkdfInboundSubkey_matchesContractVector() {
        assertThat(HexFormat.of().formatHex(MagentoJwt.subkey(KEY, MagentoJwt.INBOUND_INFO)))
                .isEqualTo("22732311621b0e16386a66620ce8b1d0daa3403753496735c3ba9de6f0e7d1ef");
    }

    @Test
    void signOutbound_isByteIdenticalToContractWorkedExample() {
        String token = MagentoJwt.signOutbound(KEY, TENANT, AT_IAT, "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");

        assertThat(token).isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYWdlbnRvIiwic3ViIjoiMTExMTExMTEt"
                + "MjIyMi00MzMzLTg0NDQtNTU1NTU1NTU1NTU1IiwiYXVkIjoiYnl0ZTgtbGVkZ2VyIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmYiOjE3"
                + "NjcyMjU2MDAsImV4cCI6MTc2NzIyNTY2MCwianRpIjoiNmYxYzJhM2ItNGQ1ZS00ZjYwLThhN2ItOWMwZDFlMmYzYTRiIn0."
                + "PDJuUpKBr46Ke1D1qXVbnZ5U-1HEeI3SHg8joWIRLyo");
    }

    @Test
    void verifyInbound_acceptsContractWorkedExampleAtIat() {
        String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJieXRlOC1sZWRnZXIiLCJzdWIiOiIxMTExMTExMS0yMjIy"
                + "LTQzMzMtODQ0NC01NTU1NTU1NTU1NTUiLCJhdWQiOiJtYWdlbnRvIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmYiOjE3NjcyMjU2MDAs"
                + "ImV4cCI6MTc2NzIyNTkwMCwianRpIjoiMGI5ZThkN2MtNmI1YS00ZjQ5LTgzODItNzE2ZjVlNGQzYzJiIn0."
                + "Snze2U_nVvnIhHg51KMdu2XBdu8JTWXYA1zW_I-rOfs";

        assertThat(jwt.verifyInbound("Bearer " + token, KEY, TENANT, AT_IAT)).isEqualTo(new Verification(true, null));
        // and the signInbound helper reproduces it byte for byte
        assertThat(MagentoJwt.signInbound(KEY, TENANT, IAT, IAT, IAT + 300, "0b9e8d7c-6b5a-4f49-8382-716f5e4d3c2b"))
                .isEqualTo(token);
    }

    @Test
    void rejects_whenNotPaired() {
        assertRejected(jwt.verifyInbound("Bearer " + valid("j"), null, TENANT, AT_IAT), Rejection.NOT_PAIRED);
    }

    @Test
    void rejects_whenNoBearerPrefix() {
        assertRejected(jwt.verifyInbound(valid("j"), KEY, TENANT, AT_IAT), Rejection.MISSING_BEARER);
        assertRejected(jwt.verifyInbound(null, KEY, TENANT, AT_IAT), Rejection.MISSING_BEARER);
    }

    @Test
    void rejects_whenNotThreeSegments() {
        String twoSegments = valid("j").substring(0, valid("j").lastIndexOf('.'));
        assertRejected(jwt.verifyInbound("Bearer " + twoSegments, KEY, TENANT, AT_IAT), Rejection.MALFORMED);
        assertRejected(jwt.verifyInbound("Bearer a.b.c.d", KEY, TENANT, AT_IAT), Rejection.MALFORMED);
    }

    @Test
    void rejects_whenHeaderAlgOrTypIsWrong() {
        String claims = claims("byte8-ledger", "\"magento\"", TENANT, IAT, IAT, IAT + 60, "j");
        String noneAlg = MagentoJwt.signInboundRaw(KEY, "{\"alg\":\"none\",\"typ\":\"JWT\"}", claims);
        String otherTyp = MagentoJwt.signInboundRaw(KEY, "{\"alg\":\"HS256\",\"typ\":\"JWS\"}", claims);

        assertRejected(jwt.verifyInbound("Bearer " + noneAlg, KEY, TENANT, AT_IAT), Rejection.BAD_HEADER);
        assertRejected(jwt.verifyInbound("Bearer " + otherTyp, KEY, TENANT, AT_IAT), Rejection.BAD_HEADER);
    }

    @Test
    void rejects_whenSignedWithOutboundSubkeyOrOtherKey() {
        String outbound = MagentoJwt.signOutbound(KEY, TENANT, AT_IAT, "j");
        String otherKey = MagentoJwt.signInbound("another-key", TENANT, IAT, IAT, IAT + 60, "j2");

        assertRejected(jwt.verifyInbound("Bearer " + outbound, KEY, TENANT, AT_IAT), Rejection.BAD_SIGNATURE);
        assertRejected(jwt.verifyInbound("Bearer " + otherKey, KEY, TENANT, AT_IAT), Rejection.BAD_SIGNATURE);
    }

    @Test
    void rejects_whenIssuerIsNotLedger() {
        String token = raw(claims("magento", "\"magento\"", TENANT, IAT, IAT, IAT + 60, "j"));
        assertRejected(jwt.verifyInbound("Bearer " + token, KEY, TENANT, AT_IAT), Rejection.WRONG_ISSUER);
    }

    @Test
    void rejects_whenAudienceIsArrayOrOtherValue() {
        String array = raw(claims("byte8-ledger", "[\"magento\"]", TENANT, IAT, IAT, IAT + 60, "j1"));
        String other = raw(claims("byte8-ledger", "\"byte8-ledger\"", TENANT, IAT, IAT, IAT + 60, "j2"));

        assertRejected(jwt.verifyInbound("Bearer " + array, KEY, TENANT, AT_IAT), Rejection.WRONG_AUDIENCE);
        assertRejected(jwt.verifyInbound("Bearer " + other, KEY, TENANT, AT_IAT), Rejection.WRONG_AUDIENCE);
    }

    @Test
    void rejects_whenSubjectIsAnotherTenant() {
        String token = MagentoJwt.signInbound(KEY, "other-tenant", IAT, IAT, IAT + 60, "j");
        assertRejected(jwt.verifyInbound("Bearer " + token, KEY, TENANT, AT_IAT), Rejection.WRONG_SUBJECT);
    }

    @Test
    void rejects_whenTimeClaimIsNotJsonInteger() {
        String stringIat = raw("{\"iss\":\"byte8-ledger\",\"sub\":\"" + TENANT + "\",\"aud\":\"magento\",\"iat\":\""
                + IAT + "\",\"nbf\":" + IAT + ",\"exp\":" + (IAT + 60) + ",\"jti\":\"j\"}");
        String floatExp = raw("{\"iss\":\"byte8-ledger\",\"sub\":\"" + TENANT + "\",\"aud\":\"magento\",\"iat\":"
                + IAT + ",\"nbf\":" + IAT + ",\"exp\":" + (IAT + 60) + ".0,\"jti\":\"j\"}");
        String missingNbf = raw("{\"iss\":\"byte8-ledger\",\"sub\":\"" + TENANT + "\",\"aud\":\"magento\",\"iat\":"
                + IAT + ",\"exp\":" + (IAT + 60) + ",\"jti\":\"j\"}");

        assertRejected(jwt.verifyInbound("Bearer " + stringIat, KEY, TENANT, AT_IAT), Rejection.CLAIM_NOT_INTEGER);
        assertRejected(jwt.verifyInbound("Bearer " + floatExp, KEY, TENANT, AT_IAT), Rejection.CLAIM_NOT_INTEGER);
        assertRejected(jwt.verifyInbound("Bearer " + missingNbf, KEY, TENANT, AT_IAT), Rejection.CLAIM_NOT_INTEGER);
    }

    @Test
    void rejects_whenIssuedMoreThan30SecondsInFuture_butAcceptsExactly30() {
        String tooFar = MagentoJwt.signInbound(KEY, TENANT, IAT + 31, IAT, IAT + 100, "j1");
        String edge = MagentoJwt.signInbound(KEY, TENANT, IAT + 30, IAT, IAT + 100, "j2");

        assertRejected(jwt.verifyInbound("Bearer " + tooFar, KEY, TENANT, AT_IAT), Rejection.ISSUED_IN_FUTURE);
        assertThat(jwt.verifyInbound("Bearer " + edge, KEY, TENANT, AT_IAT).accepted()).isTrue();
    }

    @Test
    void rejects_whenNotBeforeIsEvenOneSecondAhead() {
        String token = MagentoJwt.signInbound(KEY, TENANT, IAT, IAT + 1, IAT + 60, "j");
        assertRejected(jwt.verifyInbound("Bearer " + token, KEY, TENANT, AT_IAT), Rejection.NOT_YET_VALID);
    }

    @Test
    void rejects_whenExpIsNowOrPast() {
        String token = MagentoJwt.signInbound(KEY, TENANT, IAT - 60, IAT - 60, IAT, "j");
        assertRejected(jwt.verifyInbound("Bearer " + token, KEY, TENANT, AT_IAT), Rejection.EXPIRED);
    }

    @Test
    void rejects_whenLifetimeExceeds300Seconds() {
        String token = MagentoJwt.signInbound(KEY, TENANT, IAT, IAT, IAT + 301, "j");
        assertRejected(jwt.verifyInbound("Bearer " + token, KEY, TENANT, AT_IAT), Rejection.LIFETIME_TOO_LONG);
    }

    @Test
    void rejects_whenJtiMissingOrEmpty() {
        String empty = MagentoJwt.signInbound(KEY, TENANT, IAT, IAT, IAT + 60, "");
        String missing = raw("{\"iss\":\"byte8-ledger\",\"sub\":\"" + TENANT + "\",\"aud\":\"magento\",\"iat\":"
                + IAT + ",\"nbf\":" + IAT + ",\"exp\":" + (IAT + 60) + "}");

        assertRejected(jwt.verifyInbound("Bearer " + empty, KEY, TENANT, AT_IAT), Rejection.MISSING_JTI);
        assertRejected(jwt.verifyInbound("Bearer " + missing, KEY, TENANT, AT_IAT), Rejection.MISSING_JTI);
    }

    @Test
    void rejects_replayedJti_untilItExpires() {
        String first = MagentoJwt.signInbound(KEY, TENANT, IAT, IAT, IAT + 60, "same");
        String sameJtiLater = MagentoJwt.signInbound(KEY, TENANT, IAT + 60, IAT + 60, IAT + 120, "same");

        assertThat(jwt.verifyInbound("Bearer " + first, KEY, TENANT, AT_IAT).accepted()).isTrue();
        assertRejected(jwt.verifyInbound("Bearer " + first, KEY, TENANT, AT_IAT.plusSeconds(5)),
                Rejection.REPLAYED_JTI);
        // once the first token has expired its jti is forgotten, as Magento's cache entry lapses
        assertThat(jwt.verifyInbound("Bearer " + sameJtiLater, KEY, TENANT, AT_IAT.plusSeconds(60)).accepted())
                .isTrue();
    }

    private static String valid(String jti) {
        return MagentoJwt.signInbound(KEY, TENANT, IAT, IAT, IAT + 60, jti);
    }

    private static String raw(String claimsJson) {
        return MagentoJwt.signInboundRaw(KEY, HEADER, claimsJson);
    }

    private static String claims(String iss, String audJson, String sub, long iat, long nbf, long exp, String jti) {
        return "{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":" + audJson + ",\"iat\":" + iat
                + ",\"nbf\":" + nbf + ",\"exp\":" + exp + ",\"jti\":\"" + jti + "\"}";
    }

    private static void assertRejected(Verification verification, Rejection reason) {
        assertThat(verification.accepted()).isFalse();
        assertThat(verification.rejection()).isEqualTo(reason);
    }
}
