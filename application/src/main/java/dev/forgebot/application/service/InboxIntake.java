package dev.forgebot.application.service;

import dev.forgebot.application.inbox.InboxDispatcher;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What every channel calls: stores the events in the {@link UpdateInbox} and wakes the
 * {@link InboxDispatcher}. Storage exceptions propagate unchanged, so a channel never confirms
 * events that were not stored. Thread-safe.
 */
public final class InboxIntake implements HandleInboundMessage {

    private final UpdateInbox inbox;
    private final InboxDispatcher dispatcher;
    private final Clock clock;

    public InboxIntake(UpdateInbox inbox, InboxDispatcher dispatcher, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int receive(List<? extends InboundEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return 0;
        }
        List<InboundKey> fresh = inbox.store(events, clock.instant());
        if (!fresh.isEmpty()) {
            dispatcher.wake();
        }
        return fresh.size();
    }
}
