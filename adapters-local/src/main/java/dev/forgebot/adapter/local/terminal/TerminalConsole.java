package dev.forgebot.adapter.local.terminal;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The terminal's output, shared by the channel (which reads lines) and the messenger (which prints
 * the bot's messages). Remembers the last message posted to the operators, which is what an
 * operator's {@code op>} line answers. Thread-safe: lines are printed whole.
 */
public final class TerminalConsole {

    private final PrintStream out;
    private final AtomicReference<String> lastOperatorPost = new AtomicReference<>();

    public TerminalConsole(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Prints one line (or a block of lines) at once. */
    public void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    void operatorPosted(String messageRef) {
        lastOperatorPost.set(messageRef);
    }

    /** The reference of the last message posted to the operators, if any. */
    public Optional<String> lastOperatorPost() {
        return Optional.ofNullable(lastOperatorPost.get());
    }
}
