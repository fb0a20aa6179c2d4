package dev.forgebot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ArticleId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link KnowledgeSource} contract: {@code loadAll} returns every article ordered by id, paging
 * through the store as needed; {@code save} is an upsert on the id (a true update of title, body
 * and tags) that leaves other articles alone and says how many it wrote; unicode, long bodies and
 * empty tag lists round-trip.
 *
 * <p>An adapter uses it by subclassing it as {@code <Technology>KnowledgeSourceContractTest} and
 * returning a fresh, empty source from {@link #newStore()}; one that pages overrides
 * {@link #moreThanOnePage()} to exceed its page size. Ids in these tests are lower-case ASCII
 * slugs, whose order is the same in every collation. Thread-free.
 */
public abstract class KnowledgeSourceContract {

    private KnowledgeSource source;

    /** A fresh, empty source; called once per test. */
    protected abstract KnowledgeSource newStore();

    /** How many articles to save to be sure {@code loadAll} has to page. The default is 1,050. */
    protected int moreThanOnePage() {
        return 1_050;
    }

    @BeforeEach
    void createStore() {
        source = newStore();
    }

    private static Article article(String id, String title) {
        return new Article(new ArticleId(id), title, "Body of " + title + ".", List.of("tag-" + id));
    }

    @Test
    void anEmptySourceLoadsNothing() {
        assertThat(source.loadAll()).isEmpty();
    }

    @Test
    void savedArticlesAreLoadedOrderedById() {
        Article shipping = article("c-shipping", "Shipping");
        Article billing = article("a-billing", "Billing");
        Article refunds = article("b-refunds", "Refunds");

        int written = source.save(List.of(shipping, billing, refunds));

        assertThat(written).isEqualTo(3);
        assertThat(source.loadAll()).containsExactly(billing, refunds, shipping);
    }

    @Test
    void saveReplacesTheTitleBodyAndTagsOfAnArticleWithTheSameId() {
        source.save(List.of(article("a-billing", "Billing"), article("b-refunds", "Refunds")));
        Article rewritten = new Article(new ArticleId("a-billing"), "Invoices", "Invoices go out monthly.",
                List.of("invoice", "vat"));

        int written = source.save(List.of(rewritten));

        assertThat(written).isEqualTo(1);
        assertThat(source.loadAll()).containsExactly(rewritten, article("b-refunds", "Refunds"));
    }

    @Test
    void saveCanClearAnArticlesTags() {
        source.save(List.of(article("a-billing", "Billing")));
        Article untagged = new Article(new ArticleId("a-billing"), "Billing", "Body.", List.of());

        source.save(List.of(untagged));

        assertThat(source.loadAll()).containsExactly(untagged);
    }

    @Test
    void savingNothingWritesNothing() {
        source.save(List.of(article("a-billing", "Billing")));

        int written = source.save(List.of());

        assertThat(written).isZero();
        assertThat(source.loadAll()).containsExactly(article("a-billing", "Billing"));
    }

    @Test
    void unicodeAndLongArticlesRoundTripIntact() {
        Article unicode = new Article(new ArticleId("a-unicode"), SampleTexts.UNICODE, SampleTexts.UNICODE,
                List.of("возврат", "🦊", "שלום"));
        Article longBody = new Article(new ArticleId("b-long"), "Long", SampleTexts.ofLength(10_000), List.of());

        source.save(List.of(longBody, unicode));

        assertThat(source.loadAll()).containsExactly(unicode, longBody);
    }

    @Test
    void loadAllReturnsEveryArticleWhenThereAreMoreThanOnePage() {
        List<Article> articles = new ArrayList<>(IntStream.range(0, moreThanOnePage())
                .mapToObj(i -> article("article-%05d".formatted(i), "Article " + i))
                .toList());
        List<Article> expected = List.copyOf(articles);
        Collections.reverse(articles);

        source.save(articles);

        assertThat(source.loadAll()).containsExactlyElementsOf(expected);
    }
}
