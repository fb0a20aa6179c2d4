package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.lead.LeadId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ConversationLog} in memory; passes {@code ConversationLogContract}. Thread-safe (one lock). */
public class InMemoryConversationLog implements ConversationLog {

    private final Map<Key, Message> messages = new LinkedHashMap<>();

    @Override
    public synchronized Message record(Message message) {
        return messages.computeIfAbsent(new Key(message.inboundKey(), message.direction()), k -> message);
    }

    @Override
    public synchronized Optional<Message> find(InboundKey key, Direction direction) {
        return Optional.ofNullable(messages.get(new Key(key, direction)));
    }

    @Override
    public synchronized List<Message> recent(LeadId leadId, int limit) {
        List<Message> ofLead = messages.values().stream()
                .filter(m -> m.leadId().equals(leadId))
                .sorted(Comparator.comparing(Message::createdAt)) // stable: ties keep recording order
                .toList();
        return List.copyOf(ofLead.subList(Math.max(0, ofLead.size() - Math.max(0, limit)), ofLead.size()));
    }

    @Override
    public synchronized long count(Direction direction) {
        return messages.values().stream().filter(m -> m.direction() == direction).count();
    }

    /** Every message, in recording order (for assertions and {@link InMemoryStatistics}). */
    public synchronized List<Message> all() {
        return List.copyOf(messages.values());
    }

    private record Key(InboundKey inboundKey, Direction direction) {
    }
}
