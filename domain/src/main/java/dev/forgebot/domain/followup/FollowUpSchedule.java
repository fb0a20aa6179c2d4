package dev.forgebot.domain.followup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When follow-ups go out: step {@code n} is due once the customer has been silent for
 * {@code steps().get(n)}, measured from their last message. After the last step, no more.
 *
 * @param steps silences, each positive and longer than the one before; at most {@value #MAX_STEPS}
 */
public record FollowUpSchedule(List<Duration> steps) {

    /** More steps than this would be spam, not follow-up. */
    public static final int MAX_STEPS = 10;

    private static final Pattern STEP = Pattern.compile("(\\d{1,6})\\s*([smhd])");

    public FollowUpSchedule {
        Objects.requireNonNull(steps, "steps");
        steps = List.copyOf(steps);
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("a follow-up schedule has at most " + MAX_STEPS + " steps, was " + steps.size());
        }
        Duration previous = Duration.ZERO;
        for (Duration step : steps) {
            if (step.compareTo(previous) <= 0) {
                throw new IllegalArgumentException(
                        "follow-up steps must be positive and increasing, but " + step + " follows " + previous);
            }
            previous = step;
        }
    }

    /** The default: after 24 hours of silence, then after 72 hours, then stop. */
    public static FollowUpSchedule defaults() {
        return new FollowUpSchedule(List.of(Duration.ofHours(24), Duration.ofHours(72)));
    }

    /** No follow-ups at all. */
    public static FollowUpSchedule none() {
        return new FollowUpSchedule(List.of());
    }

    /**
     * Parses a comma-separated list such as {@code 24h,72h} (units {@code s}, {@code m}, {@code h},
     * {@code d}); an empty or blank text is no follow-ups.
     *
     * @throws IllegalArgumentException naming the part that is not a duration, or when the steps do not increase
     */
    public static FollowUpSchedule parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return none();
        }
        List<Duration> steps = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = STEP.matcher(part.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "'" + part.strip() + "' is not a duration like 30m, 24h or 3d (in: " + text + ")");
            }
            long amount = Long.parseLong(m.group(1));
            steps.add(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return new FollowUpSchedule(steps);
    }

    /** Number of follow-ups the schedule sends at most. */
    public int size() {
        return steps.size();
    }
}
