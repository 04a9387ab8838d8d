package io.sagesync.domain.sage;

import io.sagesync.domain.magento.CanonicalContact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Per-(customer, currency) keys for Sage contacts (§g). Sage locks a contact to one currency, so a buyer who pays in
 * GBP and EUR gets two contacts.
 * <ul>
 *   <li>Registered: {@code M{customer_id}}, e.g. {@code M5}; non-base currency appends the currency's first letter
 *       ({@code M5E}, {@code M5U}).</li>
 *   <li>Guest: {@code G} + first 9 hex of SHA-256 of the trimmed, lower-cased email (10 chars). For a non-base
 *       currency the hash is cut to 8 hex so the suffix fits Sage's 10-character limit ({@code G1a2b3c4dE}).</li>
 * </ul>
 * Currencies sharing an initial (CAD/CHF) share a suffix, as in Byte8's scheme; the xref key keeps the full code, so
 * only Sage's reference uniqueness can collide (Sage then rejects the second contact with a clear error).
 */
public final class ContactKeys {
    /** Sage's limit on {@code contact.reference}. */
    public static final int MAX_REFERENCE = 10;

    private ContactKeys() {
    }

    /** Reference without any currency suffix: {@code M5} or {@code G} + 9 hex. */
    public static String baseReference(CanonicalContact contact) {
        return contact.isGuest() ? "G" + emailHash(contact.email()).substring(0, 9) : "M" + contact.magentoId();
    }

    /**
     * The Sage reference for this buyer in this currency.
     *
     * @throws MappingException if a registered id is too long to fit 10 characters with its suffix
     */
    public static String reference(CanonicalContact contact, String currency, String baseCurrency) {
        boolean foreign = !baseCurrency.equalsIgnoreCase(currency);
        if (contact.isGuest()) {
            String hash = emailHash(contact.email());
            return foreign ? "G" + hash.substring(0, 8) + currencyInitial(currency) : "G" + hash.substring(0, 9);
        }
        String ref = "M" + contact.magentoId() + (foreign ? currencyInitial(currency) : "");
        if (ref.length() > MAX_REFERENCE) {
            throw new MappingException("contact_reference_too_long",
                    "customer id does not fit Sage's 10-character contact reference");
        }
        return ref;
    }

    /** Contact name with {@code " (EUR)"} appended for non-base currencies, cut so the result is ≤ 100 chars. */
    public static String displayName(String name, String currency, String baseCurrency) {
        String suffix = baseCurrency.equalsIgnoreCase(currency) ? "" : " (" + currency.toUpperCase(Locale.ROOT) + ")";
        String base = name.strip();
        int room = 100 - suffix.length();
        return (base.length() > room ? base.substring(0, room).strip() : base) + suffix;
    }

    /** The entity_xref key of this buyer's contact in this currency, e.g. {@code contact:M5:EUR}. */
    public static String xrefKey(CanonicalContact contact, String currency) {
        return "contact:" + baseReference(contact) + ":" + currency.toUpperCase(Locale.ROOT);
    }

    /** First letter of the ISO code, upper case: EUR → E, USD → U. */
    public static String currencyInitial(String currency) {
        return currency.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    /** Hex SHA-256 of the trimmed, lower-cased (ROOT locale) email: case or spaces never split one guest in two. */
    static String emailHash(String email) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JVM", e);
        }
    }
}
