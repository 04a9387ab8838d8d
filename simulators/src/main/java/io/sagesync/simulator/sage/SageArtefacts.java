package io.sagesync.simulator.sage;

import static io.sagesync.simulator.sage.SageNodes.NODES;
import static io.sagesync.simulator.sage.SageNodes.copyIfPresent;
import static io.sagesync.simulator.sage.SageNodes.currencyLink;
import static io.sagesync.simulator.sage.SageNodes.date;
import static io.sagesync.simulator.sage.SageNodes.decimal;
import static io.sagesync.simulator.sage.SageNodes.link;
import static io.sagesync.simulator.sage.SageNodes.linkOf;
import static io.sagesync.simulator.sage.SageNodes.money;
import static io.sagesync.simulator.sage.SageNodes.requireLength;
import static io.sagesync.simulator.sage.SageNodes.text;
import static io.sagesync.simulator.sage.SageNodes.titleCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /sales_invoices} and {@code POST /sales_credit_notes}: Sage derives every total from the lines.
 * <ul>
 *   <li>Line net = {@code quantity × unit_price − discount_amount} (2 dp); line VAT is the {@code tax_amount} sent,
 *       which must agree with {@code net × rate} within rounding ({@link SageLineTax}); zero/exempt/no-tax rates
 *       carry none.</li>
 *   <li>Shipping panel (quirk §32): VAT is always recomputed as {@code shipping_net_amount × rate}; an explicit
 *       {@code shipping_tax_amount} is ignored.</li>
 *   <li>Place of supply = the delivery address's country (else the main address's, else the contact's). Outside the
 *       business's country every line must be zero-rated (quirk §29) unless the business uses destination VAT and
 *       the document says {@code destination_consignment}; such lines must share one goods/services type.</li>
 *   <li>Base-currency totals through {@link SageExchange}, the one documented direction.</li>
 *   <li>HTML entities in descriptions and addresses over Sage's limits are refused (422).</li>
 * </ul>
 */
final class SageArtefacts {
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");

    private final SageLedger ledger;
    private final String linesKey;
    private final String collection;
    private final String numberField;

    SageArtefacts(SageLedger ledger, String linesKey, String collection, String numberField) {
        this.ledger = ledger;
        this.linesKey = linesKey;
        this.collection = collection;
        this.numberField = numberField;
    }

    ObjectNode create(JsonNode body, String documentNumber, Map<String, ObjectNode> store) {
        ObjectNode contact = ledger.contactOf(body);
        String reference = text(body, "reference");
        requireLength("reference", reference, 25);
        LocalDate date = date(body, "date");
        if (date.isBefore(SageLedger.ACCOUNTS_START)) {
            throw SageApiException.invalid("date", "must be on or after the accounts start date "
                    + SageLedger.ACCOUNTS_START);
        }
        String base = ledger.baseCurrency();
        String contactCurrency = contact.path("currency").path("id").asText(base);
        String currency = body.path("currency_id").asText(contactCurrency);
        if (!currency.equals(contactCurrency)) {
            throw SageApiException.invalid("currency_id",
                    "Currency must be the same as the contact's currency (" + contactCurrency + ")");
        }
        BigDecimal exchangeRate = decimal(body, "exchange_rate", BigDecimal.ONE);
        if (base.equals(currency) && exchangeRate.compareTo(BigDecimal.ONE) != 0) {
            throw SageApiException.invalid("exchange_rate", "must be 1.0 for base currency transactions");
        }
        if (exchangeRate.signum() <= 0) {
            throw SageApiException.invalid("exchange_rate", "must be greater than 0");
        }
        SageAddresses.requireWithinLimits("main_address", body.path("main_address"));
        SageAddresses.requireWithinLimits("delivery_address", body.path("delivery_address"));
        boolean crossBorder = !ledger.region.country.equalsIgnoreCase(placeOfSupply(body, contact));
        boolean destination = body.path("destination_consignment").asBoolean(false);
        if (destination && !ledger.destinationVat) {
            throw SageApiException.invalid("destination_consignment",
                    "is only allowed when destination VAT is enabled in the financial settings");
        }

        ArrayNode lines = NODES.arrayNode();
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        BigDecimal quantityTotal = BigDecimal.ZERO;
        Set<String> goodsServicesTypes = new LinkedHashSet<>();
        for (JsonNode line : body.path(linesKey)) {
            ObjectNode stored = line(line, crossBorder && !destination, destination ? placeOfSupply(body, contact)
                    : null);
            goodsServicesTypes.add(line.path("eu_goods_services_type_id").asText(""));
            lines.add(stored);
            net = net.add(new BigDecimal(stored.get("net_amount").asText()));
            tax = tax.add(new BigDecimal(stored.get("tax_amount").asText()));
            discount = discount.add(new BigDecimal(stored.get("discount_amount").asText()));
            quantityTotal = quantityTotal.add(new BigDecimal(stored.get("quantity").asText()));
        }
        if (crossBorder && goodsServicesTypes.size() > 1) {
            throw SageApiException.invalid("line_items.eu_goods_services_type_id",
                    "Goods and services type must be the same for all lines");
        }
        // Quirk §32: shipping VAT is always recomputed from net x rate; an explicit shipping_tax_amount is ignored.
        BigDecimal shippingNet = money(decimal(body, "shipping_net_amount", BigDecimal.ZERO));
        String shippingRateId = body.path("shipping_tax_rate_id").asText(ledger.region.taxRates.get(0).id());
        ObjectNode shippingRate = ledger.taxRateOrFail("shipping_tax_rate_id", shippingRateId);
        BigDecimal shippingTax = money(shippingNet.multiply(new BigDecimal(shippingRate.get("percentage").asText()))
                .divide(BigDecimal.valueOf(100)));
        BigDecimal total = net.add(tax).add(shippingNet).add(shippingTax);

        String status = body.path("status_id").asText("UNPAID");
        String id = ledger.ids.get();
        ObjectNode artefact = link(id, documentNumber, "/" + collection + "/" + id);
        artefact.put(numberField, documentNumber);
        artefact.put("reference", reference);
        artefact.set("contact", linkOf(contact));
        artefact.put("contact_name", contact.path("name").asText());
        artefact.put("contact_reference", contact.path("reference").asText(null));
        artefact.put("date", date.toString());
        artefact.put("due_date", body.path("due_date").asText(date.plusDays(30).toString()));
        copyIfPresent(body, artefact, "original_invoice_date", "notes", "terms_and_conditions",
                "vat_reverse_charge", "destination_consignment", "main_address");
        artefact.set("delivery_address", body.has("delivery_address")
                ? body.get("delivery_address").deepCopy() : body.path("main_address").deepCopy());
        artefact.set("status", link(status, titleCase(status), "/artefact_statuses/" + status));
        artefact.set("currency", currencyLink(currency));
        artefact.put("exchange_rate", exchangeRate).put("inverse_exchange_rate", SageExchange.inverse(exchangeRate));
        artefact.put("net_amount", net).put("tax_amount", tax).put("total_amount", total);
        artefact.put("base_currency_net_amount", SageExchange.toBase(net.add(shippingNet), exchangeRate))
                .put("base_currency_tax_amount", SageExchange.toBase(tax.add(shippingTax), exchangeRate))
                .put("base_currency_total_amount", SageExchange.toBase(total, exchangeRate));
        artefact.put("total_quantity", quantityTotal).put("total_discount_amount", discount);
        artefact.put("shipping_net_amount", shippingNet).put("shipping_tax_amount", shippingTax)
                .put("shipping_total_amount", shippingNet.add(shippingTax));
        artefact.set("shipping_tax_rate", linkOf(shippingRate));
        artefact.put("outstanding_amount", total).put("total_paid", BigDecimal.ZERO.setScale(2));
        artefact.set(linesKey, lines);
        ledger.stamp(artefact);
        store.put(id, artefact);
        return artefact;
    }

    /**
     * @param destinationCountry for a destination consignment, the member state whose destination rates the line
     *                           must carry; null for a home-VAT document
     */
    private ObjectNode line(JsonNode line, boolean mustBeZeroRated, String destinationCountry) {
        String description = line.path("description").asText("");
        if (description.isBlank() || HTML_ENTITY.matcher(description).find()) {
            throw SageApiException.invalid("line_items.description", "This field is required.");
        }
        ObjectNode ledgerAccount = ledger.ledgerAccounts.get(line.path("ledger_account_id").asText(""));
        if (ledgerAccount == null) {
            throw SageApiException.invalid("line_items.ledger_account_id", "Ledger account not found");
        }
        String taxRateId = line.path("tax_rate_id").asText(ledger.region.taxRates.get(0).id());
        ObjectNode rate = destinationCountry == null ? ledger.taxRateOrFail("line_items.tax_rate_id", taxRateId)
                : SageDestinationRates.find(destinationCountry, taxRateId);
        if (rate == null) {
            throw SageApiException.invalid("line_items.tax_rate_id",
                    "Tax Rate must be a destination rate of " + destinationCountry + " on a destination consignment");
        }
        SageRegion.Rate rule = destinationCountry == null ? ledger.rateRules.get(taxRateId) : null;
        if (mustBeZeroRated && !ledger.region.zeroRateId().equals(taxRateId)) {
            throw SageApiException.invalid("line_items.tax_rate_id",
                    "Tax Rate must be Zero Rated for customers outside the " + ledger.region.country);
        }
        BigDecimal quantity = decimal(line, "quantity", BigDecimal.ONE);
        BigDecimal unitPrice = decimal(line, "unit_price", BigDecimal.ZERO);
        BigDecimal lineDiscount = money(decimal(line, "discount_amount", BigDecimal.ZERO));
        BigDecimal sentTax = money(decimal(line, "tax_amount", BigDecimal.ZERO));
        BigDecimal lineNet = money(quantity.multiply(unitPrice).subtract(lineDiscount));
        if (line.path("unit_price_includes_tax").asBoolean(false)) {
            lineNet = money(lineNet.subtract(sentTax));
        }
        BigDecimal lineTax = SageLineTax.checked(rule, new BigDecimal(rate.get("percentage").asText()), lineNet,
                quantity, sentTax);
        ObjectNode stored = NODES.objectNode();
        stored.put("id", ledger.ids.get()).put("displayed_as", description).put("description", description);
        stored.set("ledger_account", linkOf(ledgerAccount));
        stored.put("quantity", quantity).put("unit_price", unitPrice)
                .put("unit_price_includes_tax", line.path("unit_price_includes_tax").asBoolean(false))
                .put("discount_amount", lineDiscount).put("net_amount", lineNet);
        stored.set("tax_rate", linkOf(rate));
        stored.put("tax_amount", lineTax).put("total_amount", lineNet.add(lineTax));
        if (line.hasNonNull("eu_goods_services_type_id")) {
            String type = line.get("eu_goods_services_type_id").asText();
            stored.set("eu_goods_services_type", link(type, titleCase(type), "/eu_goods_services_types/" + type));
        }
        SageCatalog.requireLineItem(ledger, line);
        copyIfPresent(line, stored, "product_id", "service_id");
        return stored;
    }

    /** Where the goods go: delivery address, else main address, else the contact's address. */
    private String placeOfSupply(JsonNode body, ObjectNode contact) {
        for (JsonNode address : new JsonNode[] {body.path("delivery_address"), body.path("main_address"),
                contact.path("delivery_address"), contact.path("main_address")}) {
            String country = address.path("country_id").asText("");
            if (!country.isEmpty()) {
                return country;
            }
        }
        return ledger.region.country;
    }
}
