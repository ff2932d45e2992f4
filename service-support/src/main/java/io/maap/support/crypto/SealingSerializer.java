package io.maap.support.crypto;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Axon's event serializer with the {@code @Sensitive} fields of events encrypted
 * ({@link SensitiveFields}): the event store holds ciphertext, while aggregates, projections and
 * the relay see the text, or {@link io.maap.events.Sensitive#REMOVED} once the audit's key was
 * destroyed. Everything else is the delegate's.
 */
public class SealingSerializer implements Serializer {

    private final Jackson3Serializer delegate;
    private final ObjectMapper mapper;
    private final AuditKeys keys;

    public SealingSerializer(Jackson3Serializer delegate, AuditKeys keys) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !SensitiveFields.applies(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        JsonNode tree = SensitiveFields.seal(object.getClass(), mapper.valueToTree(object), keys);
        byte[] bytes = mapper.writeValueAsBytes(tree);
        return new SimpleSerializedObject<>(getConverter().convert(bytes, byte[].class, expectedRepresentation),
                expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = serializedObject == null ? null : classForType(serializedObject.getType());
        if (type == null || UnknownSerializedType.class.equals(type) || !SensitiveFields.applies(type)) {
            return delegate.deserialize(serializedObject);
        }
        byte[] bytes = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(), byte[].class);
        JsonNode tree = SensitiveFields.open(type, mapper.readTree(bytes), keys::forReading);
        // The opened tree itself, not its bytes parsed again: the delegate reads a JsonNode as it is.
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public Class<?> classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
