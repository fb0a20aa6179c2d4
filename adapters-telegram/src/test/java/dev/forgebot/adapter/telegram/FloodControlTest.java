package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.fake.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodControlTest {

    private static final long CUSTOMER = 1001;
    private static final long OTHER_CUSTOMER = 1002;
    private static final long GROUP = -1001234567890L;
    private static final Duration NO_LIMIT = Duration.ofDays(1);

    private final MutableClock clock = MutableClock.atDefaultStart();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** One sender's send: reserve a slot, then wait for it through the sleeper (which moves the clock). */
    private Duration send(FloodControl flood, long chat) throws InterruptedException {
        Duration wait = flood.reserve(chat, NO_LIMIT);
        if (wait.isPositive()) {
            sleeper.sleep(wait);
        }
        return wait;
    }

    private List<Duration> sendTimes(FloodControl flood, long chat, int times) throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            waits.add(send(flood, chat));
        }
        return waits;
    }

    @Test
    void spacesSendsToOneChatOneSecondApart() throws InterruptedException {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);

        List<Duration> waits = sendTimes(flood, CUSTOMER, 4);

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aSendAfterTheSpacingHasPassedDoesNotWait() throws InterruptedException {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);
        send(flood, CUSTOMER);
        clock.advance(Duration.ofMillis(1000));

        assertThat(send(flood, CUSTOMER)).isZero();
    }

    @Test
    void waitsOnlyTheRestOfTheSpacing() throws InterruptedException {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);
        send(flood, CUSTOMER);
        clock.advance(Duration.ofMillis(300));

        assertThat(send(flood, CUSTOMER)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void concurrentSendersToOneChatQueueASecondApart() {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);

        List<Duration> waits = List.of(flood.reserve(CUSTOMER, NO_LIMIT), flood.reserve(CUSTOMER, NO_LIMIT),
                flood.reserve(CUSTOMER, NO_LIMIT));

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aChatsQueueDoesNotDelayAnotherChat() {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);
        for (int i = 0; i < 10; i++) {
            flood.reserve(CUSTOMER, NO_LIMIT);
        }

        Duration other = flood.reserve(OTHER_CUSTOMER, NO_LIMIT);

        assertThat(other).isZero();
    }

    @Test
    void allowsTwentySendsAMinuteToAGroup() throws InterruptedException {
        FloodControl flood = new FloodControl(new FloodLimits(0, 20, 0), clock);

        List<Duration> waits = sendTimes(flood, GROUP, 21);

        assertThat(waits.subList(0, 20)).containsOnly(Duration.ZERO);
        assertThat(waits.get(20)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void groupLimitCombinesWithTheChatSpacing() throws InterruptedException {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);

        List<Duration> waits = sendTimes(flood, GROUP, 22);

        assertThat(waits.subList(1, 20)).containsOnly(Duration.ofSeconds(1));
        assertThat(waits.get(20)).as("the 21st waits for the first to leave the minute").isEqualTo(Duration.ofSeconds(41));
        assertThat(waits.get(21)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theGroupLimitDoesNotApplyToPrivateChats() throws InterruptedException {
        FloodControl flood = new FloodControl(new FloodLimits(0, 20, 0), clock);

        List<Duration> waits = sendTimes(flood, CUSTOMER, 50);

        assertThat(waits).containsOnly(Duration.ZERO);
    }

    @Test
    void allowsThirtySendsASecondOverAllChats() throws InterruptedException {
        FloodControl flood = new FloodControl(new FloodLimits(0, 0, 30), clock);
        List<Duration> waits = new ArrayList<>();

        for (int chat = 1; chat <= 31; chat++) {
            waits.add(send(flood, chat));
        }

        assertThat(waits.subList(0, 30)).containsOnly(Duration.ZERO);
        assertThat(waits.get(30)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theGlobalWindowSlides() throws InterruptedException {
        FloodControl flood = new FloodControl(new FloodLimits(0, 0, 30), clock);
        for (int chat = 1; chat <= 30; chat++) {
            send(flood, chat);
            clock.advance(Duration.ofMillis(10));
        }

        Duration wait = send(flood, 31);
        Duration next = send(flood, 32);

        assertThat(wait).as("until the first of the 30 leaves the second").isEqualTo(Duration.ofMillis(700));
        assertThat(next).as("until the second leaves").isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aSlotReservedAheadForOneChatLeavesTheGlobalWindowBeforeItFree() {
        FloodControl flood = new FloodControl(new FloodLimits(1, 0, 2), clock);
        flood.reserve(CUSTOMER, NO_LIMIT);
        Duration queued = flood.reserve(CUSTOMER, NO_LIMIT);

        Duration other = flood.reserve(OTHER_CUSTOMER, NO_LIMIT);

        assertThat(queued).isEqualTo(Duration.ofSeconds(1));
        assertThat(other).isZero();
    }

    @Test
    void offNeverWaits() throws InterruptedException {
        FloodControl flood = new FloodControl(FloodLimits.OFF, clock);

        List<Duration> waits = sendTimes(flood, GROUP, 1000);

        assertThat(waits).containsOnly(Duration.ZERO);
        assertThat(sleeper.waits()).isEmpty();
        assertThat(flood.trackedChats()).isZero();
    }

    @Test
    void eachLimitSwitchesOffAlone() throws InterruptedException {
        FloodControl noChatLimit = new FloodControl(new FloodLimits(0, 20, 30), clock);
        FloodControl noGroupLimit = new FloodControl(new FloodLimits(1, 0, 30), clock);

        assertThat(sendTimes(noChatLimit, CUSTOMER, 30)).containsOnly(Duration.ZERO);
        assertThat(sendTimes(noGroupLimit, GROUP, 30).subList(1, 30)).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void aWaitLongerThanTheMaximumReservesNothing() {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);
        flood.reserve(CUSTOMER, NO_LIMIT);

        Duration refused = flood.reserve(CUSTOMER, Duration.ofMillis(500));
        Duration granted = flood.reserve(CUSTOMER, NO_LIMIT);

        assertThat(refused).isEqualTo(Duration.ofSeconds(1));
        assertThat(granted).as("the refused slot was not taken").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a429PausesOnlyThatChatForRetryAfter() throws InterruptedException {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);
        send(flood, CUSTOMER);
        send(flood, OTHER_CUSTOMER);

        boolean everything = flood.tooManyRequests(CUSTOMER, Duration.ofSeconds(7));
        Duration other = send(flood, OTHER_CUSTOMER + 1);
        Duration paused = send(flood, CUSTOMER);

        assertThat(everything).isFalse();
        assertThat(other).isZero();
        assertThat(paused).isEqualTo(Duration.ofSeconds(7));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a429InAGroupPausesTheGroupEvenWithLimitsOff() throws InterruptedException {
        FloodControl flood = new FloodControl(FloodLimits.OFF, clock);

        flood.tooManyRequests(GROUP, Duration.ofSeconds(20));

        assertThat(send(flood, GROUP)).isEqualTo(Duration.ofSeconds(20));
        assertThat(send(flood, CUSTOMER)).isZero();
    }

    @Test
    void a429ForThreeChatsWithinASecondPausesEveryChat() {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);

        boolean first = flood.tooManyRequests(1, Duration.ofSeconds(3));
        clock.advance(Duration.ofMillis(400));
        boolean second = flood.tooManyRequests(2, Duration.ofSeconds(4));
        Duration beforeEscalation = flood.reserve(99, NO_LIMIT);
        clock.advance(Duration.ofMillis(400));
        boolean third = flood.tooManyRequests(3, Duration.ofSeconds(2));
        Duration afterEscalation = flood.reserve(100, NO_LIMIT);

        assertThat(List.of(first, second, third)).containsExactly(false, false, true);
        assertThat(beforeEscalation).isZero();
        assertThat(afterEscalation).as("until the latest retry_after of the three has passed")
                .isEqualTo(Duration.ofMillis(3600));
    }

    @Test
    void a429ForThreeChatsSpreadOverMoreThanASecondPausesOnlyThoseChats() {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);

        flood.tooManyRequests(1, Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(600));
        flood.tooManyRequests(2, Duration.ofSeconds(5));
        clock.advance(Duration.ofMillis(600));
        boolean third = flood.tooManyRequests(3, Duration.ofSeconds(5));

        assertThat(third).isFalse();
        assertThat(flood.reserve(4, NO_LIMIT)).isZero();
    }

    @Test
    void repeated429sForOneChatDoNotPauseEveryChat() {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);

        flood.tooManyRequests(CUSTOMER, Duration.ofSeconds(5));
        flood.tooManyRequests(CUSTOMER, Duration.ofSeconds(5));
        boolean everything = flood.tooManyRequests(CUSTOMER, Duration.ofSeconds(5));

        assertThat(everything).isFalse();
        assertThat(flood.reserve(OTHER_CUSTOMER, NO_LIMIT)).isZero();
    }

    @Test
    void forgetsChatsWhoseSlotsAndPausesHavePassed() {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, clock);
        for (int chat = 1; chat <= 1000; chat++) {
            flood.reserve(chat, NO_LIMIT);
            clock.advance(Duration.ofMillis(40));
        }
        int before = flood.trackedChats();
        clock.advance(Duration.ofMinutes(2));

        for (int i = 0; i < 100; i++) {
            flood.reserve(CUSTOMER, NO_LIMIT);
        }

        assertThat(before).isEqualTo(1000);
        assertThat(flood.trackedChats()).isEqualTo(1);
    }
}
