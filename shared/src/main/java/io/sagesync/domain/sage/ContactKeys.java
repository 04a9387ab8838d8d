package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalContact;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Per-(customer, currency) keys for Sage contacts (§g). Sage locks a contact to one currency, so a buyer who pays in
 * GBP and EUR gets two contacts, and Sage's {@code reference} (unique, at most 10 characters) must tell them apart.
 * <ul>
 *   <li>Registered, base currency: {@code M{customer_id}} ({@code M5}), as Byte8 posts it.</li>
 *   <li>Registered, other currency: {@code M{customer_id}{ISO code}} ({@code M5EUR}, {@code M5CAD}, {@code M5CHF}):
 *       the full code, because first letters collide (CAD and CHF both gave {@code M5C}, binding a CHF order to the
 *       CAD contact for good). An id too long for that is written in base 36 after an {@code N}
 *       ({@code N1Y2P0IJEUR}); {@code N} keeps the two forms from ever meeting.</li>
 *   <li>Guest: {@code G} + 9 base-36 characters of SHA-256(trimmed, lower-cased email, plus {@code "|" + ISO code}
 *       for another currency). 36⁹ ≈ 10¹⁴ values: at 100 000 guests the chance of any collision is about 5 × 10⁻⁵,
 *       against about 7 % for the 9 hex characters used before.</li>
 * </ul>
 * The cross-reference key carries the customer id or the full email hash and the currency, so it never collides.
 * A contact found in Sage by reference is still checked (email, currency) before it is used.
 */
public final class ContactKeys {
    /** Sage's limit on {@code contact.reference}. */
    public static final int MAX_REFERENCE = 10;
    private static final int GUEST_HASH_LENGTH = 9;

    private ContactKeys() {
    }

    /**
     * The Sage reference for this buyer in this currency.
     *
     * @throws MappingException if a registered id does not fit 10 characters even in base 36
     */
    public static String reference(CanonicalContact contact, String currency, String baseCurrency) {
        String code = currency.toUpperCase(Locale.ROOT);
        boolean foreign = !baseCurrency.equalsIgnoreCase(currency);
        if (contact.isGuest()) {
            return "G" + guestHash(contact.email(), foreign ? code : null);
        }
        if (!foreign) {
            return fit("M" + contact.magentoId());
        }
        String decimal = "M" + contact.magentoId() + code;
        if (decimal.length() <= MAX_REFERENCE) {
            return decimal;
        }
        return fit("N" + Long.toString(contact.magentoId(), 36).toUpperCase(Locale.ROOT) + code);
    }

    private static String fit(String reference) {
        if (reference.length() > MAX_REFERENCE) {
            throw new MappingException("contact_reference_too_long",
                    "customer id does not fit Sage's 10-character contact reference");
        }
        return reference;
    }

    /** Contact name with {@code " (EUR)"} appended for non-base currencies, cut so the result is ≤ 100 chars. */
    public static String displayName(String name, String currency, String baseCurrency) {
        String suffix = baseCurrency.equalsIgnoreCase(currency) ? "" : " (" + currency.toUpperCase(Locale.ROOT) + ")";
        String base = name.strip();
        int room = 100 - suffix.length();
        return (base.length() > room ? base.substring(0, room).strip() : base) + suffix;
    }

    /**
     * The entity_xref key of this buyer's contact in this currency: {@code contact:M5:EUR}, or for a guest
     * {@code contact:G<64 hex of the email hash>:EUR}.
     */
    public static String xrefKey(CanonicalContact contact, String currency) {
        String who = contact.isGuest() ? "G" + HexFormat.of().formatHex(sha256(normalisedEmail(contact.email())))
                : "M" + contact.magentoId();
        return "contact:" + who + ":" + currency.toUpperCase(Locale.ROOT);
    }

    /**
     * The key of a registered customer's currency index, {@code contact_currencies:M5}: its synced state lists the
     * currencies ({@code EUR,GBP}) in which a contact was bound, so a customer save finds every variant without a scan.
     */
    public static String currencyIndexKey(long customerId) {
        return "contact_currencies:M" + customerId;
    }

    /** The key of a registered customer's contact in {@code currency}, {@code contact:M5:EUR}. */
    public static String xrefKey(long customerId, String currency) {
        return "contact:M" + customerId + ":" + currency.toUpperCase(Locale.ROOT);
    }

    /** The email as contacts are matched on: trimmed, lower-cased (ROOT locale). */
    public static String normalisedEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** 9 upper-case base-36 characters of SHA-256(email[|currency]), from the uniform low-order end. */
    static String guestHash(String email, String currencyOrNull) {
        String input = normalisedEmail(email) + (currencyOrNull == null ? "" : "|" + currencyOrNull);
        String b36 = new BigInteger(1, sha256(input)).toString(36).toUpperCase(Locale.ROOT);
        String padded = "0".repeat(Math.max(0, GUEST_HASH_LENGTH - b36.length())) + b36;
        return padded.substring(padded.length() - GUEST_HASH_LENGTH);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JVM", e);
        }
    }
}
