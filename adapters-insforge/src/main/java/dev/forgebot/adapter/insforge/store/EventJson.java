package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.FileRef;
import dev.forgebot.application.port.in.InboundEvent.ReachabilityChanged;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.in.InboundEvent.SharedContact;
import dev.forgebot.application.port.in.InboundEvent.Unsupported;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of the {@code inbox.event}, {@code scenarios.examples} and {@code kb_articles.tags} jsonb
 * columns. An event is one flat object with a {@code type} discriminator (the same stored shape as
 * the embedded store's), mapped by hand through private DTO records so the application's records
 * carry no Jackson annotations. Instants inside are ISO-8601 text (exact). Thread-safe.
 */
final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

    private static final String CHAT_MESSAGE = "chat-message";
    private static final String REACHABILITY_CHANGED = "reachability-changed";
    private static final String UNSUPPORTED = "unsupported";

    private EventJson() {
    }

    private record EventDto(String type, String source, String externalId, long chatId, String occurredAt,
                            Long senderId, String senderName, String text, String replyToMessageRef,
                            ContactDto contact, FileDto file, Long customerId, Boolean blocked, String kind) {
    }

    private record ContactDto(String phoneNumber, String firstName, Long ownerId) {
    }

    private record FileDto(String channelFileId, String fileName, String mimeType, long sizeBytes) {
    }

    static JsonNode write(InboundEvent event) {
        return MAPPER.valueToTree(toDto(event));
    }

    static InboundEvent read(String op, JsonNode node) {
        try {
            return fromDto(MAPPER.treeToValue(node, EventDto.class));
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

    private static EventDto toDto(InboundEvent event) {
        InboundKey key = event.key();
        long chat = event.chatId().value();
        String at = event.occurredAt().toString();
        return switch (event) {
            case ChatMessage m -> new EventDto(CHAT_MESSAGE, key.source(), key.externalId(), chat, at,
                    m.sender().id().value(), m.sender().displayName(), m.text(), m.replyToMessageRef().orElse(null),
                    m.contact().map(c -> new ContactDto(c.phoneNumber(), c.firstName(),
                            c.owner().map(CustomerId::value).orElse(null))).orElse(null),
                    m.file().map(f -> new FileDto(f.channelFileId(), f.fileName(), f.mimeType(), f.sizeBytes()))
                            .orElse(null),
                    null, null, null);
            case ReachabilityChanged r -> new EventDto(REACHABILITY_CHANGED, key.source(), key.externalId(), chat, at,
                    null, null, null, null, null, null, r.customer().value(), r.blocked(), null);
            case Unsupported u -> new EventDto(UNSUPPORTED, key.source(), key.externalId(), chat, at,
                    null, null, null, null, null, null, null, null, u.kind());
        };
    }

    private static InboundEvent fromDto(EventDto dto) {
        InboundKey key = new InboundKey(dto.source(), dto.externalId());
        ChatId chat = new ChatId(dto.chatId());
        Instant at = Instant.parse(required(dto.occurredAt(), "occurredAt"));
        String type = required(dto.type(), "type");
        return switch (type) {
            case CHAT_MESSAGE -> new ChatMessage(key, chat,
                    new Sender(new CustomerId(required(dto.senderId(), "senderId")), required(dto.senderName(), "senderName")),
                    required(dto.text(), "text"), at, Optional.ofNullable(dto.replyToMessageRef()),
                    Optional.ofNullable(dto.contact()).map(c -> new SharedContact(c.phoneNumber(), c.firstName(),
                            Optional.ofNullable(c.ownerId()).map(CustomerId::new))),
                    Optional.ofNullable(dto.file()).map(f -> new FileRef(f.channelFileId(), f.fileName(), f.mimeType(),
                            f.sizeBytes())));
            case REACHABILITY_CHANGED -> new ReachabilityChanged(key, chat,
                    new CustomerId(required(dto.customerId(), "customerId")), required(dto.blocked(), "blocked"), at);
            case UNSUPPORTED -> new Unsupported(key, chat, required(dto.kind(), "kind"), at);
            default -> throw new IllegalArgumentException("unknown stored event type");
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("stored event lacks " + field);
        }
        return value;
    }
}
