package dev.forgebot.domain.lead;

/**
 * How promising a lead is, from 0 (nothing known) to 100.
 *
 * @param value the score, 0..100
 */
public record LeadScore(int value) implements Comparable<LeadScore> {

    /** Nothing known yet. */
    public static final LeadScore ZERO = new LeadScore(0);

    public LeadScore {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("a lead score is within 0..100, was " + value);
        }
    }

    @Override
    public int compareTo(LeadScore other) {
        return Integer.compare(value, other.value);
    }
}
