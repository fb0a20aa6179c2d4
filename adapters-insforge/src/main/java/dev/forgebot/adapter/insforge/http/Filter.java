package dev.forgebot.adapter.insforge.http;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One condition of a records query, encoded the way PostgREST 12 reads it. Immutable and
 * thread-safe. Build it only through the factories, which validate column names and refuse a NUL
 * character anywhere:
 * <ul>
 *   <li>scalar comparisons ({@link #eq}, {@link #neq}, {@link #gt}, {@link #gte}, {@link #lt},
 *       {@link #lte}) send the value literally after {@code op.} (then percent-encoded), so any
 *       text is matched exactly;</li>
 *   <li>{@link #in} and the {@link #and}/{@link #or} trees double-quote values holding a reserved
 *       character and backslash-escape {@code "} and {@code \} inside;</li>
 *   <li>{@link #like}/{@link #ilike} take only a {@link LikePattern}, which escapes customer text;</li>
 *   <li>{@link #is} takes only a {@link IsValue}.</li>
 * </ul>
 */
public final class Filter {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final List<String> RESERVED_KEYS =
            List.of("select", "order", "limit", "offset", "and", "or", "on_conflict", "schema", "columns");

    enum Kind { SCALAR, IN, AND, OR }

    private final Kind kind;
    private final String column;
    private final String operator;
    private final String value;
    private final List<String> values;
    private final List<Filter> children;

    private Filter(Kind kind, String column, String operator, String value, List<String> values,
                   List<Filter> children) {
        this.kind = kind;
        this.column = column;
        this.operator = operator;
        this.value = value;
        this.values = values;
        this.children = children;
    }

    /** {@code column = value}. */
    public static Filter eq(String column, Object value) {
        return scalar(column, "eq", value);
    }

    /** {@code column <> value}. */
    public static Filter neq(String column, Object value) {
        return scalar(column, "neq", value);
    }

    /** {@code column > value}. */
    public static Filter gt(String column, Object value) {
        return scalar(column, "gt", value);
    }

    /** {@code column >= value}. */
    public static Filter gte(String column, Object value) {
        return scalar(column, "gte", value);
    }

    /** {@code column < value}. */
    public static Filter lt(String column, Object value) {
        return scalar(column, "lt", value);
    }

    /** {@code column <= value}. */
    public static Filter lte(String column, Object value) {
        return scalar(column, "lte", value);
    }

    /** {@code column LIKE pattern} (case-sensitive). */
    public static Filter like(String column, LikePattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new Filter(Kind.SCALAR, column(column), "like", pattern.encoded(), null, null);
    }

    /** {@code column ILIKE pattern} (case-insensitive). */
    public static Filter ilike(String column, LikePattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new Filter(Kind.SCALAR, column(column), "ilike", pattern.encoded(), null, null);
    }

    /** {@code column IS null|true|false|unknown}. */
    public static Filter is(String column, IsValue value) {
        Objects.requireNonNull(value, "value");
        return new Filter(Kind.SCALAR, column(column), "is", value.wire(), null, null);
    }

    /** {@code column IN (values...)}; at least one value. */
    public static Filter in(String column, List<?> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("in() needs at least one value");
        }
        List<String> texts = values.stream().map(Filter::text).toList();
        return new Filter(Kind.IN, column(column), "in", null, texts, null);
    }

    /** All of the conditions; at least one. */
    public static Filter and(Filter... conditions) {
        return tree(Kind.AND, conditions);
    }

    /** Any of the conditions; at least one. */
    public static Filter or(Filter... conditions) {
        return tree(Kind.OR, conditions);
    }

    private static Filter tree(Kind kind, Filter... conditions) {
        Objects.requireNonNull(conditions, "conditions");
        if (conditions.length == 0) {
            throw new IllegalArgumentException(kind + " needs at least one condition");
        }
        return new Filter(kind, null, null, null, null, List.of(conditions));
    }

    private static Filter scalar(String column, String op, Object value) {
        return new Filter(Kind.SCALAR, column(column), op, text(value), null, null);
    }

    static String column(String name) {
        Objects.requireNonNull(name, "column");
        QueryEncoding.refuseNul(name);
        if (!COLUMN.matcher(name).matches() || RESERVED_KEYS.contains(name)) {
            throw new IllegalArgumentException("not an allowed column name: " + name);
        }
        return name;
    }

    private static String text(Object value) {
        Objects.requireNonNull(value, "value");
        String s = value.toString();
        QueryEncoding.refuseNul(s);
        return s;
    }

    Kind kind() {
        return kind;
    }

    List<Filter> children() {
        return children;
    }

    /** The query key this filter occupies at the top level. */
    String key() {
        return switch (kind) {
            case SCALAR, IN -> column;
            case AND -> "and";
            case OR -> "or";
        };
    }

    /** The (unencoded) value of the top-level parameter. */
    String topLevelValue() {
        return switch (kind) {
            case SCALAR -> operator + "." + value;
            case IN -> "in." + QueryEncoding.list(values);
            case AND, OR -> treeBody();
        };
    }

    /** This filter as an element inside an and/or tree. */
    String treeElement() {
        return switch (kind) {
            case SCALAR -> column + "." + operator + "." + QueryEncoding.quoteIfNeeded(value);
            case IN -> column + ".in." + QueryEncoding.list(values);
            case AND -> "and" + treeBody();
            case OR -> "or" + treeBody();
        };
    }

    private String treeBody() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(children.get(i).treeElement());
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "Filter[" + key() + "]";
    }
}
