package dev.forgebot.adapter.insforge.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A records query: table, columns, filters, order and one page. Immutable and thread-safe; every
 * method returns a new query. {@code select}, {@code order}, {@code limit} and {@code offset} are
 * always sent (defaults {@code *}, {@code id.asc}, 100, 0), because a server without max-rows returns
 * every row and a silent cap of 1000 applies on InsForge Cloud. No query key is ever sent twice: two
 * conditions on one column (or two and/or trees) are folded into a single {@code and=(...)}.
 *
 * <pre>{@code
 * RecordsQuery.from("leads")
 *     .select("id", "name")
 *     .where(Filter.gte("created_at", from), Filter.lt("created_at", to))
 *     .orderBy("created_at", Direction.DESC)
 *     .limit(50);
 * }</pre>
 */
public final class RecordsQuery {

    /** Largest page InsForge documents. */
    public static final int MAX_LIMIT = 1000;

    private final String table;
    private final List<String> columns;
    private final List<Filter> filters;
    private final List<String> order;
    private final int limit;
    private final int offset;

    private RecordsQuery(String table, List<String> columns, List<Filter> filters, List<String> order,
                         int limit, int offset) {
        this.table = table;
        this.columns = columns;
        this.filters = filters;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
    }

    /** A query on {@code table}: all columns, no filter, {@code id.asc}, first 100 rows. */
    public static RecordsQuery from(String table) {
        return new RecordsQuery(table(table), List.of("*"), List.of(), List.of(), 100, 0);
    }

    static String table(String table) {
        return Filter.column(table);
    }

    /** Only these columns (replaces the previous selection). */
    public RecordsQuery select(String... cols) {
        Objects.requireNonNull(cols, "cols");
        if (cols.length == 0) {
            throw new IllegalArgumentException("select needs at least one column");
        }
        List<String> checked = new ArrayList<>();
        for (String c : cols) {
            checked.add(Filter.column(c));
        }
        return new RecordsQuery(table, List.copyOf(checked), filters, order, limit, offset);
    }

    /** Adds conditions; all of them must hold. */
    public RecordsQuery where(Filter... conditions) {
        List<Filter> all = new ArrayList<>(filters);
        for (Filter f : conditions) {
            all.add(Objects.requireNonNull(f, "condition"));
        }
        return new RecordsQuery(table, columns, List.copyOf(all), order, limit, offset);
    }

    /** Adds a sort key (the first call gives the primary key of the sort). */
    public RecordsQuery orderBy(String column, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        List<String> all = new ArrayList<>(order);
        all.add(Filter.column(column) + "." + direction.name().toLowerCase(java.util.Locale.ROOT));
        return new RecordsQuery(table, columns, filters, List.copyOf(all), limit, offset);
    }

    /** Page size, 0 to {@value #MAX_LIMIT}. */
    public RecordsQuery limit(int newLimit) {
        if (newLimit < 0 || newLimit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT);
        }
        return new RecordsQuery(table, columns, filters, order, newLimit, offset);
    }

    /** Rows to skip. */
    public RecordsQuery offset(int newOffset) {
        if (newOffset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        return new RecordsQuery(table, columns, filters, order, limit, newOffset);
    }

    /** The next page: same query, offset advanced by the limit. */
    public RecordsQuery nextPage() {
        return offset(Math.addExact(offset, limit));
    }

    /** The table queried. */
    public String table() {
        return table;
    }

    /** The page size. */
    public int limit() {
        return limit;
    }

    /** The offset. */
    public int offset() {
        return offset;
    }

    List<Filter> filters() {
        return filters;
    }

    /** The full, encoded query string (no leading {@code ?}). */
    String toQueryString() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("select", String.join(",", columns));
        params.putAll(filterParams(filters));
        params.put("order", order.isEmpty() ? "id.asc" : String.join(",", order));
        params.put("limit", Integer.toString(limit));
        params.put("offset", Integer.toString(offset));
        return encode(params);
    }

    /**
     * Filters as top-level parameters, each key once: a key used by more than one condition, and every
     * explicit {@code and} tree, goes into one {@code and=(...)}.
     */
    static Map<String, String> filterParams(List<Filter> filters) {
        Map<String, List<Filter>> byKey = new LinkedHashMap<>();
        for (Filter f : filters) {
            byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
        }
        Map<String, String> params = new LinkedHashMap<>();
        List<Filter> folded = new ArrayList<>();
        for (Map.Entry<String, List<Filter>> e : byKey.entrySet()) {
            List<Filter> group = e.getValue();
            if (e.getKey().equals("and")) {
                for (Filter tree : group) {
                    folded.addAll(tree.children());
                }
            } else if (group.size() > 1) {
                folded.addAll(group);
            } else {
                params.put(e.getKey(), group.get(0).topLevelValue());
            }
        }
        if (!folded.isEmpty()) {
            params.put("and", Filter.and(folded.toArray(Filter[]::new)).topLevelValue());
        }
        return params;
    }

    static String encode(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(QueryEncoding.percentEncode(e.getKey())).append('=')
                    .append(QueryEncoding.percentEncode(e.getValue()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "RecordsQuery[table=" + table + ", filters=" + filters.size() + ", limit=" + limit
                + ", offset=" + offset + "]";
    }
}
