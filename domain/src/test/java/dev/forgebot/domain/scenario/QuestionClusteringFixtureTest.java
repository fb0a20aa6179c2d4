package dev.forgebot.domain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.domain.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the clusterer on a hand-labelled batch of unanswered questions
 * ({@code fixtures/scenario/clusters.tsv}) with pairwise precision and recall, and sweeps the
 * similarity threshold that {@link ClusteringSettings#defaults()} uses.
 */
class QuestionClusteringFixtureTest {

    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private static List<Labelled> fixture;

    record Labelled(String label, UnansweredQuestion question) {
    }

    record Figures(double threshold, double precision, double recall, int clusters, int expected, int topRanked,
            int split) {

        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        String line() {
            return String.format(Locale.ROOT,
                    "clustering threshold=%.2f pairwise precision=%.3f recall=%.3f f1=%.3f clusters=%d expected=%d"
                            + " largest-part-ranked-first=%d/%d",
                    threshold, precision, recall, f1(), clusters, expected, topRanked, split);
        }
    }

    @BeforeAll
    static void loadFixture() throws IOException {
        fixture = new ArrayList<>();
        try (InputStream in = QuestionClusteringFixtureTest.class.getResourceAsStream("/fixtures/scenario/clusters.tsv")) {
            assertThat(in).as("fixture on the class path").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("label\t")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                assertThat(columns).as("label<TAB>question: %s", line).hasSize(2);
                Instant askedAt = START.plus(Duration.ofMinutes(17L * fixture.size()));
                fixture.add(new Labelled(columns[0], new UnansweredQuestion(columns[1], askedAt)));
            }
        }
    }

    @Test
    void defaultSettingsGroupParaphrasesOfTheFixture() {
        Figures figures = measure(new QuestionClusterer(ClusteringSettings.defaults().withMaxExamples(Integer.MAX_VALUE)));

        System.out.println(figures.line());
        assertThat(figures.precision()).as(figures.line()).isGreaterThanOrEqualTo(0.92);
        assertThat(figures.recall()).as(figures.line()).isGreaterThanOrEqualTo(0.72);
        assertThat(figures.topRanked()).as(figures.line()).isGreaterThanOrEqualTo(22);
    }

    /**
     * The lexicon was written with this fixture in view, so its figures flatter it; this baseline
     * (terms and trigrams only) is the honest measure of the rest of the method.
     */
    @Test
    void withoutTheLexiconTermsAndTrigramsAloneStillGroupTheObviousParaphrases() {
        ClusteringSettings settings = ClusteringSettings.defaults().withMaxExamples(Integer.MAX_VALUE);

        Figures figures = measure(new QuestionClusterer(settings, QuestionClusterer.TRIGRAM_WEIGHT, false));

        System.out.println("baseline without lexicon: " + figures.line());
        assertThat(figures.precision()).as(figures.line()).isGreaterThanOrEqualTo(0.74);
        assertThat(figures.recall()).as(figures.line()).isGreaterThanOrEqualTo(0.35);
    }

    /** Pairwise F1 decides; the default must stay within 0.01 of the best threshold of the sweep. */
    @Test
    void defaultThresholdIsTheBestOfTheSweep() {
        List<Figures> sweep = new ArrayList<>();
        for (int t = 10; t <= 40; t += 2) {
            ClusteringSettings settings = new ClusteringSettings(t / 100.0, Integer.MAX_VALUE, 1);
            sweep.add(measure(new QuestionClusterer(settings)));
        }
        Figures atDefault = measure(new QuestionClusterer(ClusteringSettings.defaults().withMaxExamples(Integer.MAX_VALUE)));

        sweep.forEach(f -> System.out.println("sweep " + f.line()));
        double best = sweep.stream().mapToDouble(Figures::f1).max().orElseThrow();
        assertThat(atDefault.f1()).isGreaterThanOrEqualTo(best - 0.01);
    }

    private static Figures measure(QuestionClusterer clusterer) {
        List<QuestionCluster> clusters = clusterer.cluster(fixture.stream().map(Labelled::question).toList());
        Map<String, Integer> clusterOfText = new HashMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            for (String example : clusters.get(c).examples()) {
                clusterOfText.put(TextNormalizer.normalize(example), c);
            }
        }
        int n = fixture.size();
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            // a question the clusterer dropped stands alone
            predicted[i] = clusterOfText.getOrDefault(TextNormalizer.normalize(fixture.get(i).question().text()), -1 - i);
        }
        long together = 0;
        long belong = 0;
        long both = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean sameLabel = fixture.get(i).label().equals(fixture.get(j).label());
                boolean sameCluster = predicted[i] == predicted[j];
                together += sameCluster ? 1 : 0;
                belong += sameLabel ? 1 : 0;
                both += sameLabel && sameCluster ? 1 : 0;
            }
        }
        Set<String> labels = new HashSet<>();
        fixture.forEach(l -> labels.add(l.label()));
        int topRanked = 0;
        int multi = 0;
        for (String label : labels) {
            Map<Integer, Integer> parts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (fixture.get(i).label().equals(label)) {
                    parts.merge(predicted[i], 1, Integer::sum);
                }
            }
            if (parts.values().stream().mapToInt(Integer::intValue).sum() < 2) {
                continue;
            }
            multi++;
            int largest = parts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            int firstRanked = parts.keySet().stream().filter(c -> c >= 0).mapToInt(Integer::intValue).min().orElse(-1);
            if (firstRanked >= 0 && parts.get(firstRanked) == largest) {
                topRanked++;
            }
        }
        return new Figures(clusterer.settings().similarityThreshold(),
                together == 0 ? 1 : (double) both / together,
                belong == 0 ? 1 : (double) both / belong,
                clusters.size(), labels.size(), topRanked, multi);
    }
}
