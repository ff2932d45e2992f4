package io.maap.support.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoNulTextModuleTest {

    record Body(String name, List<String> tags) {
    }

    private final JsonMapper mapper = JsonMapper.builder().addModule(new NoNulTextModule()).build();

    @Test
    void textHoldingNulIsRefusedAndOtherTextIsRead() {
        assertThat(mapper.readValue("{\"name\":\"Zo\\u00eb \\n\",\"tags\":[\"a\"]}", Body.class))
                .isEqualTo(new Body("Zo\u00eb \n", List.of("a")));
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\\u0000b\"}", Body.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"tags\":[\"a\\u0000b\"]}", Body.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
