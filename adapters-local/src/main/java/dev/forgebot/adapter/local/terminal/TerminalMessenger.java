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

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");
    private static final java.util.regex.Pattern ENTITY =
            java.util.regex.Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

    public TerminalMessenger(TerminalConsole console, ChatId operatorsChat) {
        this.console = Objects.requireNonNull(console, "console");
        this.operatorsChat = Objects.requireNonNull(operatorsChat, "operatorsChat");
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String ref = "terminal-" + refs.incrementAndGet();
        if (message.chatId().equals(operatorsChat)) {
            console.operatorPosted(ref);
            console.print(indent("[to operators] ", shown(message)));
        } else {
            String hint = message.keyboard() == OutboundMessage.ReplyKeyboard.REQUEST_CONTACT
                    ? "\n     (to share your phone number, type: /contact +1 415 555 0132)"
                    : "";
            console.print(indent("bot> ", shown(message)) + hint);
        }
        return new SendResult.Sent(ref);
    }

    /** The text as a terminal shows it: HTML with its tags removed and its entities decoded. */
    static String shown(OutboundMessage message) {
        return switch (message.format()) {
            case PLAIN -> message.text();
            case HTML -> decodeEntities(TAG.matcher(message.text()).replaceAll(""));
        };
    }

    private static String decodeEntities(String text) {
        return ENTITY.matcher(text).replaceAll(match -> {
            String name = match.group(1);
            String decoded = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                default -> name.startsWith("#x") || name.startsWith("#X")
                        ? Character.toString(Integer.parseInt(name.substring(2), 16))
                        : name.startsWith("#") ? Character.toString(Integer.parseInt(name.substring(1))) : match.group();
            };
            return java.util.regex.Matcher.quoteReplacement(decoded);
        });
    }

    private static String indent(String marker, String text) {
        return marker + text.replace("\n", "\n" + " ".repeat(marker.length()));
    }
}
