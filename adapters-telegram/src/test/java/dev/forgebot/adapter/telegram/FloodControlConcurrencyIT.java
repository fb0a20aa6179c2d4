package dev.forgebot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.fake.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many senders reserving at once (real threads, a clock that stands still): every slot handed out keeps
 * every limit, and no slot is pushed later than the global limit and its own chat's spacing require.
 */
class FloodControlConcurrencyIT {

    private static final Duration NO_LIMIT = Duration.ofDays(1);

    private record Slot(long chat, long nanos) {
    }

    @Test
    void slotsReservedConcurrentlyKeepEveryLimit() throws Exception {
        FloodControl flood = new FloodControl(FloodLimits.TELEGRAM_DEFAULTS, MutableClock.atDefaultStart());
        int chats = 40;
        int perChat = 5;
        ConcurrentLinkedQueue<Slot> slots = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> senders = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int c = 0; c < chats; c++) {
                long chat = c % 4 == 0 ? -(1000 + c) : 1000 + c;
                for (int i = 0; i < perChat; i++) {
                    senders.add(pool.submit(() -> {
                        start.await();
                        slots.add(new Slot(chat, flood.reserve(chat, NO_LIMIT).toNanos()));
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> sender : senders) {
                sender.get();
            }
        }

        List<Long> all = slots.stream().map(Slot::nanos).sorted().toList();
        assertThat(all).hasSize(chats * perChat);
        for (int i = 0; i + 30 < all.size(); i++) {
            assertThat(all.get(i + 30) - all.get(i)).as("31 slots span at least a second").isGreaterThanOrEqualTo(seconds(1));
        }
        Map<Long, List<Long>> byChat = slots.stream().collect(Collectors.groupingBy(Slot::chat,
                Collectors.mapping(Slot::nanos, Collectors.toList())));
        byChat.forEach((chat, times) -> {
            List<Long> sorted = times.stream().sorted().toList();
            for (int i = 0; i + 1 < sorted.size(); i++) {
                assertThat(sorted.get(i + 1) - sorted.get(i)).as("chat %d spacing", chat).isGreaterThanOrEqualTo(seconds(1));
            }
        });
        long last = all.get(all.size() - 1);
        System.out.printf("flood concurrency reservations=%d chats=%d lastSlot=%.3fs%n", all.size(), chats, last / 1e9);
        // A slot is only ever pushed past a second the global limit filled (at most 200/30 = 6 of them) or
        // by its own chat's spacing (at most 4 seconds for 5 sends): nobody waits behind another chat.
        assertThat(last).as("slots packed as the limits allow").isLessThanOrEqualTo(seconds(6 + perChat - 1));
    }

    private static long seconds(long seconds) {
        return Duration.ofSeconds(seconds).toNanos();
    }
}
