package dev.forgebot.adapter.local.terminal;

import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.domain.lead.ChatId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Messenger} that prints the bot's messages in the terminal, clearly marked: {@code bot>}
 * for the customer, {@code [to operators]} for the operators' chat. Every message is delivered.
 * Thread-safe.
 */
public final class TerminalMessenger implements Messenger {

    private final TerminalConsole console;
    private final ChatId operatorsChat;
    private final AtomicLong refs = new AtomicLong();

    public TerminalMessenger(TerminalConsole console, ChatId operatorsChat) {
        this.console = Objects.requireNonNull(console, "console");
        this.operatorsChat = Objects.requireNonNull(operatorsChat, "operatorsChat");
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String ref = "terminal-" + refs.incrementAndGet();
        if (message.chatId().equals(operatorsChat)) {
            console.operatorPosted(ref);
            console.print(indent("[to operators] ", message.text()));
        } else {
            String hint = message.keyboard() == OutboundMessage.ReplyKeyboard.REQUEST_CONTACT
                    ? "\n     (to share your phone number, type: /contact +1 415 555 0132)"
                    : "";
            console.print(indent("bot> ", message.text()) + hint);
        }
        return new SendResult.Sent(ref);
    }

    private static String indent(String marker, String text) {
        return marker + text.replace("\n", "\n" + " ".repeat(marker.length()));
    }
}
