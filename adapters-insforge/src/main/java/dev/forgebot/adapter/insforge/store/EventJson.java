package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.StoredEvent;
import dev.forgebot.application.port.out.PermanentStorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the {@code inbox.event}, {@code scenarios.examples} and {@code kb_articles.tags} jsonb
 * columns. An event is stored in the application's {@link StoredEvent} shape, the one every store
 * shares (the embedded store writes the same JSON). Thread-safe.
 */
final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));


    private EventJson() {
    }




    static JsonNode write(InboundEvent event) {
        return MAPPER.valueToTree(StoredEvent.of(event));
    }

    static InboundEvent read(String op, JsonNode node) {
        try {
            return MAPPER.treeToValue(node, StoredEvent.class).toEvent();
        } catch (JsonProcessingException | RuntimeException e) {
            throw new PermanentStorageException(op, "stored event does not read back: " + e.getClass().getSimpleName(), e);
        }
    }

    static JsonNode strings(List<String> values) {
        return MAPPER.valueToTree(values);
    }

    static List<String> readStrings(String op, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new PermanentStorageException(op, "stored list is not a JSON array");
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new PermanentStorageException(op, "stored list holds a non-string");
            }
            out.add(n.asText());
        }
        return List.copyOf(out);
    }



}
