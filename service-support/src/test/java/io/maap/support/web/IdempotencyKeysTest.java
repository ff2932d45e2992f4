package io.maap.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    @Test
    void theBodysIdWinsOverTheHeader() {
        assertThat(IdempotencyKeys.idFor("audit-1", "key-1")).isEqualTo("audit-1");
    }

    @Test
    void theSameKeyAlwaysGivesTheSameId() {
        String first = IdempotencyKeys.idFor(null, "key-1");
        assertThat(IdempotencyKeys.idFor(null, "key-1")).isEqualTo(first);
        assertThat(IdempotencyKeys.idFor(null, "key-2")).isNotEqualTo(first);
    }

    @Test
    void withNeitherEachRequestGetsANewId() {
        assertThat(IdempotencyKeys.idFor(null, null)).isNotEqualTo(IdempotencyKeys.idFor(null, null));
    }

    @Test
    void aBlankKeyIsRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.idFor(null, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
    }

    @Test
    void anOverlongKeyIsRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.idFor(null, "k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255");
    }
}
