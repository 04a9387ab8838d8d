package io.sagesync.adapter.sage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SageListTest {

    @Test
    void parse_shouldReadTheWrapperWithCamelCasePageSize() {
        SageList list = SageList.parse("{\"$total\":41,\"$page\":1,\"$next\":\"/contacts?page=2\",\"$back\":null,"
                + "\"$itemsPerPage\":20,\"$items\":[{\"id\":\"a\",\"displayed_as\":\"A\"}]}");

        assertThat(list.total()).isEqualTo(41L);
        assertThat(list.itemsPerPage()).isEqualTo(20);
        assertThat(list.next()).isEqualTo("/contacts?page=2");
        assertThat(list.rawItems()).containsExactly("{\"id\":\"a\",\"displayed_as\":\"A\"}");
    }

    @Test
    void parse_shouldReadTheSnakeCasePageSizeAndNullOrBlankNext() {
        assertThat(SageList.parse("{\"$items_per_page\":200,\"$next\":null,\"$items\":[]}"))
                .satisfies(l -> {
                    assertThat(l.itemsPerPage()).isEqualTo(200);
                    assertThat(l.next()).isNull();
                    assertThat(l.items()).isEmpty();
                    assertThat(l.total()).isNull();
                });
        assertThat(SageList.parse("{\"$next\":\"\"}").next()).isNull();
    }

    @Test
    void parse_shouldTreatABareArrayAsOneFinalPage() {
        SageList list = SageList.parse("[{\"id\":1},{\"id\":2}]");

        assertThat(list.rawItems()).containsExactly("{\"id\":1}", "{\"id\":2}");
        assertThat(list.next()).isNull();
        assertThat(list.total()).isEqualTo(2L);
    }

    @Test
    void parse_shouldRejectNonJson() {
        assertThatThrownBy(() -> SageList.parse("<html>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SageList.parse("\"text\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sageErrors_shouldTolerateEmptyNonJsonAndSingleObjectBodies() {
        assertThat(SageError.parseAll("")).isEmpty();
        assertThat(SageError.parseAll(null)).isEmpty();
        assertThat(SageError.parseAll("<html>503</html>")).isEmpty();
        assertThat(SageError.parseAll("[]")).isEmpty();
        assertThat(SageError.parseAll("{\"$dataCode\":\"IdempotencyResourceMismatch\","
                + "\"$message\":\"Entity type mismatch\"}"))
                .containsExactly(new SageError(null, "IdempotencyResourceMismatch", "Entity type mismatch", null));
        assertThat(SageError.parseAll("[{\"$severity\":\"error\",\"$dataCode\":\"A\",\"$source\":\"base\"},"
                + "{\"$severity\":\"warning\",\"$dataCode\":\"B\"}]"))
                .extracting(SageError::dataCode).isEqualTo(List.of("A", "B"));
    }
}
