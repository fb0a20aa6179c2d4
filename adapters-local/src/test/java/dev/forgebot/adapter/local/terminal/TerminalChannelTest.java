package dev.forgebot.adapter.local.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.fake.InMemoryUpdateInbox;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.lead.ChatId;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalChannelTest {

    private final TerminalSettings settings = TerminalSettings.defaults();
    private final MutableClock clock = MutableClock.atDefaultStart();
    private final InMemoryUpdateInbox inbox = new InMemoryUpdateInbox();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final TerminalConsole console = new TerminalConsole(new PrintStream(output, true, StandardCharsets.UTF_8));
    private final TerminalMessenger messenger = new TerminalMessenger(console, settings.operatorsChat());
    private final List<ChatMessage> received = new ArrayList<>();
    private final AtomicInteger scenarioRuns = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(41);
    private final AtomicInteger sleeps = new AtomicInteger();

    /** Stores each line and handles it at once: answers customers, and posts operator lines' replies. */
    private final HandleInboundMessage handleAtOnce = events -> {
        inbox.store(events, clock.instant());
        for (InboundEvent event : events) {
            ChatMessage message = (ChatMessage) event;
            received.add(message);
            if (message.chatId().equals(settings.customerChat())) {
                messenger.send(OutboundMessage.text(settings.operatorsChat(), "summary for " + message.key()));
            }
            inbox.markHandled(event.key(), InboxState.HANDLED, clock.instant());
        }
        return events.size();
    };

    private final RunScenarios scenarios = () -> {
        scenarioRuns.incrementAndGet();
        return new RunScenarios.ScenarioRun(3, 1);
    };

    private TerminalChannel channel(String input, HandleInboundMessage inbound) {
        return new TerminalChannel(new BufferedReader(new StringReader(input)), console, inbound, scenarios, inbox,
                ids::incrementAndGet, d -> {
                    sleeps.incrementAndGet();
                    clock.advance(d);
                }, clock, settings);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void customerLinesBecomeMessagesInTheCustomersChatUnderPersistedIds() throws InterruptedException {
        TerminalChannel.Stop stop = channel("hello\n\n  how much is it?  \n", handleAtOnce).run();

        assertThat(stop).isEqualTo(TerminalChannel.Stop.END_OF_INPUT);
        assertThat(received).extracting(ChatMessage::text).containsExactly("hello", "how much is it?");
        assertThat(received).extracting(m -> m.key().toString()).containsExactly("terminal:42", "terminal:43");
        assertThat(received).allSatisfy(m -> {
            assertThat(m.chatId()).isEqualTo(settings.customerChat());
            assertThat(m.sender().id()).isEqualTo(settings.customer());
        });
    }

    @Test
    void operatorLinesAnswerTheFirstPostOfTheHandoffUntilItIsClosed() throws InterruptedException {
        channel("I need a human\nop> Hi, Dana here!\nstill there?\nop> yes!\nop> /close\nop> chatter\n", handleAtOnce)
                .run();

        String summary = console.operatorPost(0);
        ChatMessage reply = received.get(1);
        assertThat(reply.chatId()).isEqualTo(settings.operatorsChat());
        assertThat(reply.sender().id()).isEqualTo(settings.operator());
        assertThat(reply.text()).isEqualTo("Hi, Dana here!");
        assertThat(reply.replyToMessageRef()).contains(summary);
        assertThat(received.get(3).replyToMessageRef()).as("a later post does not move the target").contains(summary);
        assertThat(received.get(4).replyToMessageRef()).contains(summary);
        assertThat(received.get(5).replyToMessageRef()).as("closed: no open handoff").isEmpty();
    }

    @Test
    void anOperatorLineBeforeAnyHandoffRepliesToNothing() throws InterruptedException {
        channel("op> /stats\n", handleAtOnce).run();

        assertThat(received).singleElement().satisfies(m -> assertThat(m.replyToMessageRef()).isEmpty());
    }

    @Test
    void contactCommandSharesTheCustomersOwnNumber() throws InterruptedException {
        channel("/contact +1 415 555 0132\n", handleAtOnce).run();

        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.contact()).hasValueSatisfying(c -> {
                assertThat(c.phoneNumber()).isEqualTo("+1 415 555 0132");
                assertThat(c.owner()).contains(settings.customer());
            });
        });
    }

    @Test
    void scenariosCommandRunsAPassAndQuitStops() throws InterruptedException {
        TerminalChannel.Stop stop = channel("/scenarios\n/quit\nnever read\n", handleAtOnce).run();

        assertThat(stop).isEqualTo(TerminalChannel.Stop.QUIT);
        assertThat(scenarioRuns).hasValue(1);
        assertThat(received).isEmpty();
        assertThat(printed()).contains("[scenarios] 3 unanswered question(s), 1 draft(s) stored");
    }

    @Test
    void refusesAnOverlongLineWithAClearErrorAndGoesOn() throws InterruptedException {
        String longLine = "x".repeat(ChatMessage.MAX_TEXT_LENGTH + 1);

        channel(longLine + "\nstill here\n", handleAtOnce).run();

        assertThat(printed()).contains("[error] that line is 16385 characters long");
        assertThat(received).extracting(ChatMessage::text).containsExactly("still here");
    }

    @Test
    void saysSoWhenALineCouldNotBeStoredAndGoesOn() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        HandleInboundMessage failingOnce = events -> {
            if (calls.incrementAndGet() == 1) {
                throw new TransientStorageException("inbox.store", "disk full");
            }
            return handleAtOnce.receive(events);
        };

        channel("first\nsecond\n", failingOnce).run();

        assertThat(printed()).contains("[error] your message could not be stored").contains("Please send it again");
        assertThat(received).extracting(ChatMessage::text).containsExactly("second");
    }

    @Test
    void waitsForEachLineToBeHandledAndGivesUpWaitingAfterTheTimeout() throws InterruptedException {
        HandleInboundMessage storeOnly = events -> {
            inbox.store(events, clock.instant());
            return events.size();
        };

        channel("slow one\n", storeOnly).run();

        long expectedPolls = settings.settleTimeout().toMillis() / settings.settlePoll().toMillis();
        assertThat(sleeps.get()).isEqualTo((int) expectedPolls);
        assertThat(printed()).contains("[still working on that one");
    }

    @Test
    void messengerMarksWhoSpeaks() {
        messenger.send(OutboundMessage.text(settings.customerChat(), "line one\nline two"));
        messenger.send(new OutboundMessage(settings.customerChat(), "Share?", OutboundMessage.ReplyKeyboard.REQUEST_CONTACT));
        messenger.send(OutboundMessage.text(new ChatId(1000), "New handoff"));

        assertThat(printed()).contains("bot> line one\n     line two")
                .contains("/contact")
                .contains("[to operators] New handoff");
        assertThat(console.operatorPostCount()).isEqualTo(1);
        assertThat(console.operatorPost(0)).isEqualTo("terminal-3");
    }

    @Test
    void settingsRejectOneChatForBothSides() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new TerminalSettings(settings.customer(), new ChatId(5), "x", settings.operator(),
                        new ChatId(5), Duration.ofSeconds(1), Duration.ofMillis(1)))
                .withMessageContaining("must differ");
    }
}
