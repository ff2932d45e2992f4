package io.maap.events.contract;

import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The AsyncAPI document describes exactly the topics and event types in the code. */
class AsyncApiDocumentTest {

    @Test
    void theCommittedDocumentIsTheOneTheCodeDescribes() {
        String generated = AsyncApiDocument.render();
        if (!Files.exists(ContractFiles.ASYNCAPI) || !ContractFiles.read(ContractFiles.ASYNCAPI).equals(generated)) {
            if (ContractFiles.updating()) {
                ContractFiles.write(ContractFiles.ASYNCAPI, generated);
            } else {
                fail(ContractFiles.ASYNCAPI + " is out of date with the code; run " + ContractFiles.UPDATE_COMMAND);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTopicAndEventTypeIsDescribedWithAnExistingSchema() throws IllegalAccessException {
        Map<String, Object> document = new Yaml().load(ContractFiles.read(ContractFiles.ASYNCAPI));
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) document.get("channels");
        List<Object> addresses = channels.values().stream().map(channel -> channel.get("address")).toList();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (isTopic(field)) {
                assertThat(addresses).as("channel for topic %s", field.getName()).contains(field.get(null));
            }
        }
        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("messages");
        assertThat(messages.keySet()).containsExactlyInAnyOrderElementsOf(
                EventCatalog.all().stream().map(EventCatalog.Entry::cloudEventType).toList());
        messages.values().forEach(message -> {
            String schemaRef = (String) ((Map<String, Object>) message.get("payload")).get("$ref");
            assertThat(ContractFiles.ASYNCAPI.getParent().resolve(schemaRef).normalize()).exists();
        });
        assertThat(AsyncApiDocument.topics()).doesNotHaveDuplicates()
                .containsAll(Arrays.stream(Topics.class.getDeclaredFields())
                        .filter(AsyncApiDocumentTest::isTopic)
                        .map(f -> {
                            try {
                                return (String) f.get(null);
                            } catch (IllegalAccessException e) {
                                throw new IllegalStateException(e);
                            }
                        }).toList());
    }

    /** Topic names and addresses; not the prefix and pattern that help to match per-agency topics. */
    private static boolean isTopic(Field field) {
        return Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                && !field.getName().endsWith("_PREFIX") && !field.getName().endsWith("_PATTERN");
    }
}
