package io.sagesync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HkdfTest {

    @Test
    void subkey_shouldMatchContractVector_forOutboundInfo() {
        assertThat(TestTokens.hex(Hkdf.subkey(TestTokens.API_KEY, Hkdf.OUTBOUND_INFO)))
                .isEqualTo("6f90632c04b1eee1d6a8a61a5684640f928f66f079871b805c50a51ba093f4b7");
    }

    @Test
    void subkey_shouldMatchContractVector_forInboundInfo() {
        assertThat(TestTokens.hex(Hkdf.subkey(TestTokens.API_KEY, Hkdf.INBOUND_INFO)))
                .isEqualTo("22732311621b0e16386a66620ce8b1d0daa3403753496735c3ba9de6f0e7d1ef");
    }

    @Test
    void subkey_shouldEqualFirstBlockOfRfc5869TestCase3_whichUsesEmptySaltAndInfo() {
        // RFC 5869 A.3: IKM = 22 x 0x0b, salt and info empty; OKM begins 8da4e775... (L = 42 there, we take 32).
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);

        assertThat(TestTokens.hex(Hkdf.subkey(ikm, "")))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d");
    }

    @Test
    void subkey_shouldGiveDifferentKeysPerDirection() {
        assertThat(Hkdf.subkey(TestTokens.API_KEY, Hkdf.OUTBOUND_INFO))
                .hasSize(32)
                .isNotEqualTo(Hkdf.subkey(TestTokens.API_KEY, Hkdf.INBOUND_INFO));
    }

    @Test
    void subkey_shouldRefuseEmptyMasterKey() {
        assertThatThrownBy(() -> Hkdf.subkey(new byte[0], Hkdf.OUTBOUND_INFO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
