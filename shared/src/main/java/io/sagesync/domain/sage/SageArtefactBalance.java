package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What settlement needs to know about a sales artefact (invoice or credit note) already in Sage: whose it is, its
 * currency and rate, and how much of it is still open.
 *
 * @param id                Sage id
 * @param reference         our reference, may be null
 * @param number            Sage's own number (e.g. {@code SCN-3}), may be null
 * @param contactId         the artefact's contact
 * @param currencyId        ISO-4217, may be null (base currency)
 * @param exchangeRate      may be null
 * @param totalAmount       may be null
 * @param outstandingAmount what is still open (unpaid on an invoice, unused on a credit note), may be null
 * @param date              the document date, may be null
 */
public record SageArtefactBalance(String id, String reference, String number, String contactId, String currencyId,
                                  BigDecimal exchangeRate, BigDecimal totalAmount, BigDecimal outstandingAmount,
                                  LocalDate date) {
    public SageArtefactBalance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contactId, "contactId");
    }

    /** Outstanding, 0 when Sage left it out. */
    public BigDecimal open() {
        return outstandingAmount == null ? BigDecimal.ZERO : outstandingAmount;
    }

    /** What the merchant recognises the document by: Sage's number, else our reference. */
    public String displayReference() {
        return number != null && !number.isBlank() ? number : reference;
    }
}
