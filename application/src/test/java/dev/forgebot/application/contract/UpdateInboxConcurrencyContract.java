package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.InboundEvent.Sender;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The concurrent half of the {@link UpdateInbox} contract: the same update stored from several
 * threads (a webhook redelivered to several instances) is reported new exactly once. Starts
 * threads, so concrete subclasses are named {@code *IT}; an adapter returns a fresh, empty inbox
 * from {@link #newStore()}.
 */
public abstract class UpdateInboxConcurrencyContract {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /** A fresh, empty inbox; called once per test. */
    protected abstract UpdateInbox newStore();

    @RepeatedTest(5)
    void theSameUpdateStoredFromEightThreadsIsNewExactlyOnce() throws Exception {
        UpdateInbox inbox = newStore();
        InboundKey key = new InboundKey("telegram", "42");
        ChatMessage message = ChatMessage.text(key, new ChatId(1), new Sender(new CustomerId(1), ""), "hi", T0);

        List<List<InboundKey>> fresh = Concurrently.run(8, i -> inbox.store(List.of(message), T0.plusSeconds(i)));

        assertThat(fresh.stream().mapToInt(List::size).sum()).isEqualTo(1);
        assertThat(inbox.pendingCount()).isEqualTo(1);
    }

    @RepeatedTest(5)
    void ofEightInstancesClaimingOneEntryAtOnceExactlyOneGetsIt() throws Exception {
        UpdateInbox inbox = newStore();
        InboundKey key = new InboundKey("telegram", "43");
        inbox.store(List.of(ChatMessage.text(key, new ChatId(1), new Sender(new CustomerId(1), ""), "hi", T0)), T0);

        List<Boolean> claimed = Concurrently.run(8, i -> inbox.claim(key, "instance-" + i, T0.plusSeconds(300), T0));

        assertThat(claimed).containsOnlyOnce(true);
    }
}
