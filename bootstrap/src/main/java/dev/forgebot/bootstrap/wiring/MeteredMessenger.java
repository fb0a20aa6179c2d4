package dev.forgebot.bootstrap.wiring;

import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.bootstrap.management.ForgebotMetrics;

/** Counts the messages that went out. */
final class MeteredMessenger implements Messenger {

    private final Messenger messenger;
    private final ForgebotMetrics metrics;

    MeteredMessenger(Messenger messenger, ForgebotMetrics metrics) {
        this.messenger = messenger;
        this.metrics = metrics;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        SendResult result = messenger.send(message);
        if (result instanceof SendResult.Sent) {
            metrics.replySent();
        }
        return result;
    }
}
