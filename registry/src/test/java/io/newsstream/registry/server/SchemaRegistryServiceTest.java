package io.newsstream.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.registry.server.store.InMemorySchemaStore;
import org.junit.jupiter.api.Test;

class SchemaRegistryServiceTest {

    static final String V1 = "{\"type\":\"record\",\"name\":\"Article\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    static final String V2_DEFAULTED = "{\"type\":\"record\",\"name\":\"Article\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"title\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    static final String V2_REQUIRED = "{\"type\":\"record\",\"name\":\"Article\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
            + "{\"name\":\"title\",\"type\":\"string\"}]}";

    private final SchemaRegistryService service = new SchemaRegistryService(new InMemorySchemaStore());

    @Test
    void shouldGiveTheSameIdWhenTheSameSchemaIsRegisteredAgainWithOtherWhiteSpace() {
        int first = service.register("a-value", V1);
        int second = service.register("a-value", V1.replace(",", " ,\n  "));

        assertThat(second).isEqualTo(first);
        assertThat(service.versions("a-value")).containsExactly(1);
    }

    @Test
    void shouldShareOneGlobalIdForTheSameSchemaUnderAnotherSubject() {
        int first = service.register("a-value", V1);
        int other = service.register("b-value", "\"string\"");
        int again = service.register("c-value", V1);

        assertThat(again).isEqualTo(first).isNotEqualTo(other);
        assertThat(service.version("c-value", "latest").version()).isEqualTo(1);
    }

    @Test
    void shouldAddAVersionForABackwardCompatibleSchema() {
        service.register("a-value", V1);
        int id = service.register("a-value", V2_DEFAULTED);

        assertThat(service.version("a-value", "2").id()).isEqualTo(id);
        assertThat(service.version("a-value", "latest").version()).isEqualTo(2);
    }

    @Test
    void shouldRejectABackwardIncompatibleSchemaWith409() {
        service.register("a-value", V1);

        assertThatThrownBy(() -> service.register("a-value", V2_REQUIRED))
                .isInstanceOfSatisfying(RegistryError.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
                });
        assertThat(service.versions("a-value")).containsExactly(1);
    }

    @Test
    void shouldAcceptAnyChangeUnderNone() {
        service.setSubjectCompatibility("a-value", CompatibilityLevel.NONE);
        service.register("a-value", V1);

        service.register("a-value", "\"long\"");

        assertThat(service.versions("a-value")).containsExactly(1, 2);
    }

    @Test
    void shouldCheckOldReadersUnderForward() {
        service.setGlobalCompatibility(CompatibilityLevel.FORWARD);
        service.register("a-value", V2_REQUIRED);

        // Removing a field the old reader requires (no default) breaks old readers.
        assertThatThrownBy(() -> service.register("a-value", V1)).isInstanceOf(RegistryError.class);
    }

    @Test
    void shouldCheckEveryVersionUnderTransitiveLevels() {
        service.setSubjectCompatibility("a-value", CompatibilityLevel.NONE);
        service.register("a-value", V1);
        service.register("a-value", "\"long\"");
        service.setSubjectCompatibility("a-value", CompatibilityLevel.BACKWARD_TRANSITIVE);

        assertThatThrownBy(() -> service.register("a-value", "\"double\""))
                .isInstanceOf(RegistryError.class)
                .hasMessageContaining("BACKWARD_TRANSITIVE");
    }

    @Test
    void shouldReportIncompatibilityWithoutRegistering() {
        service.register("a-value", V1);

        assertThat(service.checkCompatibility("a-value", "latest", V2_REQUIRED)).isNotEmpty();
        assertThat(service.checkCompatibility("a-value", "latest", V2_DEFAULTED)).isEmpty();
        assertThat(service.checkCompatibility("unknown-value", "latest", V2_REQUIRED)).isEmpty();
    }

    @Test
    void shouldKeepIdsResolvableAfterASoftDelete() {
        int id = service.register("a-value", V1);

        assertThat(service.deleteSubject("a-value")).containsExactly(1);

        assertThat(service.byId(id).schema()).contains("Article");
        assertThatThrownBy(() -> service.versions("a-value"))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        assertThat(service.register("a-value", V1)).isEqualTo(id);
        assertThat(service.versions("a-value")).containsExactly(2);
    }

    @Test
    void shouldRejectAnUnparseableSchemaWith42201() {
        assertThatThrownBy(() -> service.register("a-value", "{\"type\":\"nope\"}"))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    }
}
