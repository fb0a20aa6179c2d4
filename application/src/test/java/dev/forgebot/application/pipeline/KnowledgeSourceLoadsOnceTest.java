package dev.forgebot.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.domain.conversation.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The knowledge base is loaded once and shared: not per message, not per chat. */
class KnowledgeSourceLoadsOnceTest {

    private static final int CHATS = 200;
    private static final int MESSAGES = 10_000;
    private static final String[] QUESTIONS = {
        "How much does the Pro plan cost?", "Can I get a refund?", "How do I export to csv?", "Do you deliver to Mars?"};

    @Test
    void tenThousandMessagesLoadTheKnowledgeSourceOnce() {
        StandardBot bot = new StandardBot();
        List<InboundEvent> events = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            events.add(bot.customer(1 + i % CHATS, QUESTIONS[i % QUESTIONS.length]));
        }
        bot.inbox.store(events, bot.clock.instant());

        bot.start().drain();

        assertThat(bot.source.loadCount()).isEqualTo(1);
        assertThat(bot.inbox.all()).hasSize(MESSAGES).allMatch(e -> e.state() == InboxState.HANDLED);
        assertThat(bot.conversations.count(Direction.OUTBOUND)).isEqualTo(MESSAGES);
        assertThat(bot.messenger.sent()).hasSize(MESSAGES);
    }
}
