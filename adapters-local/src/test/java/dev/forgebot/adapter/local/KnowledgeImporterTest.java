package dev.forgebot.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.forgebot.adapter.local.ImportReport.SkippedRow;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KnowledgeImporterTest {

    /** Keeps articles by id, like every KnowledgeSource; counts save calls. */
    private static final class MapSource implements KnowledgeSource {
        final Map<ArticleId, Article> articles = new TreeMap<>();
        int saves;

        @Override
        public List<Article> loadAll() {
            return List.copyOf(articles.values());
        }

        @Override
        public int save(Collection<Article> batch) {
            saves++;
            batch.forEach(a -> articles.put(a.id(), a));
            return batch.size();
        }
    }

    private final MapSource source = new MapSource();
    private final KnowledgeImporter importer = new KnowledgeImporter(source);

    private ImportReport json(String text) throws IOException {
        return importer.importJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), KnowledgeImporter.Progress.NONE);
    }

    private ImportReport csv(String text) throws IOException {
        return importer.importCsv(new StringReader(text), KnowledgeImporter.Progress.NONE);
    }

    @Test
    void importsTheBundledSampleOfAtLeast40Articles() {
        ImportReport report = importer.importSample();

        assertThat(report.imported()).isGreaterThanOrEqualTo(40);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(source.articles).containsKeys(new ArticleId("pricing-plans"), new ArticleId("free-trial"));
    }

    @Test
    void importsTheSampleOnlyIntoAnEmptySource() throws IOException {
        assertThat(importer.importSampleIfEmpty()).hasValueSatisfying(r -> assertThat(r.imported()).isGreaterThan(40));
        csv("id,title,body\nown,Our own,Article.\n");

        assertThat(importer.importSampleIfEmpty()).isEmpty();
        assertThat(source.articles).containsKey(new ArticleId("own"));
    }

    @Test
    void importsJsonWithTagsAsArrayOrText() throws IOException {
        ImportReport report = json("""
                [
                  {"id": "a", "title": "Refunds", "body": "Within 30 days.", "tags": ["billing", "refund"]},
                  {"id": "b", "title": "Hours", "body": "9 to 5.", "tags": "support, hours"}
                ]
                """);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(source.articles.get(new ArticleId("a")).tags()).containsExactly("billing", "refund");
        assertThat(source.articles.get(new ArticleId("b")).tags()).containsExactly("support", "hours");
    }

    @Test
    void reportsEachSkippedJsonRowWithItsLineAndReason() throws IOException {
        ImportReport report = json("""
                [
                  {"id": "a", "title": "Refunds", "body": "Within 30 days."},
                  {"id": "", "title": "No id", "body": "x"},
                  {"id": "c", "title": "", "body": "x"},
                  {"id": "a", "title": "Again", "body": "dup"},
                  42
                ]
                """);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.skipped()).containsExactly(
                new SkippedRow(3, "no id"),
                new SkippedRow(4, "no title"),
                new SkippedRow(5, "duplicate id 'a' (first at line 2)"),
                new SkippedRow(6, "expected an object with id, title and body"));
        assertThat(report.complete()).isTrue();
    }

    @Test
    void keepsWhatWasImportedBeforeBrokenJson() throws IOException {
        ImportReport report = json("""
                [
                  {"id": "a", "title": "Refunds", "body": "Within 30 days."},
                  {"id": "b", "title": "Hours" "body": "x"}
                ]
                """);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.complete()).isFalse();
        assertThat(report.skipped()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.reason()).startsWith("unreadable JSON from here on");
        });
    }

    @Test
    void importsCsvWithQuotedCommasAndLineBreaks() throws IOException {
        ImportReport report = csv("""
                id,title,tags,body
                refunds,Refunds,"billing, refund","Within 30 days, no questions asked."
                hours,Support hours,support,"Monday to Friday.
                Weekends by email."
                """);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).isEmpty();
        assertThat(source.articles.get(new ArticleId("refunds")).body()).isEqualTo("Within 30 days, no questions asked.");
        assertThat(source.articles.get(new ArticleId("hours")).body()).contains("Weekends by email.");
        assertThat(source.articles.get(new ArticleId("refunds")).tags()).containsExactly("billing", "refund");
    }

    @Test
    void reportsEachSkippedCsvRowWithItsLineAndReason() throws IOException {
        ImportReport report = csv("""
                id,title,body
                a,Refunds,"Within 30 days,
                or 60 on Business."
                ,No id,x
                c,No body,
                a,Again,dup
                d,Fine,ok
                """);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.skipped()).containsExactly(
                new SkippedRow(4, "no id"),
                new SkippedRow(5, "no body"),
                new SkippedRow(6, "duplicate id 'a' (first at line 2)"));
    }

    @Test
    void namesTheMissingColumnsOfACsvHeader() throws IOException {
        ImportReport report = csv("id,name\na,b\n");

        assertThat(report.imported()).isZero();
        assertThat(report.complete()).isFalse();
        assertThat(report.skipped()).singleElement().satisfies(row -> assertThat(row.reason()).contains("missing: title, body"));
    }

    @Test
    void reportsProgressOnLargeFilesAndSavesInBatches() throws IOException {
        StringBuilder text = new StringBuilder("id,title,body\n");
        for (int i = 0; i < 2_500; i++) {
            text.append("a").append(i).append(",Title ").append(i).append(",Body ").append(i).append('\n');
        }
        List<Long> progress = new ArrayList<>();

        ImportReport report = importer.importCsv(new StringReader(text.toString()), progress::add);

        assertThat(report.imported()).isEqualTo(2_500);
        assertThat(progress).containsExactly(1_000L, 2_000L);
        assertThat(source.saves).isEqualTo(5);
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws IOException {
        String file = "id,title,body\na,Refunds,Within 30 days.\n";
        csv(file);
        Map<ArticleId, Article> before = Map.copyOf(source.articles);

        csv(file);

        assertThat(source.articles).isEqualTo(before);
    }

    @Test
    void refusesOtherFileTypes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> importer.importFile(Path.of("kb.xlsx"), KnowledgeImporter.Progress.NONE))
                .withMessageContaining(".json or .csv");
    }
}
