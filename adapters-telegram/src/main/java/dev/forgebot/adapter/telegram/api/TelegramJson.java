package dev.forgebot.adapter.telegram.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.forgebot.adapter.telegram.dto.Update;
import java.util.Objects;

/**
 * The Bot API's JSON: snake_case names, unknown fields and payload types ignored (new ones arrive
 * every few weeks), ids as {@code long}. Reads one update at a time, so one malformed update never
 * spoils the others: polling and the webhook both read updates through {@link #readUpdate(JsonNode)}.
 * Thread-safe.
 */
public final class TelegramJson {

    /** The mapper for Bot API bodies; shared, configured once. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private TelegramJson() {
    }

    /**
     * Reads one update. An update without a numeric {@code update_id} cannot be confirmed or stored and
     * is refused with {@link IllegalArgumentException}; one whose payload does not fit is
     * {@link ReceivedUpdate.Malformed}.
     */
    public static ReceivedUpdate readUpdate(JsonNode node) {
        Objects.requireNonNull(node, "node");
        JsonNode id = node.get("update_id");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
            throw new IllegalArgumentException("an update without a numeric update_id");
        }
        long updateId = id.asLong();
        try {
            return new ReceivedUpdate.Parsed(MAPPER.treeToValue(node, Update.class));
        } catch (Exception e) {
            // The payload is a customer's data: name the problem's kind, never the content.
            return new ReceivedUpdate.Malformed(updateId, e.getClass().getSimpleName());
        }
    }
}
