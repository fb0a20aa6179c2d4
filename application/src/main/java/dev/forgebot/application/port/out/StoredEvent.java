package dev.forgebot.application.port.out;

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
import java.util.Optional;

/**
 * The stored shape of an {@link InboundEvent}: one flat record with a {@code type} discriminator,
 * fields of the other types null, instants as ISO-8601 text. Every {@link UpdateInbox}
 * implementation serialises this (as JSON, say), so all stores keep the same format and the
 * mapping from events is written once. Immutable.
 *
 * @param type              {@value #CHAT_MESSAGE}, {@value #REACHABILITY_CHANGED} or {@value #UNSUPPORTED}
 * @param source            the key's source
 * @param externalId        the key's external id
 * @param chatId            the chat
 * @param occurredAt        when, ISO-8601
 * @param senderId          chat messages: the sender
 * @param senderName        chat messages: the sender's display name
 * @param text              chat messages: the text
 * @param replyToMessageRef chat messages: the message replied to
 * @param contact           chat messages: a shared contact
 * @param file              chat messages: an attached file
 * @param customerId        reachability changes: the customer
 * @param blocked           reachability changes: blocked or unblocked
 * @param kind              unsupported events: what it was
 */
public record StoredEvent(
        String type, String source, String externalId, long chatId, String occurredAt,
        Long senderId, String senderName, String text, String replyToMessageRef, Contact contact, File file,
        Long customerId, Boolean blocked, String kind) {

    public static final String CHAT_MESSAGE = "chat-message";
    public static final String REACHABILITY_CHANGED = "reachability-changed";
    public static final String UNSUPPORTED = "unsupported";

    /**
     * A shared contact card.
     *
     * @param phoneNumber the number
     * @param firstName   the card's first name
     * @param ownerId     the user it belongs to, if known
     */
    public record Contact(String phoneNumber, String firstName, Long ownerId) {
    }

    /**
     * An attached file.
     *
     * @param channelFileId the channel's id of it
     * @param fileName      its name
     * @param mimeType      its type
     * @param sizeBytes     its size, or -1
     */
    public record File(String channelFileId, String fileName, String mimeType, long sizeBytes) {
    }

    /** The stored shape of {@code event}. */
    public static StoredEvent of(InboundEvent event) {
        InboundKey key = event.key();
        long chat = event.chatId().value();
        String at = event.occurredAt().toString();
        return switch (event) {
            case ChatMessage m -> new StoredEvent(CHAT_MESSAGE, key.source(), key.externalId(), chat, at,
                    m.sender().id().value(), m.sender().displayName(), m.text(), m.replyToMessageRef().orElse(null),
                    m.contact().map(c -> new Contact(c.phoneNumber(), c.firstName(),
                            c.owner().map(CustomerId::value).orElse(null))).orElse(null),
                    m.file().map(f -> new File(f.channelFileId(), f.fileName(), f.mimeType(), f.sizeBytes())).orElse(null),
                    null, null, null);
            case ReachabilityChanged r -> new StoredEvent(REACHABILITY_CHANGED, key.source(), key.externalId(), chat, at,
                    null, null, null, null, null, null, r.customer().value(), r.blocked(), null);
            case Unsupported u -> new StoredEvent(UNSUPPORTED, key.source(), key.externalId(), chat, at,
                    null, null, null, null, null, null, null, null, u.kind());
        };
    }

    /**
     * The event this stored shape holds.
     *
     * @throws IllegalArgumentException if a field the type needs is missing or the type is unknown
     */
    public InboundEvent toEvent() {
        InboundKey key = new InboundKey(source, externalId);
        ChatId chat = new ChatId(chatId);
        Instant at = Instant.parse(required(occurredAt, "occurredAt"));
        return switch (required(type, "type")) {
            case CHAT_MESSAGE -> new ChatMessage(key, chat,
                    new Sender(new CustomerId(required(senderId, "senderId")), required(senderName, "senderName")),
                    required(text, "text"), at, Optional.ofNullable(replyToMessageRef),
                    Optional.ofNullable(contact).map(c -> new SharedContact(c.phoneNumber(), c.firstName(),
                            Optional.ofNullable(c.ownerId()).map(CustomerId::new))),
                    Optional.ofNullable(file).map(f -> new FileRef(f.channelFileId(), f.fileName(), f.mimeType(),
                            f.sizeBytes())));
            case REACHABILITY_CHANGED -> new ReachabilityChanged(key, chat,
                    new CustomerId(required(customerId, "customerId")), required(blocked, "blocked"), at);
            case UNSUPPORTED -> new Unsupported(key, chat, required(kind, "kind"), at);
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
