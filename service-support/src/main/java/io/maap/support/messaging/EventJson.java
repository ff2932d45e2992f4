package io.maap.support.messaging;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON form of MAAP events: ISO-8601 dates, unknown fields tolerated by readers. */
public final class EventJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventJson() {
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
