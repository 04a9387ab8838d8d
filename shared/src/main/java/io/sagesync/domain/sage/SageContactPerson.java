package io.sagesync.domain.sage;

/**
 * Sage {@code main_contact_person}: on POST the contact's email lives here, not on the contact.
 *
 * @param name          person name
 * @param email         nullable email (≤ 100)
 * @param telephone     nullable telephone
 * @param isMainContact always true for the person we create
 */
public record SageContactPerson(String name, String email, String telephone, boolean isMainContact) {
}
