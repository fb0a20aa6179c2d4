package dev.forgebot.adapter.local.terminal;

import dev.forgebot.application.port.in.HandleInboundMessage;
import dev.forgebot.application.port.in.InboundEvent;
import dev.forgebot.application.port.in.InboundEvent.ChatMessage;
import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.InboxEntry;
import dev.forgebot.application.port.out.Sleeper;
import dev.forgebot.application.port.out.StorageException;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.domain.conversation.InboundKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal as a channel: each line typed (or piped) is a message. Lines starting {@code op>}
 * are the operator's, written in the operators' chat as a reply to the open handoff's summary (the
 * first message posted to the operators while handling the customer's line that handed them off),
 * so {@code op> Hello!} answers the customer and {@code op> /stats} runs a command; {@code op> /close}
 * closes the handoff. All other lines are the customer's. {@code /contact NUMBER} shares the customer's phone number,
 * {@code /scenarios} runs a scenario pass now (a demo aid), and {@code /quit} or the end of input
 * stops the channel.
 *
 * <p>Every line goes through {@link HandleInboundMessage} like any channel's message, under a key
 * from a persisted sequence. The channel then waits until the line is handled before reading the
 * next, so a conversation reads in order, also when the input is a script.
 *
 * <p>Not thread-safe: {@link #run()} is called once, by one thread.
 */
public final class TerminalChannel {

    private static final Logger log = LoggerFactory.getLogger(TerminalChannel.class);

    /** Source of the terminal's inbound keys. */
    public static final String SOURCE = "terminal";

    private static final String OPERATOR_PREFIX = "op>";

    private final BufferedReader in;
    private final TerminalConsole console;
    private final HandleInboundMessage inbound;
    private final RunScenarios scenarios;
    private final UpdateInbox inbox;
    private final LineIds ids;
    private final Sleeper sleeper;
    private final Clock clock;
    private final TerminalSettings settings;
    /** The post an operator's line replies to: the open handoff's summary, once there is one. */
    private Optional<String> handoffPost = Optional.empty();

    public TerminalChannel(BufferedReader in, TerminalConsole console, HandleInboundMessage inbound, RunScenarios scenarios,
            UpdateInbox inbox, LineIds ids, Sleeper sleeper, Clock clock, TerminalSettings settings) {
        this.in = Objects.requireNonNull(in, "in");
        this.console = Objects.requireNonNull(console, "console");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Why the channel stopped. */
    public enum Stop {
        /** The user typed /quit. */
        QUIT,
        /** The input ended. */
        END_OF_INPUT
    }

    /**
     * Reads and handles lines until {@code /quit} or the end of input.
     *
     * @throws InterruptedException if interrupted while waiting for a line to be handled (shutdown)
     * @throws UncheckedIOException if the input cannot be read
     */
    public Stop run() throws InterruptedException {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the terminal", e);
            }
            if (line == null) {
                return Stop.END_OF_INPUT;
            }
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals("/quit")) {
                return Stop.QUIT;
            }
            if (text.equals("/scenarios")) {
                runScenarios();
                continue;
            }
            handle(text);
        }
    }

    private void handle(String text) throws InterruptedException {
        boolean operator = text.startsWith(OPERATOR_PREFIX);
        String body = operator ? text.substring(OPERATOR_PREFIX.length()).strip() : text;
        if (body.isEmpty()) {
            return;
        }
        if (body.length() > ChatMessage.MAX_TEXT_LENGTH) {
            console.print("[error] that line is " + body.length() + " characters long; the limit is "
                    + ChatMessage.MAX_TEXT_LENGTH + ". Nothing was sent.");
            return;
        }
        InboundKey key = new InboundKey(SOURCE, Long.toString(ids.next()));
        ChatMessage message = operator ? operatorMessage(key, body) : customerMessage(key, body);
        int postsBefore = console.operatorPostCount();
        try {
            inbound.receive(List.of(message));
        } catch (StorageException e) {
            log.warn("terminal line not stored key={} error={}", key, e.getMessage());
            console.print("[error] your message could not be stored (" + e.getMessage() + "). Please send it again.");
            return;
        }
        awaitHandled(key);
        if (operator && body.equals("/close")) {
            handoffPost = Optional.empty();
        } else if (!operator && handoffPost.isEmpty() && console.operatorPostCount() > postsBefore) {
            handoffPost = Optional.of(console.operatorPost(postsBefore));
        }
    }

    private ChatMessage customerMessage(InboundKey key, String body) {
        InboundEvent.Sender sender = new InboundEvent.Sender(settings.customer(), settings.customerName());
        Instant now = clock.instant();
        if (body.startsWith("/contact ")) {
            String phone = body.substring("/contact ".length()).strip();
            return new ChatMessage(key, settings.customerChat(), sender, "", now, Optional.empty(),
                    Optional.of(new InboundEvent.SharedContact(phone, settings.customerName(), Optional.of(settings.customer()))),
                    Optional.empty());
        }
        return ChatMessage.text(key, settings.customerChat(), sender, body, now);
    }

    private ChatMessage operatorMessage(InboundKey key, String body) {
        return new ChatMessage(key, settings.operatorsChat(), new InboundEvent.Sender(settings.operator(), "Operator"), body,
                clock.instant(), handoffPost, Optional.empty(), Optional.empty());
    }

    private void runScenarios() {
        try {
            RunScenarios.ScenarioRun run = scenarios.runOnce();
            console.print("[scenarios] " + run.questions() + " unanswered question(s), " + run.drafts()
                    + " draft(s) stored. Operators: op> /drafts");
        } catch (StorageException e) {
            console.print("[error] the scenario run failed: " + e.getMessage());
        }
    }

    /** Waits until the line's inbox entry is no longer pending, so the conversation reads in order. */
    private void awaitHandled(InboundKey key) throws InterruptedException {
        Instant deadline = clock.instant().plus(settings.settleTimeout());
        while (clock.instant().isBefore(deadline)) {
            Optional<InboxEntry> entry;
            try {
                entry = inbox.find(key);
            } catch (StorageException e) {
                entry = Optional.empty();
            }
            if (entry.isPresent() && entry.get().state().isFinal()) {
                return;
            }
            sleeper.sleep(settings.settlePoll());
        }
        console.print("[still working on that one; its answer will appear when ready]");
    }
}
