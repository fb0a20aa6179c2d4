package dev.forgebot.adapter.telegram;

import static dev.forgebot.adapter.telegram.ScriptedSendMessageApi.ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.forgebot.adapter.telegram.ScriptedSendMessageApi.Failures;
import dev.forgebot.adapter.telegram.api.SendMessageRequest;
import dev.forgebot.adapter.telegram.api.SendMessageRequest.Keyboard;
import dev.forgebot.application.contract.SampleTexts;
import dev.forgebot.application.fake.MutableClock;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.OutboundMessage.Format;
import dev.forgebot.application.port.out.OutboundMessage.ReplyKeyboard;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.port.out.TransientStorageException;
import dev.forgebot.domain.lead.ChatId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramMessengerTest {

    private static final long CUSTOMER = 1001;
    private static final long OTHER_CUSTOMER = 1002;
    private static final long GROUP = -4001;
    private static final long SUPERGROUP = -1004001L;
    private static final RandomGenerator NO_JITTER = () -> 0L;
    private static final RandomGenerator MOST_JITTER = () -> -1L;

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedSendMessageApi api = new ScriptedSendMessageApi();
    private final ChatMigrations migrations = new ChatMigrations();
    private TelegramMessenger messenger = messenger(FloodLimits.OFF, NO_JITTER);

    private TelegramMessenger messenger(FloodLimits limits, RandomGenerator random) {
        return new TelegramMessenger(api, migrations, new MessengerSettings(limits, Duration.ofSeconds(30)), clock,
                sleeper, random, MessageSplitter.TELEGRAM_LIMIT);
    }

    private static OutboundMessage text(long chat, String text) {
        return OutboundMessage.text(new ChatId(chat), text);
    }

    private static OutboundMessage html(long chat, String html) {
        return new OutboundMessage(new ChatId(chat), html, ReplyKeyboard.NONE, Format.HTML);
    }

    private static OutboundMessage withKeyboard(long chat, String text, ReplyKeyboard keyboard) {
        return new OutboundMessage(new ChatId(chat), text, keyboard);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    // --- formats, references, parts, keyboards

    @Test
    void sendsPlainTextWithoutParseModeAndAnswersTheChatAndMessageId() {
        SendResult result = messenger.send(text(CUSTOMER, "Hello <friend> & co"));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:1"));
        assertThat(api.calls()).containsExactly(new SendMessageRequest(CUSTOMER, "Hello <friend> & co", false, Keyboard.NONE));
    }

    @Test
    void sendsHtmlWithParseMode() {
        SendResult result = messenger.send(html(CUSTOMER, "<b>Hello</b> &amp; welcome"));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:1"));
        assertThat(api.calls()).containsExactly(new SendMessageRequest(CUSTOMER, "<b>Hello</b> &amp; welcome", true, Keyboard.NONE));
    }

    @Test
    void theReferenceIsTheChatAndIdOfTheMessageTelegramReturned() {
        messenger.send(text(CUSTOMER, "one"));

        SendResult second = messenger.send(text(CUSTOMER, "two"));
        SendResult group = messenger.send(text(GROUP, "one"));

        assertThat(second).isEqualTo(new SendResult.Sent("1001:2"));
        assertThat(group).isEqualTo(new SendResult.Sent("-4001:1"));
    }

    @Test
    void aLongReplyGoesOutInPartsInOrderAndAnswersTheLastPartsReference() {
        String text = SampleTexts.ofLength(10_000);

        SendResult result = messenger.send(text(CUSTOMER, text));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:3"));
        assertThat(api.textsAcceptedBy(CUSTOMER)).isEqualTo(MessageSplitter.split(text, false, 4096)).hasSize(3);
        assertThat(api.calls()).hasSize(3);
    }

    @Test
    void aContactKeyboardRidesOnTheLastPartOnly() {
        SendResult result = messenger.send(withKeyboard(CUSTOMER, SampleTexts.ofLength(10_000), ReplyKeyboard.REQUEST_CONTACT));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:3"));
        assertThat(api.calls()).extracting(SendMessageRequest::keyboard)
                .containsExactly(Keyboard.NONE, Keyboard.NONE, Keyboard.REQUEST_CONTACT);
    }

    @Test
    void removesTheContactKeyboardOnceAndOnlyInTheChatThatWasShownIt() {
        messenger.send(text(CUSTOMER, "hello"));
        messenger.send(withKeyboard(CUSTOMER, "your number?", ReplyKeyboard.REQUEST_CONTACT));
        messenger.send(text(OTHER_CUSTOMER, "hello"));
        messenger.send(text(CUSTOMER, "thanks"));
        messenger.send(text(CUSTOMER, "anything else?"));

        assertThat(api.calls()).extracting(SendMessageRequest::keyboard)
                .containsExactly(Keyboard.NONE, Keyboard.REQUEST_CONTACT, Keyboard.NONE, Keyboard.REMOVE, Keyboard.NONE);
    }

    @Test
    void keepsTryingToRemoveTheContactKeyboardUntilARemovalGoesOut() {
        messenger.send(withKeyboard(CUSTOMER, "your number?", ReplyKeyboard.REQUEST_CONTACT));
        api.failNext(CUSTOMER, Failures.badRequest("Bad Request: TOPIC_CLOSED"));
        messenger.send(text(CUSTOMER, "thanks"));

        messenger.send(text(CUSTOMER, "thanks"));

        assertThat(api.calls()).extracting(SendMessageRequest::keyboard)
                .containsExactly(Keyboard.REQUEST_CONTACT, Keyboard.REMOVE, Keyboard.REMOVE);
    }

    // --- migrated groups

    @Test
    void aGroupThatBecameASupergroupIsRecordedAndTheMessageResentThere() {
        api.failNext(GROUP, Failures.migrated(SUPERGROUP));

        SendResult result = messenger.send(text(GROUP, "New ticket"));
        SendResult next = messenger.send(text(GROUP, "Another ticket"));

        assertThat(result).isEqualTo(new SendResult.Sent(SUPERGROUP + ":1"));
        assertThat(next).isEqualTo(new SendResult.Sent(SUPERGROUP + ":2"));
        assertThat(api.callChats()).containsExactly(GROUP, SUPERGROUP, SUPERGROUP);
        assertThat(migrations.current(GROUP)).isEqualTo(SUPERGROUP);
    }

    @Test
    void aSecondMigrationAnswerForTheSameMessageIsRejected() {
        api.failNext(GROUP, Failures.migrated(SUPERGROUP));
        api.failNext(SUPERGROUP, Failures.migrated(-1009999L));

        SendResult result = messenger.send(text(GROUP, "New ticket"));

        assertThat(result).isEqualTo(new SendResult.Rejected("Bad Request: group chat was upgraded to a supergroup chat"));
        assertThat(api.calls()).hasSize(2);
    }

    // --- 429 and flood limits

    @Test
    void a429WithinTheInlineWaitIsWaitedOutAndResent() {
        api.failNext(CUSTOMER, Failures.tooManyRequests(5));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:1"));
        assertThat(api.calls()).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void answersRateLimitedAfterThreeResendsOn429() {
        api.failNext(CUSTOMER, Failures.tooManyRequests(2), Failures.tooManyRequests(2), Failures.tooManyRequests(2),
                Failures.tooManyRequests(2));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(2)));
        assertThat(api.calls()).hasSize(4);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void a429LongerThanTheInlineWaitAnswersRateLimitedWithoutWaiting() {
        api.failNext(CUSTOMER, Failures.tooManyRequests(60));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(60)));
        assertThat(api.calls()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aChatPausedForLongerThanTheInlineWaitGetsNothingUntilThePauseEndsWhileOtherChatsDo() {
        api.failNext(CUSTOMER, Failures.tooManyRequests(60));
        messenger.send(text(CUSTOMER, "Hello"));
        clock.advance(Duration.ofSeconds(10));

        SendResult paused = messenger.send(text(CUSTOMER, "Hello again"));
        SendResult other = messenger.send(text(OTHER_CUSTOMER, "Hello"));
        clock.advance(Duration.ofSeconds(50));
        SendResult afterThePause = messenger.send(text(CUSTOMER, "Hello again"));

        assertThat(paused).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(50)));
        assertThat(other).isEqualTo(new SendResult.Sent("1002:1"));
        assertThat(afterThePause).isEqualTo(new SendResult.Sent("1001:1"));
        assertThat(api.callChats()).containsExactly(CUSTOMER, OTHER_CUSTOMER, CUSTOMER);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void otherChatsKeepSendingWhileAChatWaitsOutA429() {
        messenger = messenger(FloodLimits.TELEGRAM_DEFAULTS, NO_JITTER);
        api.failNext(CUSTOMER, Failures.tooManyRequests(5));
        AtomicReference<SendResult> otherResult = new AtomicReference<>();
        sleeper.duringNextSleep(() -> otherResult.set(messenger.send(text(OTHER_CUSTOMER, "Hi"))));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:1"));
        assertThat(otherResult.get()).isEqualTo(new SendResult.Sent("1002:1"));
        assertThat(api.callChats()).containsExactly(CUSTOMER, OTHER_CUSTOMER, CUSTOMER);
        assertThat(sleeper.waits()).as("only the paused chat waited").containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void every429IsReportedWithTheScopeItPaused() {
        List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        messenger = new TelegramMessenger(api, migrations, new MessengerSettings(FloodLimits.OFF, Duration.ofSeconds(30)),
                clock, sleeper, NO_JITTER, 4096, (scope, retryAfter) -> observed.add(scope + " " + retryAfter.toSeconds()));
        api.failNext(CUSTOMER, Failures.tooManyRequests(60));
        api.failNext(GROUP, Failures.tooManyRequests(61));
        api.failNext(OTHER_CUSTOMER, Failures.tooManyRequests(62));

        messenger.send(text(CUSTOMER, "Hello"));
        messenger.send(text(GROUP, "Hello"));
        messenger.send(text(OTHER_CUSTOMER, "Hello"));

        assertThat(observed).containsExactly("CHAT 60", "GROUP 61", "ALL 62");
    }

    @Test
    void partsOfOneMessageKeepTheChatSpacing() {
        messenger = messenger(FloodLimits.TELEGRAM_DEFAULTS, NO_JITTER);

        messenger.send(text(CUSTOMER, SampleTexts.ofLength(10_000)));

        assertThat(api.calls()).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aFloodWaitLongerThanTheInlineWaitAnswersRateLimitedWithoutSending() {
        messenger = messenger(FloodLimits.TELEGRAM_DEFAULTS, NO_JITTER);
        for (int i = 0; i < 20; i++) {
            messenger.send(text(GROUP, "ticket " + i));
        }

        SendResult result = messenger.send(text(GROUP, "ticket 21"));

        assertThat(result).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(41)));
        assertThat(api.calls()).hasSize(20);
    }

    // --- refusals

    @ParameterizedTest
    @ValueSource(strings = {"Forbidden: bot was blocked by the user", "Forbidden: user is deactivated"})
    void aCustomerWhoBlockedTheBotAnswersBlocked(String description) {
        api.failAlways(CUSTOMER, Failures.forbidden(description));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Blocked());
        assertThat(api.calls()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"403 Forbidden: bot was kicked from the group chat",
        "403 Forbidden: bot is not a member of the channel chat", "400 Bad Request: chat not found",
        "403 Forbidden: the group chat was deactivated"})
    void aChatTheBotCannotReachAnyMoreAnswersChatGone(String answer) {
        int code = Integer.parseInt(answer.substring(0, 3));
        api.failAlways(GROUP, Failures.status(code, answer.substring(4)));

        SendResult result = messenger.send(text(GROUP, "Hello"));

        assertThat(result).isEqualTo(new SendResult.ChatGone());
        assertThat(api.calls()).hasSize(1);
    }

    @Test
    void htmlTelegramCannotParseIsResentOnceAsPlainText() {
        try (LogCapture logs = new LogCapture()) {
            SendResult result = messenger.send(html(CUSTOMER, "<b>Price</b> &lt; 5 &amp; <i>more"));

            assertThat(result).isEqualTo(new SendResult.Sent("1001:1"));
            assertThat(api.calls()).extracting(SendMessageRequest::html).containsExactly(true, false);
            assertThat(api.textsAcceptedBy(CUSTOMER)).containsExactly("Price < 5 & more");
            assertThat(logs.at(Level.WARN)).anySatisfy(line -> assertThat(line).contains("plain text", "chat=1001"));
        }
    }

    @Test
    void afterAParseFailureTheRemainingPartsGoOutAsPlainText() {
        String text = "<b>" + TelegramHtml.escape(SampleTexts.ofLength(10_000)) + "</b>";
        api.failNext(CUSTOMER, ACCEPT, Failures.badRequest("Bad Request: can't parse entities: at byte offset 7"));

        SendResult result = messenger.send(html(CUSTOMER, text));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:3"));
        assertThat(api.calls()).extracting(SendMessageRequest::html).containsExactly(true, true, false, false);
        List<String> accepted = api.textsAcceptedBy(CUSTOMER);
        assertThat(accepted.get(0)).startsWith("<b>").endsWith("</b>");
        assertThat(accepted.get(1)).doesNotContain("<b>", "</b>");
        assertThat(TelegramHtml.toPlainText(String.join("", accepted)).replaceAll("\\s", ""))
                .isEqualTo(SampleTexts.ofLength(10_000).replaceAll("\\s", ""));
    }

    @Test
    void aPlainTextParseFailureIsRejected() {
        api.failNext(CUSTOMER, Failures.badRequest("Bad Request: can't parse entities: odd"));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Rejected("Bad Request: can't parse entities: odd"));
        assertThat(api.calls()).hasSize(1);
    }

    @Test
    void aPartTelegramFindsTooLongIsSplitAgainAtHalfTheSizeAndResent() {
        String text = SampleTexts.ofLength(3000);
        api.failNext(CUSTOMER, Failures.badRequest("Bad Request: message is too long"));

        SendResult result = messenger.send(text(CUSTOMER, text));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:2"));
        assertThat(api.calls()).hasSize(3);
        assertThat(api.textsAcceptedBy(CUSTOMER)).hasSize(2)
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(2048));
        assertThat(String.join("", api.textsAcceptedBy(CUSTOMER)).replaceAll("\\s", ""))
                .isEqualTo(text.replaceAll("\\s", ""));
    }

    @Test
    void tooLongAgainAfterSplittingAgainIsRejected() {
        api.failNext(CUSTOMER, Failures.badRequest("Bad Request: message is too long"),
                Failures.badRequest("Bad Request: message is too long"));

        SendResult result = messenger.send(text(CUSTOMER, SampleTexts.ofLength(3000)));

        assertThat(result).isEqualTo(new SendResult.Rejected("Bad Request: message is too long"));
        assertThat(api.calls()).hasSize(2);
    }

    @Test
    void anyOtherBadRequestIsRejectedWithTelegramsDescription() {
        api.failNext(CUSTOMER, Failures.badRequest("Bad Request: TOPIC_CLOSED"));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Rejected("Bad Request: TOPIC_CLOSED"));
        assertThat(api.calls()).hasSize(1);
    }

    @Test
    void aWrongTokenIsRejectedAndLoggedAtError() {
        api.failNext(CUSTOMER, Failures.status(401, "Unauthorized"));

        try (LogCapture logs = new LogCapture()) {
            SendResult result = messenger.send(text(CUSTOMER, "Hello"));

            assertThat(result).isEqualTo(new SendResult.Rejected("the bot token or API URL is wrong (401 Unauthorized)"));
            assertThat(api.calls()).hasSize(1);
            assertThat(logs.at(Level.ERROR)).hasSize(1);
        }
    }

    @Test
    void aWrongApiUrlIsRejectedWithoutResendingEvenWithAnUnreadableBody() {
        api.failNext(CUSTOMER, Failures.unreadable(404));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Rejected("the bot token or API URL is wrong (404 Not Found)"));
        assertThat(api.calls()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aLaterPartsFailureIsAnsweredAfterTheEarlierPartsWentOut() {
        api.failNext(CUSTOMER, ACCEPT, Failures.forbidden("Forbidden: bot was blocked by the user"));

        SendResult result = messenger.send(text(CUSTOMER, SampleTexts.ofLength(10_000)));

        assertThat(result).isEqualTo(new SendResult.Blocked());
        assertThat(api.calls()).hasSize(2);
        assertThat(api.textsAcceptedBy(CUSTOMER)).hasSize(1);
    }

    // --- no answer, 5xx

    @Test
    void aRequestThatNeverLeftIsResent() {
        api.failNext(CUSTOMER, Failures.notSent());

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:1"));
        assertThat(api.calls()).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(seconds(0.5));
    }

    @Test
    void givesUpAfterThreeResendsWhenTheRequestNeverLeaves() {
        api.failAlways(CUSTOMER, Failures.notSent());

        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(() -> messenger.send(text(CUSTOMER, "Hello")))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("telegram.sendMessage");
            assertThat(logs.at(Level.WARN)).hasSize(3);
            assertThat(logs.at(Level.ERROR)).hasSize(1);
        }
        assertThat(api.calls()).hasSize(4);
        assertThat(sleeper.waits()).containsExactly(seconds(0.5), seconds(1), seconds(2));
    }

    @Test
    void aRequestThatWentOutWithoutAnAnswerIsNotResent() {
        api.failNext(CUSTOMER, Failures.sentNoAnswer());

        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(() -> messenger.send(text(CUSTOMER, "Hello")))
                    .isInstanceOf(TransientStorageException.class)
                    .hasMessageContaining("may have been delivered");
            assertThat(logs.at(Level.WARN)).hasSize(1);
        }
        assertThat(api.calls()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void resendsAfterTwo502sAndSucceedsOnTheThirdCall() {
        api.failNext(CUSTOMER, Failures.status(502, "Bad Gateway"), Failures.status(502, "Bad Gateway"));

        SendResult result = messenger.send(text(CUSTOMER, "Hello"));

        assertThat(result).isEqualTo(new SendResult.Sent("1001:1"));
        assertThat(api.calls()).hasSize(3);
        assertThat(sleeper.waits()).containsExactly(seconds(0.5), seconds(1));
    }

    @Test
    void addsUpToAQuarterOfJitterToEachBackoffWait() {
        messenger = messenger(FloodLimits.OFF, MOST_JITTER);
        api.failNext(CUSTOMER, Failures.status(502, "Bad Gateway"), Failures.status(503, "Service Unavailable"));

        messenger.send(text(CUSTOMER, "Hello"));

        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isGreaterThan(seconds(0.6)).isLessThan(seconds(0.625));
        assertThat(waits.get(1)).isGreaterThan(seconds(1.2)).isLessThan(seconds(1.25));
    }

    @Test
    void anUnreadableGatewayPageIsResentLikeA5xxAndThenGivenUp() {
        api.failAlways(CUSTOMER, Failures.unreadable(502));

        assertThatThrownBy(() -> messenger.send(text(CUSTOMER, "Hello"))).isInstanceOf(TransientStorageException.class);

        assertThat(api.calls()).hasSize(4);
        assertThat(sleeper.waits()).containsExactly(seconds(0.5), seconds(1), seconds(2));
    }

    @Test
    void anInterruptedWaitThrowsTransientAndKeepsTheInterrupt() {
        api.failNext(CUSTOMER, Failures.tooManyRequests(5));
        sleeper.interruptNext();

        assertThatThrownBy(() -> messenger.send(text(CUSTOMER, "Hello"))).isInstanceOf(TransientStorageException.class);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(api.calls()).hasSize(1);
    }

    @Test
    void neverLogsTheTextOfAMessage() {
        String secret = "Jane Doe ordered item 4711";
        try (LogCapture logs = new LogCapture()) {
            api.failNext(CUSTOMER, Failures.tooManyRequests(1), Failures.status(502, "Bad Gateway"), Failures.notSent(),
                    Failures.badRequest("Bad Request: message is too long"));
            messenger.send(text(CUSTOMER, secret + " " + SampleTexts.ofLength(5000)));
            api.failNext(CUSTOMER, Failures.badRequest("Bad Request: can't parse entities: x"));
            messenger.send(html(CUSTOMER, "<b>" + secret + "</b>"));
            api.failNext(CUSTOMER, Failures.sentNoAnswer());
            assertThatThrownBy(() -> messenger.send(text(CUSTOMER, secret)))
                    .isInstanceOf(TransientStorageException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4711"));
            api.failAlways(OTHER_CUSTOMER, Failures.forbidden("Forbidden: bot was blocked by the user"));
            messenger.send(text(OTHER_CUSTOMER, secret));

            assertThat(logs.lines()).hasSizeGreaterThan(5)
                    .allSatisfy(line -> assertThat(line).doesNotContain("4711", "Jane"));
        }
    }
}
