package dev.forgebot.adapter.telegram;

/**
 * What {@link TelegramWebhookServer} has done with deliveries since it was built, for health and
 * metrics. Every delivery on the webhook path that got an answer counts exactly once.
 *
 * @param accepted     new updates stored in the inbox (200)
 * @param duplicates   redeliveries of updates already stored, recognised by their inbox key (200)
 * @param unauthorized refused for a missing or wrong secret (401)
 * @param tooLarge     refused for a body over the cap (413)
 * @param malformed    refused for a body that is not an update: bad JSON, no numeric {@code update_id} (400)
 * @param storeFailed  not stored because the inbox failed (503 when transient, 500 when permanent)
 * @param failed       not stored for any other reason, such as a mapping bug (500)
 */
public record WebhookCounters(long accepted, long duplicates, long unauthorized, long tooLarge, long malformed,
        long storeFailed, long failed) {

    /** Every refusal and failure: the deliveries Telegram did not get a 200 for. */
    public long rejected() {
        return unauthorized + tooLarge + malformed + storeFailed + failed;
    }
}
