package dev.forgebot.application.port.out;

/**
 * Sends messages to chats on the channel (customers and the operators' chat).
 *
 * <p>Contract: expected outcomes are return values, never exceptions: {@link SendResult} says
 * whether the message went out and, if not, why. A {@link TransientStorageException} is thrown only
 * when the channel could not be reached at all and it is unknown whether the message went out.
 * Long texts are split by the implementation as the channel requires; the reference of the last
 * part is returned. Flood limits are kept by the implementation, which may wait to keep them.
 * Thread-safe.
 */
public interface Messenger {

    /** Sends one message. */
    SendResult send(OutboundMessage message);
}
