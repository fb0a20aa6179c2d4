package dev.forgebot.adapter.local.terminal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The terminal's output, shared by the channel (which reads lines) and the messenger (which prints
 * the bot's messages). Remembers the messages posted to the operators, so the channel can tell which
 * one an operator's {@code op>} line answers. Thread-safe: lines are printed whole.
 */
public final class TerminalConsole {

    private final PrintStream out;
    private final List<String> operatorPosts = new ArrayList<>();

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

    synchronized void operatorPosted(String messageRef) {
        operatorPosts.add(messageRef);
    }

    /** How many messages were posted to the operators so far. */
    public synchronized int operatorPostCount() {
        return operatorPosts.size();
    }

    /** The reference of the {@code index}-th message posted to the operators (0-based). */
    public synchronized String operatorPost(int index) {
        return operatorPosts.get(index);
    }
}
