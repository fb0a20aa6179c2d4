package dev.forgebot.adapter.insforge.http;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsQueryTest {

    private static String q(Filter... filters) {
        return RecordsQuery.from("leads").where(filters).toQueryString();
    }

    private static List<String> keys(String query) {
        return Arrays.stream(query.split("&")).map(p -> p.substring(0, p.indexOf('='))).toList();
    }

    @Test
    void alwaysSendsSelectOrderLimitOffsetWithDefaults() {
        assertThat(RecordsQuery.from("leads").toQueryString())
                .isEqualTo("select=%2A&order=id.asc&limit=100&offset=0");
    }

    @Test
    void scalarValuesAreLiteralAndFullyPercentEncoded() {
        assertThat(q(Filter.eq("name", "a,b"))).contains("&name=eq.a%2Cb&");
        assertThat(q(Filter.eq("name", "x)"))).contains("&name=eq.x%29&");
        assertThat(q(Filter.eq("name", "\"quoted\""))).contains("&name=eq.%22quoted%22&");
        assertThat(q(Filter.eq("name", "&admin=eq.true"))).contains("&name=eq.%26admin%3Deq.true&");
        assertThat(q(Filter.eq("name", "a+b c%"))).contains("&name=eq.a%2Bb%20c%25&");
        assertThat(q(Filter.eq("name", "😀"))).contains("&name=eq.%F0%9F%98%80&");
        assertThat(q(Filter.neq("n", 5), Filter.gt("g", 1), Filter.lte("l", "z")))
                .contains("n=neq.5", "g=gt.1", "l=lte.z");
    }

    @Test
    void hostileValueCannotAddAParameter() {
        String query = q(Filter.eq("name", "&admin=eq.true"));
        assertThat(keys(query)).containsExactly("select", "name", "order", "limit", "offset");
    }

    @Test
    void inListQuotesValuesWithReservedCharactersAndEscapesQuotesAndBackslashes() {
        String query = q(Filter.in("status", List.of("a,b", "x)", "\"q\"", "back\\slash", "plain", "12:30", "")));
        String value = URLDecoder.decode(query.split("&")[1].substring("status=".length()), StandardCharsets.UTF_8);
        assertThat(value).isEqualTo("in.(\"a,b\",\"x)\",\"\\\"q\\\"\",\"back\\\\slash\",plain,\"12:30\",\"\")");
    }

    @Test
    void twoConditionsOnOneColumnGoIntoOneAndTree() {
        String query = q(Filter.gte("created_at", "2026-01-01T00:00:00Z"), Filter.lt("created_at", "2026-02-01T00:00:00Z"),
                Filter.eq("status", "new"));
        assertThat(keys(query)).containsExactly("select", "status", "and", "order", "limit", "offset");
        String and = URLDecoder.decode(query.split("&")[2].substring(4), StandardCharsets.UTF_8);
        assertThat(and).isEqualTo("(created_at.gte.\"2026-01-01T00:00:00Z\",created_at.lt.\"2026-02-01T00:00:00Z\")");
    }

    @Test
    void explicitAndTreesAndRepeatedOrTreesAreFoldedIntoOneAnd() {
        String query = q(Filter.or(Filter.eq("a", "1"), Filter.is("b", IsValue.NULL)),
                Filter.or(Filter.eq("c", "x,y"), Filter.eq("d", "2")),
                Filter.and(Filter.eq("e", "3")));
        assertThat(keys(query)).containsExactly("select", "and", "order", "limit", "offset");
        String and = URLDecoder.decode(query.split("&")[1].substring(4), StandardCharsets.UTF_8);
        assertThat(and).isEqualTo("(or(a.eq.1,b.is.null),or(c.eq.\"x,y\",d.eq.2),e.eq.3)");
    }

    @Test
    void aSingleOrTreeIsSentAsOneTopLevelOrParameter() {
        String query = q(Filter.eq("state", "PENDING"), Filter.or(Filter.is("claimed_until", IsValue.NULL),
                Filter.lte("claimed_until", "2026-11-01T10:00:00.123456Z"), Filter.eq("claimed_by", "instance-a")));

        assertThat(keys(query)).containsExactly("select", "state", "or", "order", "limit", "offset");
        assertThat(query).contains("&or=%28claimed_until.is.null%2Cclaimed_until.lte.%222026-11-01T10%3A00%3A00.123456Z%22"
                + "%2Cclaimed_by.eq.instance-a%29&");
    }

    @Test
    void orTreeQuotesHostileValuesSoTheyCannotCloseTheTreeOrAddAnElement() {
        String hostile = "a,b),claimed_by.neq.\"x\\";
        String query = q(Filter.or(Filter.eq("claimed_by", hostile), Filter.eq("note", "(paren)"),
                Filter.eq("k", "say \"hi\"")));

        assertThat(keys(query)).containsExactly("select", "or", "order", "limit", "offset");
        String or = URLDecoder.decode(query.split("&")[1].substring("or=".length()), StandardCharsets.UTF_8);
        assertThat(or).isEqualTo("(claimed_by.eq.\"a,b),claimed_by.neq.\\\"x\\\\\",note.eq.\"(paren)\","
                + "k.eq.\"say \\\"hi\\\"\")");
        assertThat(query).doesNotContain(",").doesNotContain("(").doesNotContain("\"").doesNotContain("&claimed_by");
    }

    @Test
    void likePatternsEscapeCustomerWildcards() {
        String query = q(Filter.ilike("name", LikePattern.contains("50%_off*\\")));
        String value = URLDecoder.decode(query.split("&")[1].substring(5), StandardCharsets.UTF_8);
        assertThat(value).isEqualTo("ilike.*50\\%\\_off\\*\\\\*");
        assertThat(q(Filter.like("name", LikePattern.startsWith("Ann")))).contains("name=like.Ann%2A");
    }

    @Test
    void isTakesOnlyTheFourKeywords() {
        assertThat(q(Filter.is("deleted_at", IsValue.NULL))).contains("deleted_at=is.null");
        assertThat(q(Filter.is("ok", IsValue.UNKNOWN))).contains("ok=is.unknown");
    }

    @Test
    void refusesNulAnywhere() {
        assertThatThrownBy(() -> Filter.eq("name", "a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.in("name", List.of("ok", "\0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LikePattern.contains("\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordsQuery.from("le\0ads")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnsafeOrReservedColumnNames() {
        assertThatThrownBy(() -> Filter.eq("name=eq.x&admin", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.eq("limit", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.eq("or", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordsQuery.from("leads").select("a,b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderPagingAndLongValues() {
        RecordsQuery page = RecordsQuery.from("leads").select("id", "name").orderBy("created_at", Direction.DESC)
                .orderBy("id", Direction.ASC).limit(50);
        assertThat(page.nextPage().nextPage().toQueryString())
                .isEqualTo("select=id%2Cname&order=created_at.desc%2Cid.asc&limit=50&offset=100");
        String longValue = "x".repeat(5000);
        assertThat(q(Filter.eq("name", longValue))).contains("name=eq." + longValue + "&");
        assertThatThrownBy(() -> RecordsQuery.from("leads").limit(1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
