package dev.forgebot.adapter.local.jdbc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.FileRef;
import dev.forgebot.application.port.in.InboundEvent.ReachabilityChanged;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.in.InboundEvent.SharedContact;
import dev.forgebot.application.port.in.InboundEvent.Unsupported;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON stored in the {@code inbox.event}, {@code scenarios.examples} and {@code kb_articles.tags}
 * columns. Events are mapped by hand to private DTO records, so the application's records carry no
 * Jackson annotations and the stored format changes only when this class says so. Instants are
 * ISO-8601 text (exact). Thread-safe: the mapper is configured once and only used.
 */
final class JsonCodec {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

    String writeEvent(InboundEvent event) throws JsonProcessingException {
        return mapper.writeValueAsString(toDto(event));
    }

    InboundEvent readEvent(String json) throws JsonProcessingException {
        return fromDto(mapper.readValue(json, EventDto.class));
    }

    String writeStrings(List<String> values) throws JsonProcessingException {
        return mapper.writeValueAsString(values);
    }

    List<String> readStrings(String json) throws JsonProcessingException {
        return List.copyOf(mapper.readValue(json, STRINGS));
    }

    // The stored form of an event: one flat object with a type discriminator; fields of other types are absent.

    private record EventDto(
            String type,
            String source,
            String externalId,
            long chatId,
            String occurredAt,
            // ChatMessage
            Long senderId,
            String senderName,
            String text,
            String replyToMessageRef,
            ContactDto contact,
            FileDto file,
            // ReachabilityChanged
            Long customerId,
            Boolean blocked,
            // Unsupported
            String kind) {
    }

    private record ContactDto(String phoneNumber, String firstName, Long ownerId) {
    }

    private record FileDto(String channelFileId, String fileName, String mimeType, long sizeBytes) {
    }

    private static final String CHAT_MESSAGE = "chat-message";
    private static final String REACHABILITY_CHANGED = "reachability-changed";
    private static final String UNSUPPORTED = "unsupported";

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
            default -> throw new IllegalArgumentException("unknown stored event type: " + type);
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("stored event lacks " + field);
        }
        return value;
    }
}
