package dev.forgebot.adapter.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgebot.adapter.local.ImportReport.SkippedRow;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports a knowledge base from a JSON or CSV file into a {@link KnowledgeSource}, and the bundled
 * sample knowledge base on first start.
 *
 * <p>JSON: an array of objects with {@code id}, {@code title}, {@code body} and optional
 * {@code tags} (an array of strings or one comma-separated string). CSV: a header row naming
 * {@code id}, {@code title}, {@code body} and optionally {@code tags} (comma-separated inside the
 * cell), RFC 4180 quoting. Files are streamed, so large ones do not have to fit in memory; articles
 * are saved in batches (an upsert on the id, so importing the same file twice changes nothing).
 * A row that is not a valid article is skipped and reported with its line and reason; a file that
 * cannot be parsed from some point on ends the import there, keeping what was imported before.
 *
 * <p>Thread-safe (stateless apart from its collaborators). Storage failures propagate as the
 * knowledge source's storage exceptions.
 */
public final class KnowledgeImporter {

    /** Resource path of the bundled sample knowledge base. */
    public static final String SAMPLE_RESOURCE = "/dev/forgebot/adapter/local/sample-knowledge-base.json";

    /** How often progress is reported, in rows. */
    public static final int PROGRESS_EVERY = 1_000;

    private static final int BATCH_SIZE = 500;

    private final KnowledgeSource target;
    private final ObjectMapper mapper = new ObjectMapper();

    public KnowledgeImporter(KnowledgeSource target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Receives progress on long imports. */
    @FunctionalInterface
    public interface Progress {
        /** Called every {@link #PROGRESS_EVERY} rows with the rows read so far. */
        void rowsRead(long rows);

        /** Reports nothing. */
        Progress NONE = rows -> { };
    }

    /**
     * Imports a {@code .json} or {@code .csv} file.
     *
     * @throws IllegalArgumentException if the file is of another type
     * @throws UncheckedIOException     if the file cannot be opened
     */
    public ImportReport importFile(Path file, Progress progress) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".json")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return importJson(in, progress);
                }
            }
            if (name.endsWith(".csv")) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    return importCsv(in, progress);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("cannot import " + file.getFileName() + ": use a .json or .csv file");
    }

    /**
     * Imports the bundled sample knowledge base when the source holds no article yet: what the
     * embedded default does on its first start, so a fresh install answers questions at once.
     *
     * @return the import's report, or empty when the source already had articles
     */
    public Optional<ImportReport> importSampleIfEmpty() {
        return target.loadAll().isEmpty() ? Optional.of(importSample()) : Optional.empty();
    }

    /** Imports the bundled sample knowledge base. */
    public ImportReport importSample() {
        try (InputStream in = KnowledgeImporter.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample knowledge base is missing from the class path: " + SAMPLE_RESOURCE);
            }
            return importJson(in, Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a JSON array of articles. */
    public ImportReport importJson(InputStream in, Progress progress) throws IOException {
        Batch batch = new Batch(progress);
        try (JsonParser parser = new JsonFactory(mapper).createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                batch.stop(line(parser), "the file must hold a JSON array of articles");
                return batch.finish();
            }
            while (true) {
                JsonToken token;
                long line = line(parser);
                try {
                    token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY || token == null) {
                        break;
                    }
                    line = line(parser);
                    JsonNode node = mapper.readTree(parser);
                    if (!node.isObject()) {
                        batch.skip(line, "expected an object with id, title and body");
                        continue;
                    }
                    batch.add(line, text(node, "id"), text(node, "title"), text(node, "body"), tags(node.get("tags")));
                } catch (JsonProcessingException e) {
                    batch.stop(e.getLocation() == null ? line : e.getLocation().getLineNr(),
                            "unreadable JSON from here on: " + e.getOriginalMessage());
                    break;
                }
            }
        }
        return batch.finish();
    }

    /** Imports CSV with a header row. */
    public ImportReport importCsv(Reader in, Progress progress) throws IOException {
        Batch batch = new Batch(progress);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            List<String> missing = new ArrayList<>();
            for (String required : new String[] {"id", "title", "body"}) {
                if (!header.containsKey(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                batch.stop(1, "the header row must name the columns id, title and body (missing: "
                        + String.join(", ", missing) + ")");
                return batch.finish();
            }
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    batch.stop(parser.getCurrentLineNumber(), "unreadable CSV from here on: " + e.getMessage());
                    break;
                }
                // The parser stands at the record's last line; a quoted cell may have spanned several.
                long line = parser.getCurrentLineNumber() - newlinesIn(record);
                batch.add(line, cell(record, header, "id"), cell(record, header, "title"), cell(record, header, "body"),
                        splitTags(cell(record, header, "tags")));
            }
        }
        return batch.finish();
    }

    /** Lines a record spans beyond its first (quoted cells with line breaks). */
    private static long newlinesIn(CSVRecord record) {
        long lines = 0;
        for (String value : record) {
            lines += value.chars().filter(c -> c == '\n').count();
        }
        return lines;
    }

    private static String cell(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    private static long line(JsonParser parser) {
        return parser.currentLocation().getLineNr();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : "";
    }

    private static List<String> tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return splitTags(node.asText());
        }
        List<String> tags = new ArrayList<>();
        node.forEach(tag -> {
            if (tag.isValueNode() && !tag.asText().isBlank()) {
                tags.add(tag.asText().strip());
            }
        });
        return tags;
    }

    private static List<String> splitTags(String tags) {
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Validates rows, batches the good ones into the source, and keeps the report. */
    private final class Batch {
        private final Progress progress;
        private final List<Article> pending = new ArrayList<>();
        private final List<SkippedRow> skipped = new ArrayList<>();
        private final Map<String, Long> seen = new HashMap<>();
        private int imported;
        private long rows;
        private boolean complete = true;

        Batch(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
        }

        void add(long line, String id, String title, String body, List<String> tags) {
            rows++;
            if (rows % PROGRESS_EVERY == 0) {
                progress.rowsRead(rows);
            }
            Long first = seen.get(id.strip());
            if (first != null) {
                skip(line, "duplicate id '" + id.strip() + "' (first at line " + first + ")");
                return;
            }
            Article article;
            try {
                article = new Article(new ArticleId(id.strip()), title.strip(), body.strip(), tags);
            } catch (IllegalArgumentException | NullPointerException e) {
                skip(line, reasonFor(id, title, body, e));
                return;
            }
            seen.put(id.strip(), line);
            pending.add(article);
            if (pending.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void skip(long line, String reason) {
            skipped.add(new SkippedRow(line, reason));
        }

        void stop(long line, String reason) {
            skip(line, reason);
            complete = false;
        }

        ImportReport finish() {
            flush();
            return new ImportReport(imported, skipped, complete);
        }

        private void flush() {
            if (!pending.isEmpty()) {
                target.save(List.copyOf(pending));
                imported += pending.size();
                pending.clear();
            }
        }

        private static String reasonFor(String id, String title, String body, RuntimeException e) {
            if (id.isBlank()) {
                return "no id";
            }
            if (title.isBlank()) {
                return "no title";
            }
            if (body.isBlank()) {
                return "no body";
            }
            return e.getMessage();
        }
    }
}
