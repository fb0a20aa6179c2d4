package dev.forgebot.application.port.in;

import java.util.List;

/**
 * What every channel (long polling, webhook, terminal) calls with what it received.
 *
 * <p>{@link #receive} returns once the events are durably in the inbox, which is the moment a
 * channel may confirm them to its source (Telegram's offset, a webhook's 200). Handling happens
 * afterwards, in the background, one chat at a time in order. Thread-safe.
 */
public interface HandleInboundMessage {

    /**
     * Stores the events in the inbox and starts handling them.
     *
     * @param events mapped events, in the order they arrived; keys stored before are ignored
     * @return how many were new
     * @throws dev.forgebot.application.port.out.TransientStorageException if the inbox could not be written:
     *     nothing may be confirmed, the channel keeps the events
     */
    int receive(List<? extends InboundEvent> events);
}
