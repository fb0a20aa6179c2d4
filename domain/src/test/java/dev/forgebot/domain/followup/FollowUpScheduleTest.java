package dev.forgebot.domain.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpScheduleTest {

    @Test
    void parsesTheDefaultNotation() {
        assertThat(FollowUpSchedule.parse("24h,72h")).isEqualTo(FollowUpSchedule.defaults());
        assertThat(FollowUpSchedule.parse(" 30m , 2d,3D ").steps())
                .containsExactly(Duration.ofMinutes(30), Duration.ofDays(2), Duration.ofDays(3));
        assertThat(FollowUpSchedule.parse("90s").steps()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void blankMeansNoFollowUps() {
        assertThat(FollowUpSchedule.parse("  ").size()).isZero();
    }

    @Test
    void namesThePartThatIsNotADuration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FollowUpSchedule.parse("24h,soon"))
                .withMessageContaining("'soon'");
        assertThatIllegalArgumentException().isThrownBy(() -> FollowUpSchedule.parse("24h,,72h"));
        assertThatIllegalArgumentException().isThrownBy(() -> FollowUpSchedule.parse("-5h"));
    }

    @Test
    void rejectsStepsThatDoNotIncrease() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FollowUpSchedule.parse("72h,24h"))
                .withMessageContaining("increasing");
        assertThatIllegalArgumentException().isThrownBy(() -> FollowUpSchedule.parse("0h"));
        assertThatIllegalArgumentException().isThrownBy(() -> FollowUpSchedule.parse("1h,60m"));
    }

    @Test
    void rejectsTooManySteps() {
        List<Duration> eleven = java.util.stream.LongStream.rangeClosed(1, 11).mapToObj(Duration::ofHours).toList();

        assertThatIllegalArgumentException().isThrownBy(() -> new FollowUpSchedule(eleven)).withMessageContaining("at most 10");
    }
}
