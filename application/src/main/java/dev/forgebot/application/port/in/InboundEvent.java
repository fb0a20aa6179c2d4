package dev.forgebot.application.port.in;

import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a channel received, mapped out of the channel's wire format. Channels produce these
 * and nothing else; the inbox stores them and the pipeline acts on them. Whether a message comes
 * from a customer or from the operators is decided by the application (by its chat), not by the
 * channel.
 */
public sealed interface InboundEvent {

    /** The event's natural key: channel and channel id. */
    InboundKey key();

    /** The chat it happened in; events of one chat are handled one at a time, in order. */
    ChatId chatId();

    /** When the channel says it happened. */
    Instant occurredAt();

    /**
     * A message written in a chat: text, a command, a shared contact or a file.
     *
     * @param key              natural key
     * @param chatId           the chat
     * @param sender           who wrote it
     * @param text             the text or caption, possibly empty
     * @param occurredAt       when it was sent
     * @param replyToMessageRef the channel's reference of the message this one replies to, if any
     * @param contact          a contact card the sender shared, if any
     * @param file             a file the sender attached, if any
     */
    record ChatMessage(
            InboundKey key,
            ChatId chatId,
            Sender sender,
            String text,
            Instant occurredAt,
            Optional<String> replyToMessageRef,
            Optional<SharedContact> contact,
            Optional<FileRef> file) implements InboundEvent {

        /** Longest text accepted from any channel. */
        public static final int MAX_TEXT_LENGTH = 16_384;

        public ChatMessage {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(chatId, "chatId");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(replyToMessageRef, "replyToMessageRef");
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(file, "file");
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("message text is " + text.length() + " characters, the limit is " + MAX_TEXT_LENGTH);
            }
        }

        /** A plain text message. */
        public static ChatMessage text(InboundKey key, ChatId chatId, Sender sender, String text, Instant at) {
            return new ChatMessage(key, chatId, sender, text, at, Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "ChatMessage[key=" + key + ", chat=" + chatId + ", sender=" + sender.id() + ", length=" + text.length()
                    + ", replyTo=" + replyToMessageRef.isPresent() + ", contact=" + contact.isPresent() + ", file="
                    + file.isPresent() + "]";
        }
    }

    /**
     * The customer blocked or unblocked the bot.
     *
     * @param key        natural key
     * @param chatId     the customer's chat
     * @param customer   who
     * @param blocked    true when blocked, false when unblocked
     * @param occurredAt when
     */
    record ReachabilityChanged(InboundKey key, ChatId chatId, CustomerId customer, boolean blocked, Instant occurredAt)
            implements InboundEvent {
        public ReachabilityChanged {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(chatId, "chatId");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /**
     * Something the bot does not handle (an edited message, a poll, a sticker pack change). It is
     * stored, so its key is known, and skipped.
     *
     * @param key        natural key
     * @param chatId     the chat, or a chat of 0 when the event has none
     * @param kind       what it was, for the log
     * @param occurredAt when
     */
    record Unsupported(InboundKey key, ChatId chatId, String kind, Instant occurredAt) implements InboundEvent {
        public Unsupported {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(chatId, "chatId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /**
     * Who wrote a message.
     *
     * @param id          the channel's user id
     * @param displayName the name the channel shows, possibly empty
     */
    record Sender(CustomerId id, String displayName) {
        public Sender {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /**
     * A contact card shared in a chat. It is the sender's own number only when {@code owner} is the sender.
     *
     * @param phoneNumber the number as shared
     * @param firstName   the card's first name
     * @param owner       the user the card belongs to, when the channel knows
     */
    record SharedContact(String phoneNumber, String firstName, Optional<CustomerId> owner) {
        public SharedContact {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            Objects.requireNonNull(firstName, "firstName");
            Objects.requireNonNull(owner, "owner");
        }

        @Override
        public String toString() {
            return "SharedContact[owner=" + owner.map(CustomerId::toString).orElse("?") + "]";
        }
    }

    /**
     * A file attached to a message, still held by the channel.
     *
     * @param channelFileId the channel's id to fetch it by
     * @param fileName      its name, or a made-up one
     * @param mimeType      its type as the channel reports it
     * @param sizeBytes     its size as the channel reports it, or -1 if unknown
     */
    record FileRef(String channelFileId, String fileName, String mimeType, long sizeBytes) {
        public FileRef {
            Objects.requireNonNull(channelFileId, "channelFileId");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mimeType, "mimeType");
            if (channelFileId.isBlank()) {
                throw new IllegalArgumentException("channelFileId must not be blank");
            }
        }
    }
}
