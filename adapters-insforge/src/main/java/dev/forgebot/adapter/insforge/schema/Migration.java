package dev.forgebot.adapter.insforge.schema;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration file: {@code forgebot-<14-digit timestamp>-<name>.sql}. The migration's name is the
 * file name without {@code .sql} (design.md: migrations are named {@code forgebot-<timestamp>-<name>}),
 * its version the timestamp. {@code tables} come from a {@code -- tables: a, b} line in the SQL; a
 * table without an {@code id} column names the column to order its check by: {@code inbox(sequence)}.
 *
 * @param version the 14-digit timestamp
 * @param name    e.g. {@code forgebot-20261129000000-schema}
 * @param sql     the SQL text
 * @param tables  the tables it creates, to verify afterwards
 */
public record Migration(String version, String name, String sql, List<String> tables) {

    static final Pattern FILE = Pattern.compile("(forgebot-(\\d{14})-[a-z0-9]+(?:-[a-z0-9]+)*)\\.sql");
    private static final Pattern TABLES = Pattern.compile("(?im)^\\s*--\\s*tables:\\s*(.*)$");
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}(?:\\([a-z_][a-z0-9_]{0,62}\\))?");

    public Migration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        tables = List.copyOf(tables);
    }

    /**
     * Reads a migration from its file name and text.
     *
     * @throws IllegalArgumentException if the name does not follow the pattern or a table name is invalid
     */
    static Migration of(String fileName, String sql) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration file name must be forgebot-<14 digits>-<name>.sql: "
                    + fileName);
        }
        List<String> tables = new java.util.ArrayList<>();
        Matcher t = TABLES.matcher(sql);
        while (t.find()) {
            for (String table : t.group(1).split(",")) {
                String s = table.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (!TABLE.matcher(s).matches()) {
                    throw new IllegalArgumentException("invalid table name in " + fileName + ": " + s);
                }
                tables.add(s);
            }
        }
        return new Migration(m.group(2), m.group(1), sql, tables);
    }
}
