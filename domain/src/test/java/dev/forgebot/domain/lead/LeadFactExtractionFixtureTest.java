package dev.forgebot.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the extractor against hand-labelled customer messages and fails when precision or recall
 * of a field drops below the floor set from the measured figures.
 *
 * <p>Fixture: {@code fixtures/lead/extraction.tsv}, a header row then one message per row: text,
 * name, email, phone (digits, {@code +} first when international), company; {@code -} for none.
 * In the text, {@code \n} is a line break and {@code \}{@code uXXXX} a UTF-16 unit. Values are
 * compared exactly.
 */
class LeadFactExtractionFixtureTest {

    private static final String FIXTURE = "/fixtures/lead/extraction.tsv";

    private record Row(String text, String name, String email, String phone, String company) {
    }

    private record Score(int extracted, int expected, int correct) {
        double precision() {
            return extracted == 0 ? 1.0 : (double) correct / extracted;
        }

        double recall() {
            return expected == 0 ? 1.0 : (double) correct / expected;
        }

        Score plus(Score other) {
            return new Score(extracted + other.extracted, expected + other.expected, correct + other.correct);
        }
    }

    private static final Map<String, Score> scores = new LinkedHashMap<>();
    private static List<Row> rows;

    @BeforeAll
    static void measure() throws IOException {
        rows = readFixture();
        Map<String, Function<Row, String>> expected = new LinkedHashMap<>();
        expected.put("name", Row::name);
        expected.put("email", Row::email);
        expected.put("phone", Row::phone);
        expected.put("company", Row::company);
        Map<String, Function<ExtractedFacts, Optional<String>>> actual = Map.of(
                "name", f -> f.name().map(PersonName::value),
                "email", f -> f.email().map(EmailAddress::value),
                "phone", f -> f.phone().map(PhoneNumber::normalized),
                "company", f -> f.company().map(CompanyName::value));

        Map<String, int[]> counts = new LinkedHashMap<>();
        expected.keySet().forEach(field -> counts.put(field, new int[3]));
        for (Row row : rows) {
            ExtractedFacts facts = LeadFactExtractor.extract(row.text());
            for (var field : expected.entrySet()) {
                String want = field.getValue().apply(row);
                Optional<String> got = actual.get(field.getKey()).apply(facts);
                int[] c = counts.get(field.getKey());
                if (got.isPresent()) {
                    c[0]++;
                }
                if (!want.equals("-")) {
                    c[1]++;
                }
                if (got.isPresent() && got.get().equals(want)) {
                    c[2]++;
                }
                if (!got.orElse("-").equals(want) && Boolean.getBoolean("extraction.verbose")) {
                    System.out.printf("MISS %-7s want=%s got=%s text=%s%n",
                            field.getKey(), want, got.orElse("-"), row.text().replace("\n", "\\n"));
                }
            }
        }
        Score overall = new Score(0, 0, 0);
        for (var entry : counts.entrySet()) {
            Score score = new Score(entry.getValue()[0], entry.getValue()[1], entry.getValue()[2]);
            scores.put(entry.getKey(), score);
            overall = overall.plus(score);
            print(entry.getKey(), score);
        }
        scores.put("overall", overall);
        print("overall", overall);
    }

    private static void print(String field, Score score) {
        System.out.printf("extraction %s precision=%.2f recall=%.2f (n=%d, extracted=%d, correct=%d)%n",
                field, score.precision(), score.recall(), score.expected(), score.extracted(), score.correct());
    }

    @Test
    void fixtureHasEnoughLabelledMessagesIncludingNegatives() {
        long withoutFacts = rows.stream()
                .filter(r -> r.name().equals("-") && r.email().equals("-") && r.phone().equals("-")
                        && r.company().equals("-"))
                .count();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(120);
        assertThat(withoutFacts).isGreaterThanOrEqualTo(40);
    }

    @Test
    void emailStaysAboveItsFloors() {
        assertFloors("email", 0.99, 0.97);
    }

    @Test
    void phoneStaysAboveItsFloors() {
        assertFloors("phone", 0.97, 0.95);
    }

    @Test
    void nameStaysAboveItsFloors() {
        assertFloors("name", 0.95, 0.92);
    }

    @Test
    void companyStaysAboveItsFloors() {
        assertFloors("company", 0.95, 0.95);
    }

    @Test
    void microAverageStaysAboveItsFloors() {
        assertFloors("overall", 0.97, 0.96);
    }

    private static void assertFloors(String field, double precisionFloor, double recallFloor) {
        Score score = scores.get(field);

        assertThat(score.precision()).as(field + " precision").isGreaterThanOrEqualTo(precisionFloor);
        assertThat(score.recall()).as(field + " recall").isGreaterThanOrEqualTo(recallFloor);
    }

    private static List<Row> readFixture() throws IOException {
        try (InputStream in = LeadFactExtractionFixtureTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Row> parsed = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cols = lines[i].split("\t", -1);
                assertThat(cols).as("columns on fixture line " + (i + 1)).hasSize(5);
                parsed.add(new Row(unescape(cols[0]), cols[1], cols[2], cols[3], cols[4]));
            }
            return parsed;
        }
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
                out.append('\n');
                i++;
            } else if (c == '\\' && i + 5 < text.length() && text.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
