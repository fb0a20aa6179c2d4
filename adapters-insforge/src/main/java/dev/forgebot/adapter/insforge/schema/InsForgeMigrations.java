package dev.forgebot.adapter.insforge.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.InsForgePermanentException;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.PermanentStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ships forgebot's schema to InsForge through the migrations API. The migrations are listed, one file
 * name a line and in order, in a classpath index ({@link #DEFAULT_INDEX}); each file sits next to it.
 *
 * <p>Migrations are compared with the server's history <b>by name</b>. {@link #migrate()} applies only
 * the missing ones, in order ({@code POST /api/database/migrations}, one attempt each); a 409 for a
 * migration whose name then shows up in the history counts as applied, while a 409 for one whose name
 * is still missing means its version was refused (an older version than the last applied) and fails
 * with a {@link PermanentStorageException} naming it. Afterwards every table named in a
 * {@code -- tables:} line is checked to exist. Running it twice changes nothing.
 *
 * <p>The migration files are read once, at construction; a missing or malformed index or file throws
 * {@link IllegalArgumentException} there. Thread-safe.
 */
public final class InsForgeMigrations {

    /** The classpath index of forgebot's own migrations. */
    public static final String DEFAULT_INDEX = "dev/forgebot/adapter/insforge/schema/migrations.txt";

    static final String PATH = "/api/database/migrations";
    private static final Logger log = LoggerFactory.getLogger(InsForgeMigrations.class);

    private final InsForgeHttpClient client;
    private final List<Migration> migrations;

    /** Migrations from {@link #DEFAULT_INDEX}. */
    public InsForgeMigrations(InsForgeHttpClient client) {
        this(client, DEFAULT_INDEX);
    }

    /** Migrations from the classpath index at {@code indexPath}. */
    public InsForgeMigrations(InsForgeHttpClient client, String indexPath) {
        this.client = Objects.requireNonNull(client, "client");
        this.migrations = load(Objects.requireNonNull(indexPath, "indexPath"));
    }

    /**
     * The migrations a classpath index names, in order, read without contacting InsForge (what
     * {@code forgebot schema} prints).
     *
     * @throws IllegalArgumentException if the index or a file is missing, misnamed or out of order
     */
    public static List<Migration> load(String indexPath) {
        ClassLoader cl = InsForgeMigrations.class.getClassLoader();
        String dir = indexPath.contains("/") ? indexPath.substring(0, indexPath.lastIndexOf('/') + 1) : "";
        List<Migration> out = new ArrayList<>();
        Set<String> versions = new LinkedHashSet<>();
        String previous = "";
        for (String line : read(cl, indexPath).split("\\R")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            Migration m = Migration.of(file, read(cl, dir + file));
            if (!versions.add(m.version()) || m.version().compareTo(previous) <= 0) {
                throw new IllegalArgumentException("migration versions must rise strictly in " + indexPath
                        + ": " + file);
            }
            previous = m.version();
            out.add(m);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no migrations listed in " + indexPath);
        }
        return List.copyOf(out);
    }

    private static String read(ClassLoader cl, String resource) {
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("classpath resource not found: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The migrations this build ships, in order. */
    public List<Migration> migrations() {
        return migrations;
    }

    /** The names of shipped migrations missing from the server's history, in order. Reads the history. */
    public List<String> pending() {
        Set<String> applied = appliedNames();
        return migrations.stream().map(Migration::name).filter(n -> !applied.contains(n)).toList();
    }

    /** Applies the missing migrations in order and verifies their tables; see the class comment. */
    public MigrateReport migrate() {
        Set<String> history = appliedNames();
        List<String> applied = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Migration m : migrations) {
            if (history.contains(m.name())) {
                already.add(m.name());
                continue;
            }
            try {
                client.adminPost(PATH, Map.of("version", m.version(), "name", m.name(), "sql", m.sql()));
                log.info("insforge migration applied name={} version={}", m.name(), m.version());
                applied.add(m.name());
            } catch (InsForgePermanentException e) {
                if (e.status().orElse(0) != 409) {
                    throw new PermanentStorageException("schema.migrate", "migration " + m.name()
                            + " failed: " + e.getMessage(), e);
                }
                if (!appliedNames().contains(m.name())) {
                    throw new PermanentStorageException("schema.migrate", "migration " + m.name()
                            + " is not in the server's history but its version " + m.version()
                            + " was refused (409): a newer migration was applied first; the schema needs"
                            + " a migration with a later version");
                }
                log.info("insforge migration already applied (409) name={}", m.name());
                already.add(m.name());
            }
        }
        List<String> tables = verifyTables();
        return new MigrateReport(applied, already, tables);
    }

    /** Checks every table the migrations name exists (a count with limit 0 on each). */
    List<String> verifyTables() {
        List<String> checked = new ArrayList<>();
        for (Migration m : migrations) {
            for (String table : m.tables()) {
                try {
                    int paren = table.indexOf('(');
                    if (paren < 0) {
                        client.count(table, List.of());
                    } else {
                        // PostgREST refuses an order on a column the table lacks; the default is id.
                        client.count(RecordsQuery.from(table.substring(0, paren))
                                .orderBy(table.substring(paren + 1, table.length() - 1), Direction.ASC));
                    }
                } catch (InsForgePermanentException e) {
                    throw new PermanentStorageException("schema.verify", "table " + table + " (from "
                            + m.name() + ") is not readable after migrating: " + e.getMessage(), e);
                }
                checked.add(table);
            }
        }
        return checked;
    }

    /** The SQL of every migration, in order, each under a comment naming it (for the {@code schema} command). */
    public String schemaSql() {
        StringBuilder sb = new StringBuilder();
        for (Migration m : migrations) {
            sb.append("-- migration: ").append(m.name()).append(" (version ").append(m.version()).append(")\n");
            sb.append(m.sql().strip()).append("\n\n");
        }
        return sb.toString();
    }

    private Set<String> appliedNames() {
        JsonNode reply = client.adminGet(PATH);
        JsonNode list = reply.isArray() ? reply : reply.path("migrations");
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode m : list) {
            if (m.hasNonNull("name")) {
                names.add(m.get("name").asText());
            }
        }
        return names;
    }
}
