package io.sagesync.domain.sage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A mapped credit note plus what the invoice rules noticed on the way.
 *
 * @param request          the body to POST
 * @param warnings         non-fatal observations
 * @param sageDerivedTotal the total Sage will derive, equal to the memo's grand total
 */
public record CreditNoteMapping(SageCreditNoteRequest request, List<MappingWarning> warnings,
                                BigDecimal sageDerivedTotal) {
    public CreditNoteMapping {
        Objects.requireNonNull(request, "request");
        warnings = List.copyOf(warnings);
    }

    public List<String> warningCodes() {
        return warnings.stream().map(MappingWarning::code).toList();
    }
}
