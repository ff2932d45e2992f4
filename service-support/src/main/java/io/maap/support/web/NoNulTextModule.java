package io.maap.support.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses text holding NUL ({@code \\u0000}) in request bodies: PostgreSQL cannot store it, so a
 * command carrying one would otherwise fail in its projection with a 500 instead of a 400.
 */
public class NoNulTextModule extends SimpleModule {

    public NoNulTextModule() {
        super("maap-no-nul-text");
        addDeserializer(String.class, new NoNulStringDeserializer());
    }

    static final class NoNulStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf((char) 0) >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value, "text may not contain NUL (\\u0000)");
            }
            return value;
        }
    }
}
