package dev.forgebot.application.fake;

import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.domain.lead.ChatId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link Messenger} that records what it sends and answers {@link SendResult.Sent} with
 * increasing references, unless a chat is scripted to answer otherwise. Thread-safe.
 */
public final class RecordingMessenger implements Messenger {

    private final ConcurrentLinkedQueue<OutboundMessage> sent = new ConcurrentLinkedQueue<>();
    private final Map<ChatId, Function<OutboundMessage, SendResult>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong refs = new AtomicLong();

    @Override
    public SendResult send(OutboundMessage message) {
        Function<OutboundMessage, SendResult> script = scripted.get(message.chatId());
        if (script != null) {
            SendResult result = script.apply(message);
            if (result instanceof SendResult.Sent) {
                sent.add(message);
            }
            return result;
        }
        sent.add(message);
        return new SendResult.Sent(message.chatId().value() + ":" + refs.incrementAndGet());
    }

    /** Answers sends to {@code chat} with {@code result} from now on. */
    public void answer(ChatId chat, SendResult result) {
        scripted.put(chat, m -> result);
    }

    /** Answers sends to {@code chat} with what {@code script} returns (may throw). */
    public void answer(ChatId chat, Function<OutboundMessage, SendResult> script) {
        scripted.put(chat, script);
    }

    /** Messages that went out, in order. */
    public List<OutboundMessage> sent() {
        return List.copyOf(sent);
    }

    /** Messages that went out to {@code chat}, in order. */
    public List<OutboundMessage> sentTo(ChatId chat) {
        return sent.stream().filter(m -> m.chatId().equals(chat)).toList();
    }
}
