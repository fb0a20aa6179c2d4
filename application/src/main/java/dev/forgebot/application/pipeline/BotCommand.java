package dev.forgebot.application.pipeline;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot command read from message text: {@code /name}, optionally addressed to a bot
 * ({@code /stats@forge_bot}, as Telegram writes commands in groups), then arguments.
 *
 * @param name      the command's name, lower-case, without the slash and the bot's name
 * @param arguments the rest of the text, stripped, possibly empty
 */
public record BotCommand(String name, String arguments) {

    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z][A-Za-z0-9_]{0,31})(?:@[A-Za-z0-9_]{1,64})?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    public BotCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** The command {@code text} holds, if it is one. */
    public static Optional<BotCommand> parse(String text) {
        Matcher matcher = COMMAND.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String arguments = matcher.group(2) == null ? "" : matcher.group(2).strip();
        return Optional.of(new BotCommand(matcher.group(1).toLowerCase(Locale.ROOT), arguments));
    }
}
