package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.lead.LeadId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ConversationLog} in memory; passes {@code ConversationLogContract}. Thread-safe (one lock). */
public class InMemoryConversationLog implements ConversationLog {

    private final Map<Key, Message> messages = new LinkedHashMap<>();
    /** Each lead's messages by time (ties in recording order): recent() reads the tail, no scan. */
    private final Map<LeadId, List<Message>> byLead = new HashMap<>();
    private final long[] countByDirection = new long[Direction.values().length];

    @Override
    public synchronized Message record(Message message) {
        Key key = new Key(message.inboundKey(), message.direction());
        Message stored = messages.get(key);
        if (stored != null) {
            return stored;
        }
        messages.put(key, message);
        List<Message> ofLead = byLead.computeIfAbsent(message.leadId(), id -> new ArrayList<>());
        int at = ofLead.size();
        while (at > 0 && ofLead.get(at - 1).createdAt().isAfter(message.createdAt())) {
            at--;
        }
        ofLead.add(at, message);
        countByDirection[message.direction().ordinal()]++;
        return message;
    }

    @Override
    public synchronized Optional<Message> find(InboundKey key, Direction direction) {
        return Optional.ofNullable(messages.get(new Key(key, direction)));
    }

    @Override
    public synchronized List<Message> recent(LeadId leadId, int limit) {
        List<Message> ofLead = byLead.getOrDefault(leadId, List.of());
        return List.copyOf(ofLead.subList(Math.max(0, ofLead.size() - Math.max(0, limit)), ofLead.size()));
    }

    @Override
    public synchronized long count(Direction direction) {
        return countByDirection[direction.ordinal()];
    }

    /** Every message, in recording order (for assertions and {@link InMemoryStatistics}). */
    public synchronized List<Message> all() {
        return List.copyOf(messages.values());
    }

    private record Key(InboundKey inboundKey, Direction direction) {
    }
}
