package dev.forgebot.adapter.telegram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups that became supergroups (a new chat id). Learned from the service messages
 * ({@code migrate_to_chat_id}, {@code migrate_from_chat_id}) and from a send refused with
 * {@code migrate_to_chat_id}. Sends to the old id go to the new one; messages from the new id are
 * reported under the old one, so the application keeps seeing the chat it was configured with (the
 * operators' chat above all). Kept in memory: a WARN asks the operator to update the configuration.
 * Thread-safe.
 */
public final class ChatMigrations {

    private static final Logger log = LoggerFactory.getLogger(ChatMigrations.class);

    private final Map<Long, Long> newIdByOld = new ConcurrentHashMap<>();
    private final Map<Long, Long> oldIdByNew = new ConcurrentHashMap<>();

    /** Records that group {@code oldId} became supergroup {@code newId}. */
    public void migrated(long oldId, long newId) {
        if (oldId == newId) {
            return;
        }
        Long before = newIdByOld.put(oldId, newId);
        oldIdByNew.put(newId, oldId);
        if (before == null || before != newId) {
            log.warn("group became a supergroup oldChat={} newChat={}; if it is the operators' chat, set "
                    + "FORGEBOT_OPERATOR_CHAT_ID={} before the next start", oldId, newId, newId);
        }
    }

    /** The id to send to for a chat the application knows as {@code chatId}. */
    public long current(long chatId) {
        return newIdByOld.getOrDefault(chatId, chatId);
    }

    /** The id the application knows for a chat seen on the wire as {@code chatId}. */
    public long known(long chatId) {
        return oldIdByNew.getOrDefault(chatId, chatId);
    }
}
