package dev.forgebot.domain.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuestionClustererTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final QuestionClusterer clusterer = new QuestionClusterer();

    private static UnansweredQuestion asked(String text, int minute) {
        return new UnansweredQuestion(text, T0.plus(Duration.ofMinutes(minute)));
    }

    @Test
    void emptyInputGivesNoClusters() {
        assertThat(clusterer.cluster(List.of())).isEmpty();
    }

    @Test
    void aSingleQuestionFormsOneClusterOfItself() {
        List<QuestionCluster> clusters = clusterer.cluster(List.of(asked("Is there a Linux desktop app?", 5)));

        assertThat(clusters).containsExactly(new QuestionCluster(
                "Is there a Linux desktop app?", List.of("Is there a Linux desktop app?"), 1, T0.plusSeconds(300),
                T0.plusSeconds(300)));
    }

    @Test
    void exactDuplicatesAfterNormalisationShareOneClusterAndCountTowardFrequency() {
        List<UnansweredQuestion> questions = List.of(
                asked("Dark mode?", 3), asked("dark   MODE?", 1), asked("Dark mode?", 7), asked("Do you accept bitcoin?", 2));

        List<QuestionCluster> clusters = new QuestionClusterer(ClusteringSettings.defaults().withSimilarityThreshold(1.0))
                .cluster(questions);

        assertThat(clusters).hasSize(2);
        QuestionCluster darkMode = clusters.getFirst();
        assertThat(darkMode.frequency()).isEqualTo(3);
        assertThat(darkMode.examples()).containsExactly("Dark mode?");
        assertThat(darkMode.firstAskedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(darkMode.lastAskedAt()).isEqualTo(T0.plusSeconds(420));
    }

    @Test
    void paraphrasesClusterTogetherAndUnrelatedQuestionsStayApart() {
        List<UnansweredQuestion> questions = List.of(
                asked("Is there a Linux desktop app?", 1), asked("linux app?", 2), asked("desktop app for ubuntu", 3),
                asked("Do you accept bitcoin?", 4), asked("crypto payments?", 5));

        List<QuestionCluster> clusters = clusterer.cluster(questions);

        assertThat(clusters).extracting(QuestionCluster::frequency).containsExactly(3, 2);
        assertThat(clusters.get(0).examples())
                .containsExactlyInAnyOrder("Is there a Linux desktop app?", "linux app?", "desktop app for ubuntu");
        assertThat(clusters.get(1).examples()).containsExactlyInAnyOrder("Do you accept bitcoin?", "crypto payments?");
    }

    @Test
    void ranksByFrequencyThenMostRecentThenRepresentativeText() {
        List<UnansweredQuestion> questions = List.of(
                asked("shopify integration?", 1), asked("Shopify integration?", 2),
                asked("graphql api?", 9),
                asked("zapier?", 5),
                asked("hipaa?", 5));

        List<QuestionCluster> clusters = clusterer.cluster(questions);

        assertThat(clusters).extracting(QuestionCluster::representative)
                .containsExactly("Shopify integration?", "graphql api?", "hipaa?", "zapier?");
    }

    @Test
    void inputOrderDoesNotChangeTheResult() {
        List<UnansweredQuestion> questions = new ArrayList<>(List.of(
                asked("Is there a Linux desktop app?", 1), asked("linux app?", 2), asked("desktop app for ubuntu", 3),
                asked("Do you accept bitcoin?", 4), asked("crypto payments?", 5), asked("dark mode?", 6),
                asked("Dark mode?", 7), asked("night mode please", 8), asked("xero sync?", 9),
                asked("Do you integrate with Xero?", 10), asked("dark theme", 11), asked("phone support?", 12),
                asked("can I call someone", 13), asked("self hosted option?", 14), asked("on prem?", 15)));
        List<QuestionCluster> expected = clusterer.cluster(questions);
        Random random = new Random(42);

        for (int round = 0; round < 20; round++) {
            Collections.shuffle(questions, random);

            assertThat(clusterer.cluster(questions)).isEqualTo(expected);
        }
    }

    @Test
    void representativeIsTheMedoid() {
        List<UnansweredQuestion> questions = List.of(
                asked("xero sync", 1), asked("xero sync for invoices", 2), asked("invoices into xero", 3));

        List<QuestionCluster> clusters = new QuestionClusterer(new ClusteringSettings(0.05, 5, 1)).cluster(questions);

        assertThat(clusters).singleElement().satisfies(c -> {
            assertThat(c.representative()).isEqualTo("xero sync for invoices");
            assertThat(c.examples()).first().isEqualTo("xero sync for invoices");
        });
    }

    @Test
    void equallyCentralTextsPreferTheShorterThenTheLexicographicallySmaller() {
        ClusteringSettings loose = new ClusteringSettings(0.05, 5, 1);

        List<QuestionCluster> byLength = new QuestionClusterer(loose)
                .cluster(List.of(asked("is there a dark mode?", 1), asked("dark mode?", 2)));
        List<QuestionCluster> byText = new QuestionClusterer(loose)
                .cluster(List.of(asked("dark mode?", 1), asked("dark mode!", 2)));

        assertThat(byLength).singleElement().extracting(QuestionCluster::representative).isEqualTo("dark mode?");
        assertThat(byText).singleElement().extracting(QuestionCluster::representative).isEqualTo("dark mode!");
    }

    @Test
    void examplesAreCappedAndStartWithTheRepresentative() {
        List<UnansweredQuestion> questions = List.of(
                asked("dark mode?", 1), asked("is there a dark mode", 2), asked("dark mode please", 3),
                asked("dark mode when", 4));

        List<QuestionCluster> clusters = new QuestionClusterer(new ClusteringSettings(0.1, 2, 1)).cluster(questions);

        assertThat(clusters).singleElement().satisfies(c -> {
            assertThat(c.frequency()).isEqualTo(4);
            assertThat(c.examples()).hasSize(2).first().isEqualTo(c.representative());
        });
    }

    @Test
    void clustersBelowTheMinimumSizeAreLeftOut() {
        List<UnansweredQuestion> questions = List.of(
                asked("zapier?", 1), asked("Zapier?", 2), asked("hipaa?", 3));

        List<QuestionCluster> clusters = new QuestionClusterer(ClusteringSettings.defaults().withMinClusterSize(2))
                .cluster(questions);

        assertThat(clusters).singleElement().extracting(QuestionCluster::frequency).isEqualTo(2);
    }

    @Test
    void questionsWithoutAnyTermAreDropped() {
        List<UnansweredQuestion> questions = List.of(
                asked("👍👍", 1), asked("???", 2), asked("\u200B\u200B\u200D", 3), asked("how?", 4),
                asked("dark mode?", 5));

        List<QuestionCluster> clusters = clusterer.cluster(questions);

        assertThat(clusters).singleElement().extracting(QuestionCluster::representative).isEqualTo("dark mode?");
    }

    @Test
    void onlyTermlessQuestionsGiveNoClusters() {
        assertThat(clusterer.cluster(List.of(asked("🙏", 1), asked("...", 2)))).isEmpty();
    }

    @Test
    void rightToLeftQuestionsClusterByTheirWordsAndIgnoreBidiMarks() {
        List<UnansweredQuestion> questions = List.of(
                asked("יש לכם אפליקציה ללינוקס?", 1), asked("\u200Fיש לכם אפליקציה ללינוקס?", 2),
                asked("هل تقبلون الدفع بالبيتكوين؟", 3), asked("هل تقبلون الدفع بالبيتكوين؟\u200E", 4));

        List<QuestionCluster> clusters = clusterer.cluster(questions);

        assertThat(clusters).hasSize(2).allSatisfy(c -> {
            assertThat(c.frequency()).isEqualTo(2);
            assertThat(c.examples()).hasSize(1);
        });
    }

    @Test
    void zeroWidthCharactersInsideWordsDoNotSplitThem() {
        List<UnansweredQuestion> questions = List.of(asked("ex\u200Bport to xe\u200Dro", 1), asked("export to xero", 2));

        List<QuestionCluster> clusters = clusterer.cluster(questions);

        assertThat(clusters).singleElement().extracting(QuestionCluster::frequency).isEqualTo(2);
    }

    @Test
    void aQuestionOfTheMaximumLengthIsClustered() {
        String longest = "please add an integration with our ancient erp system ".repeat(80)
                .substring(0, UnansweredQuestion.MAX_LENGTH);

        List<QuestionCluster> clusters = clusterer.cluster(List.of(asked(longest, 1), asked("dark mode?", 2)));

        assertThat(clusters).hasSize(2).anySatisfy(c -> assertThat(c.representative()).hasSize(UnansweredQuestion.MAX_LENGTH));
    }

    @Test
    void aTenThousandCharacterQuestionIsRefusedAtConstruction() {
        String tooLong = "x".repeat(10_000);

        assertThatThrownBy(() -> asked(tooLong, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10000");
    }

    @Test
    void twoThousandDistinctQuestionsClusterWithinTenSeconds() {
        List<UnansweredQuestion> questions = generated(2_000, new Random(7));

        List<QuestionCluster> clusters = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> clusterer.cluster(questions));

        assertThat(clusters.stream().mapToInt(QuestionCluster::frequency).sum()).isEqualTo(2_000);
    }

    @Test
    void moreDistinctQuestionsThanTheLimitAreRefused() {
        List<UnansweredQuestion> questions = IntStream.rangeClosed(0, QuestionClusterer.MAX_DISTINCT_QUESTIONS)
                .mapToObj(i -> asked("question number " + i, i))
                .toList();

        assertThatThrownBy(() -> clusterer.cluster(questions)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unansweredQuestionIsStrippedAndRejectsBlankText() {
        assertThat(asked("  dark mode?\n", 1).text()).isEqualTo("dark mode?");
        assertThatThrownBy(() -> asked(" \t\n", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnansweredQuestion(null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UnansweredQuestion("dark mode?", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void questionClusterRejectsBrokenInvariants() {
        List<String> examples = List.of("dark mode?", "night mode?");

        assertThatThrownBy(() -> new QuestionCluster("dark mode?", examples, 0, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuestionCluster("dark mode?", List.of(), 1, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuestionCluster("theme?", examples, 2, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuestionCluster("dark mode?", List.of("dark mode?", "dark mode?"), 2, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuestionCluster("dark mode?", examples, 1, T0, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuestionCluster("dark mode?", examples, 2, T0.plusSeconds(1), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new QuestionCluster("dark mode?", examples, 5, T0, T0.plusSeconds(1)).frequency()).isEqualTo(5);
    }

    @Test
    void clusteringSettingsRejectOutOfRangeValues() {
        assertThatThrownBy(() -> new ClusteringSettings(-0.01, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusteringSettings(1.01, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusteringSettings(Double.NaN, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusteringSettings(0.5, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusteringSettings(0.5, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClusteringSettings.defaults()).isEqualTo(new ClusteringSettings(0.18, 5, 1));
    }

    /** Distinct questions built from a few topic words and filler, so clusters of all sizes form. */
    private static List<UnansweredQuestion> generated(int count, Random random) {
        String[] topics = {"linux", "shopify", "bitcoin", "spanish", "hipaa", "xero", "zapier", "sso", "graphql",
            "offline", "dark", "phone", "quickbooks", "nonprofit", "student", "lifetime", "cheque", "watch"};
        String[] words = {"app", "support", "integration", "invoice", "client", "export", "sync", "team", "plan",
            "pricing", "account", "report", "portal", "mobile", "desktop", "version", "option", "roadmap", "soon",
            "customer", "order", "payment", "language", "server", "data", "login", "discount", "theme", "number"};
        List<UnansweredQuestion> questions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(topics[random.nextInt(topics.length)]);
            int length = 2 + random.nextInt(8);
            for (int w = 0; w < length; w++) {
                text.append(' ').append(words[random.nextInt(words.length)]);
            }
            text.append(" #").append(i);
            questions.add(asked(text.toString(), i));
        }
        return questions;
    }
}
