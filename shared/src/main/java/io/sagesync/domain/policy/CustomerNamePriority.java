package io.sagesync.domain.policy;

/** Which name becomes the Sage contact name when a buyer has both a company and a person name (§f). */
public enum CustomerNamePriority {
    /** Contact name = company; the person goes on {@code main_contact_person}. */
    COMPANY("Company"),
    /** Contact name = person; the company goes on the main address. */
    PERSON("Person");

    private final String wireName;

    CustomerNamePriority(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
