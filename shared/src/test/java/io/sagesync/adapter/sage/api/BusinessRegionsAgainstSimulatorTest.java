package io.sagesync.adapter.sage.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagesync.adapter.http.JdkHttpClients;
import io.sagesync.domain.magento.CanonicalAddress;
import io.sagesync.domain.magento.CanonicalContact;
import io.sagesync.domain.magento.CanonicalInvoice;
import io.sagesync.domain.magento.CanonicalInvoiceLine;
import io.sagesync.domain.magento.InvoiceState;
import io.sagesync.domain.policy.SyncPolicy;
import io.sagesync.domain.sage.ContactMapper;
import io.sagesync.domain.sage.InvoiceMapper;
import io.sagesync.domain.sage.PostedInvoice;
import io.sagesync.domain.sage.SageBusiness;
import io.sagesync.domain.sage.SageReferenceData;
import io.sagesync.domain.sage.TaxRegion;
import io.sagesync.retry.InProcessRetry;
import io.sagesync.simulator.sage.SageSimulator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The business's country, base currency and rates come from Sage, and an Irish business works end to end through
 * the real adapter: reference data read over HTTP, contact and invoice posted, Sage's total equal to Magento's.
 */
class BusinessRegionsAgainstSimulatorTest {
    private final SageSimulator sage = SageSimulator.start();
    private final String token = sage.issueTokens().accessToken();

    @AfterEach
    void stop() {
        sage.close();
    }

    private HttpSageGateway gateway(String business) {
        SageClientConfig config = new SageClientConfig(sage.baseUrl(), business, Duration.ofSeconds(5),
                Duration.ofSeconds(10), InProcessRetry.defaults());
        return new HttpSageGateway(new SageHttpClient(config, () -> token,
                JdkHttpClients.create(config.connectTimeout()), Clock.systemUTC(), d -> { },
                new SplittableRandom(1)), new SageJson());
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void ukAndIrishBusinesses_areReadFromSage() {
        SageReferenceData uk = gateway(SageSimulator.LEAD_BUSINESS_ID).referenceData();
        SageReferenceData ie = gateway(SageSimulator.IRISH_BUSINESS_ID).referenceData();

        assertThat(uk.country()).isEqualTo("GB");
        assertThat(uk.baseCurrency()).isEqualTo("GBP");
        assertThat(uk.standardTaxRate()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("GB_STANDARD"));
        assertThat(ie.country()).isEqualTo("IE");
        assertThat(ie.baseCurrency()).isEqualTo("EUR");
        assertThat(ie.standardTaxRate()).hasValueSatisfying(r -> {
            assertThat(r.id()).isEqualTo("IE_STANDARD");
            assertThat(r.percentage()).isEqualByComparingTo("23");
        });
        assertThat(SageBusiness.of(ie, "GB", "GBP").region()).isEqualTo(TaxRegion.IE);
    }

    @Test
    void irishInvoice_postsAt23AndZero_andSageTotalsWhatMagentoCharged() {
        HttpSageGateway ireland = gateway(SageSimulator.IRISH_BUSINESS_ID);
        SageBusiness business = SageBusiness.of(ireland.referenceData(), "GB", "GBP");
        SyncPolicy d = SyncPolicy.defaults();
        SyncPolicy policy = new SyncPolicy(true, true, null, List.of(), List.of(), false, false, null,
                sage.ledgerAccountId("4000"), null, null, Map.of(), Map.of(), null, d.customerNamePriority(),
                d.defaultEuGoodsServicesType(), d.productTypeEuGoodsMap(), d.b2cConsolidation(), "EUR", "IE");
        CanonicalAddress dublin = new CanonicalAddress("billing", List.of("5 Grafton Street"), "Dublin", null,
                "D02 XY45", "IE", null);
        CanonicalContact buyer = new CanonicalContact(7, "aoife@example.ie", "Aoife", "Byrne", null, null, 1, null,
                List.of(dublin), null, null);
        String contactId = ireland.createContact(ContactMapper.map(buyer, "EUR", policy, null));
        CanonicalInvoice invoice = new CanonicalInvoice(9, "000000009", null, null, 1, 1, "EUR", InvoiceState.PAID,
                buyer, List.of(
                        new CanonicalInvoiceLine("KETTLE", "Kettle", d("1"), d("40"), d("40"), d("9.20"), d("49.20"),
                                null, "simple"),
                        new CanonicalInvoiceLine("BOOK", "Cookbook", d("1"), d("20"), d("20"), d("0"), d("20"), null,
                                "simple")),
                d("60"), d("10.35"), d("5"), d("1.15"), d("0"), d("75.35"), Instant.parse("2026-04-30T10:00:00Z"),
                null, null, dublin, dublin, BigDecimal.ONE);

        PostedInvoice posted = ireland.createSalesInvoice(
                InvoiceMapper.map(invoice, policy, business, contactId, null).request());

        assertThat(posted.totalAmount()).isEqualByComparingTo("75.35");
        assertThat(sage.invoices(SageSimulator.IRISH_BUSINESS_ID)).singleElement().satisfies(i -> {
            assertThat(i.path("tax_amount").decimalValue()).isEqualByComparingTo("10.35");
            assertThat(i.path("invoice_lines")).extracting(l -> l.path("tax_rate").path("id").asText())
                    .containsExactly("IE_STANDARD", "IE_ZERO", "IE_STANDARD");
        });
        assertThat(sage.invoices()).isEmpty();
        assertThat(sage.validationFailures()).isEmpty();
    }
}
