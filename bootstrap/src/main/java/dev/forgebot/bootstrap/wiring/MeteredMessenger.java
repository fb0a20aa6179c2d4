package dev.forgebot.bootstrap.wiring;

import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import java.time.Duration;

/** Counts the messages that went out and times every send (a duration, measured on the monotonic clock). */
final class MeteredMessenger implements Messenger {

    private final Messenger messenger;
    private final ForgebotMetrics metrics;

    MeteredMessenger(Messenger messenger, ForgebotMetrics metrics) {
        this.messenger = messenger;
        this.metrics = metrics;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        long started = System.nanoTime();
        try {
            SendResult result = messenger.send(message);
            if (result instanceof SendResult.Sent) {
                metrics.replySent();
            }
            return result;
        } finally {
            metrics.sendTook(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
