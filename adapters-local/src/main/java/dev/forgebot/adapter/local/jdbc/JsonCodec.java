package dev.forgebot.adapter.local.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.StoredEvent;
import java.util.List;

/**
 * The JSON stored in the {@code inbox.event}, {@code scenarios.examples} and {@code kb_articles.tags}
 * columns. Events are stored in the application's {@link StoredEvent} shape, the one every store
 * shares, so no Jackson annotation reaches the application's records. Thread-safe: the mapper is
 * configured once and only used.
 */
final class JsonCodec {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

    String writeEvent(InboundEvent event) throws JsonProcessingException {
        return mapper.writeValueAsString(StoredEvent.of(event));
    }

    InboundEvent readEvent(String json) throws JsonProcessingException {
        return mapper.readValue(json, StoredEvent.class).toEvent();
    }

    String writeStrings(List<String> values) throws JsonProcessingException {
        return mapper.writeValueAsString(values);
    }

    List<String> readStrings(String json) throws JsonProcessingException {
        return List.copyOf(mapper.readValue(json, STRINGS));
    }








}
