/**
 * Key derivation and JWT handling for the Byte8 Magento module's channel (wire contract §c).
 *
 * <p>Both directions use HS256 compact JWS signed with an HKDF-SHA256 subkey of the tenant's master {@code api_key}:
 * {@link io.sagesync.security.MagentoWebhookVerifier} checks the tokens Magento sends us (outbound subkey) and
 * {@link io.sagesync.security.LedgerTokenSigner} mints the tokens we send to Magento (inbound subkey).
 */
package io.sagesync.security;
