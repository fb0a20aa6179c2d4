package dev.forgebot.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import dev.forgebot.application.BotTexts;
import dev.forgebot.application.fake.InMemoryUpdateInbox;
import dev.forgebot.application.fake.ManualTasks;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.fake.RecordingMessenger;
import dev.forgebot.application.inbox.DispatcherSettings;
import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.pipeline.MessagePipeline;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.conversation.InboundKey;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CustomerId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxIntakeTest {

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final InMemoryUpdateInbox inbox = spy(new InMemoryUpdateInbox());
    private final ManualTasks tasks = new ManualTasks();
    private final InboxDispatcher dispatcher = new InboxDispatcher(inbox,
            new MessagePipeline(List.of(context -> StepOutcome.CONTINUE), tasks, clock), tasks, new RecordingMessenger(),
            BotTexts.english(), clock, DispatcherSettings.defaults());
    private final InboxIntake intake = new InboxIntake(inbox, dispatcher, clock);

    private static InboundEvent.ChatMessage message(String id) {
        return InboundEvent.ChatMessage.text(new InboundKey("telegram", id), new ChatId(1),
                new InboundEvent.Sender(new CustomerId(1), "Ana"), "hi", MutableClock.atDefaultStart().instant());
    }

    @Test
    void storesTheEventsWithTheClocksTimeAndWakesTheDispatcher() {
        int fresh = intake.receive(List.of(message("1"), message("2")));

        assertThat(fresh).isEqualTo(2);
        assertThat(inbox.all()).allMatch(e -> e.receivedAt().equals(clock.instant()));
        assertThat(tasks.launchedNames()).containsExactly("inbox-dispatch");
    }

    @Test
    void aRedeliveryIsNotNewAndWakesNothing() {
        intake.receive(List.of(message("1")));
        tasks.runAll();
        tasks.runAll();
        int launchedBefore = tasks.launchedNames().size();

        assertThat(intake.receive(List.of(message("1")))).isZero();
        assertThat(tasks.launchedNames()).hasSize(launchedBefore);
    }

    @Test
    void aStorageFailurePropagatesSoTheChannelConfirmsNothing() {
        doThrow(new TransientStorageException("inbox.store", "unavailable")).when(inbox).store(any(), any());

        assertThatThrownBy(() -> intake.receive(List.of(message("1")))).isInstanceOf(TransientStorageException.class);
        assertThat(tasks.launchedNames()).isEmpty();
    }
}
