package dev.forgebot.adapter.telegram;

import dev.forgebot.adapter.telegram.api.ReceivedUpdate;
import dev.forgebot.adapter.telegram.dto.CallbackQuery;
import dev.forgebot.adapter.telegram.dto.ChatMemberUpdated;
import dev.forgebot.adapter.telegram.dto.Contact;
import dev.forgebot.adapter.telegram.dto.Document;
import dev.forgebot.adapter.telegram.dto.Message;
import dev.forgebot.adapter.telegram.dto.PhotoSize;
import dev.forgebot.adapter.telegram.dto.Update;
import dev.forgebot.adapter.telegram.dto.User;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Bot API updates to the application's inbound events, and nothing else: no business rules.
 * Every update maps to exactly one event under the key {@code telegram:<update_id>}, so polling and
 * the webhook store the same update under the same key.
 *
 * <ul>
 *   <li>A {@code message} with a sender is a {@link ChatMessage}: its text (or a file's caption),
 *       a shared contact card (whoever it belongs to: the application decides whether it is the
 *       sender's own), a document, or a photo (its largest size), and the message it replies to as
 *       {@code <wire chat id>:<message id>} (see {@link MessageRefs}).</li>
 *   <li>A {@code callback_query} with data is a {@link ChatMessage} whose text is the button's data,
 *       in the chat of the button's message (or the presser's private chat). The caller answers
 *       every callback query ({@link #callbackQueryId}).</li>
 *   <li>A {@code my_chat_member} change in a private chat to {@code kicked} or {@code member} is a
 *       {@link ReachabilityChanged} (blocked or unblocked).</li>
 *   <li>A group's migration to a supergroup is learned into {@link ChatMigrations} and stored as
 *       {@link Unsupported}; from then on the new supergroup's messages are reported under the old
 *       chat id, the one the application knows.</li>
 *   <li>Everything else is {@link Unsupported} (stored and skipped by the application): channel
 *       posts, other membership changes, payload types forgebot does not ask for, malformed
 *       updates and updates whose values do not fit the domain (a non-positive user id, say).</li>
 *   <li><b>Edited messages are ignored</b> ({@code edited-message}): the original was answered
 *       already, and answering an edit would double the reply.</li>
 * </ul>
 *
 * <p>The mapper never throws for an update's content: one odd update must not hold up the others
 * (nor, since a batch is confirmed only once it is stored, the whole bot). Logs name the update id
 * and the kind, never a customer's text. Thread-safe.
 */
public final class TelegramUpdateMapper {

    /** The inbox source of every Telegram event. */
    public static final String SOURCE = "telegram";

    private static final Logger log = LoggerFactory.getLogger(TelegramUpdateMapper.class);

    private static final ChatId NO_CHAT = new ChatId(0);
    private static final String DEFAULT_DOCUMENT_NAME = "document";
    private static final String DEFAULT_DOCUMENT_TYPE = "application/octet-stream";

    private final ChatMigrations migrations;
    private final Clock clock;

    /**
     * A mapper reading the time of events that carry none (button presses, malformed updates) from
     * {@code clock}.
     */
    public TelegramUpdateMapper(ChatMigrations migrations, Clock clock) {
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The event for one update; never throws for the update's content. */
    public InboundEvent map(ReceivedUpdate update) {
        Objects.requireNonNull(update, "update");
        InboundKey key = keyOf(update.updateId());
        return switch (update) {
            case ReceivedUpdate.Malformed malformed -> {
                log.debug("malformed update stored as unsupported update={} problem={}", malformed.updateId(),
                        malformed.problem());
                yield new Unsupported(key, NO_CHAT, "malformed", clock.instant());
            }
            case ReceivedUpdate.Parsed parsed -> mapSafely(key, parsed.update());
        };
    }

    /** The id of the callback query in {@code update}, which must be answered, if it holds one. */
    public Optional<String> callbackQueryId(ReceivedUpdate update) {
        if (update instanceof ReceivedUpdate.Parsed parsed && parsed.update().callbackQuery() != null) {
            return Optional.ofNullable(parsed.update().callbackQuery().id()).filter(id -> !id.isBlank());
        }
        return Optional.empty();
    }

    /** The inbox key of update {@code updateId}. */
    static InboundKey keyOf(long updateId) {
        return new InboundKey(SOURCE, String.valueOf(updateId));
    }

    private InboundEvent mapSafely(InboundKey key, Update update) {
        try {
            return mapParsed(key, update);
        } catch (RuntimeException e) {
            // A value the domain refuses (a non-positive user id) or a required part missing (no chat):
            // stored as skipped, so the batch goes on. WARN, since Telegram should never send it; only
            // the exception's class is logged, its message could quote the content.
            log.warn("update does not fit the domain, stored as unsupported update={} problem={}", key.externalId(),
                    e.getClass().getSimpleName());
            return new Unsupported(key, NO_CHAT, "invalid", clock.instant());
        }
    }

    private InboundEvent mapParsed(InboundKey key, Update update) {
        if (update.message() != null) {
            return message(key, update.message());
        }
        if (update.editedMessage() != null) {
            Message edited = update.editedMessage();
            return new Unsupported(key, knownChat(edited), "edited-message", instantOf(edited.date()));
        }
        if (update.callbackQuery() != null) {
            return callback(key, update.callbackQuery());
        }
        if (update.myChatMember() != null) {
            return membership(key, update.myChatMember());
        }
        log.debug("update of a type forgebot does not read stored as unsupported update={}", key.externalId());
        return new Unsupported(key, NO_CHAT, "other", clock.instant());
    }

    private InboundEvent message(InboundKey key, Message message) {
        Instant at = instantOf(message.date());
        if (message.migrateToChatId() != null) {
            migrations.migrated(message.chat().id(), message.migrateToChatId());
            return new Unsupported(key, knownChat(message), "group-migrated", at);
        }
        if (message.migrateFromChatId() != null) {
            migrations.migrated(message.migrateFromChatId(), message.chat().id());
            return new Unsupported(key, knownChat(message), "group-migrated", at);
        }
        if (message.from() == null) {
            return new Unsupported(key, knownChat(message), "channel-post", at);
        }
        String text = message.text() != null ? message.text() : message.caption() != null ? message.caption() : "";
        Optional<String> replyTo = Optional.ofNullable(message.replyToMessage())
                .map(reply -> MessageRefs.of(reply.chat() != null ? reply.chat().id() : message.chat().id(),
                        reply.messageId()));
        return new ChatMessage(key, knownChat(message), sender(message.from()), truncated(text), at, replyTo,
                Optional.ofNullable(message.contact()).map(TelegramUpdateMapper::sharedContact), file(message));
    }

    private InboundEvent callback(InboundKey key, CallbackQuery query) {
        Instant now = clock.instant();
        ChatId chat = query.message() != null && query.message().chat() != null
                ? new ChatId(migrations.known(query.message().chat().id()))
                : query.from() != null ? new ChatId(query.from().id()) : NO_CHAT;
        if (query.data() == null || query.data().isEmpty() || query.from() == null) {
            return new Unsupported(key, chat, "callback-query", now);
        }
        return ChatMessage.text(key, chat, sender(query.from()), truncated(query.data()), now);
    }

    private InboundEvent membership(InboundKey key, ChatMemberUpdated change) {
        Instant at = instantOf(change.date());
        ChatId chat = change.chat() == null ? NO_CHAT : new ChatId(migrations.known(change.chat().id()));
        String status = change.newChatMember() == null ? null : change.newChatMember().status();
        if (change.chat() != null && change.chat().isPrivate() && ("kicked".equals(status) || "member".equals(status))) {
            long customer = change.from() != null ? change.from().id() : change.chat().id();
            return new ReachabilityChanged(key, chat, new CustomerId(customer), "kicked".equals(status), at);
        }
        return new Unsupported(key, chat, "my-chat-member", at);
    }

    private ChatId knownChat(Message message) {
        return new ChatId(migrations.known(message.chat().id()));
    }

    private static Sender sender(User from) {
        return new Sender(new CustomerId(from.id()), from.displayName());
    }

    private static SharedContact sharedContact(Contact contact) {
        Optional<CustomerId> owner = Optional.ofNullable(contact.userId()).filter(id -> id > 0).map(CustomerId::new);
        return new SharedContact(Objects.requireNonNullElse(contact.phoneNumber(), ""),
                Objects.requireNonNullElse(contact.firstName(), ""), owner);
    }

    private static Optional<FileRef> file(Message message) {
        Document document = message.document();
        if (document != null && hasId(document.fileId())) {
            return Optional.of(new FileRef(document.fileId(),
                    nonBlankOr(document.fileName(), DEFAULT_DOCUMENT_NAME),
                    nonBlankOr(document.mimeType(), DEFAULT_DOCUMENT_TYPE),
                    sizeOf(document.fileSize())));
        }
        List<PhotoSize> sizes = message.photo() == null ? List.of() : message.photo();
        return sizes.stream()
                .filter(size -> size != null && hasId(size.fileId()))
                .max(Comparator.comparingLong((PhotoSize size) -> (long) size.width() * size.height())
                        .thenComparingLong(size -> sizeOf(size.fileSize())))
                .map(largest -> new FileRef(largest.fileId(),
                        "photo-" + nonBlankOr(largest.fileUniqueId(), largest.fileId()) + ".jpg", "image/jpeg",
                        sizeOf(largest.fileSize())));
    }

    /** Cuts text to the application's limit, never between the two halves of a surrogate pair. */
    static String truncated(String text) {
        int max = ChatMessage.MAX_TEXT_LENGTH;
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static boolean hasId(String fileId) {
        return fileId != null && !fileId.isBlank();
    }

    private static String nonBlankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static long sizeOf(Long size) {
        return size == null || size < 0 ? -1 : size;
    }

    private static Instant instantOf(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds);
    }
}
