package dev.forgebot.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    private static final KnowledgeBase FIXTURE = KnowledgeBase.of(KnowledgeFixtures.articles());

    private static Article article(String id, String title, String body, String... tags) {
        return new Article(new ArticleId(id), title, body, List.of(tags));
    }

    private static List<String> ids(List<ScoredArticle> hits) {
        return hits.stream().map(hit -> hit.article().id().value()).toList();
    }

    @Test
    void emptyBlankAndEmojiOnlyQueriesFindNothing() {
        // Arrange
        List<String> queries = List.of("", "   \t\n", "👍🙏🔥", "?! ...", "\u200B\u200D");

        // Act & Assert
        assertThat(queries).allSatisfy(query -> assertThat(FIXTURE.search(query, 5)).isEmpty());
    }

    @Test
    void emptyBaseFindsNothing() {
        // Arrange
        KnowledgeBase base = KnowledgeBase.empty();

        // Act
        List<ScoredArticle> hits = base.search("refund", 5);

        // Assert
        assertThat(hits).isEmpty();
        assertThat(base.size()).isZero();
        assertThat(base.articles()).isEmpty();
        assertThat(KnowledgeBase.of(List.of()).search("refund", 5)).isEmpty();
    }

    @Test
    void hebrewAndArabicArticlesAreFoundByQueriesInTheirScript() {
        // Arrange
        KnowledgeBase base = KnowledgeBase.of(List.of(
                article("he-prices", "מחירים", "התוכנית הבסיסית עולה 12 דולר למשתמש בחודש", "מחיר"),
                article("ar-refund", "استرداد الأموال", "يمكنك طلب استرداد الأموال خلال 30 يوما", "استرداد"),
                article("en-refund", "Refund policy", "Annual plans can be refunded within 30 days.")));

        // Act
        List<ScoredArticle> hebrew = base.search("\u200Fמחירים למשתמש?", 3);
        List<ScoredArticle> arabic = base.search("كيف استرداد الأموال", 3);

        // Assert
        assertThat(ids(hebrew)).containsExactly("he-prices");
        assertThat(ids(arabic).getFirst()).isEqualTo("ar-refund");
    }

    @Test
    void rightToLeftQueryAgainstAnEnglishBaseFindsNothingRatherThanFailing() {
        // Arrange
        String query = "כמה עולה המנוי? كم سعر الاشتراك";

        // Act
        List<ScoredArticle> hits = FIXTURE.search(query, 5);

        // Assert
        assertThat(hits).isEmpty();
    }

    @Test
    void zeroWidthCharactersInsideQueryWordsStillMatch() {
        // Arrange
        String plain = "refund policy";
        String hidden = "re\u200Bfund pol\u200Dicy\uFEFF";

        // Act
        List<ScoredArticle> expected = FIXTURE.search(plain, 3);
        List<ScoredArticle> actual = FIXTURE.search(hidden, 3);

        // Assert
        assertThat(actual).isNotEmpty().isEqualTo(expected);
        assertThat(ids(actual).getFirst()).isEqualTo("refund-policy");
    }

    @Test
    void tenThousandCharacterQueryIsAnsweredWithValidScores() {
        // Arrange
        StringBuilder query = new StringBuilder();
        for (int i = 0; query.length() < 10_000; i++) {
            query.append("refund invoice word").append(i).append(' ');
        }
        String longQuery = query.substring(0, 10_000);

        // Act
        List<ScoredArticle> hits = FIXTURE.search(longQuery, 10);

        // Assert
        assertThat(longQuery).hasSize(10_000);
        assertThat(hits).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
        assertThat(hits.getFirst().score()).as("a question made of unknown words scores low").isLessThan(0.1);
    }

    @Test
    void articlesWithIdenticalContentAreBothReturnedWithEqualScoresOrderedById() {
        // Arrange
        KnowledgeBase base = KnowledgeBase.of(List.of(
                article("zz-copy", "Refund policy", "Annual plans can be refunded within 30 days.", "refund"),
                article("aa-original", "Refund policy", "Annual plans can be refunded within 30 days.", "refund"),
                article("other", "Pricing", "Plans start at 12 dollars.")));

        // Act
        List<ScoredArticle> hits = base.search("refund", 5);

        // Assert
        assertThat(base.size()).isEqualTo(3);
        assertThat(ids(hits)).containsExactly("aa-original", "zz-copy");
        assertThat(hits.get(0).score()).isEqualTo(hits.get(1).score());
    }

    @Test
    void duplicateArticleIdIsRejectedNamingTheId() {
        // Arrange
        List<Article> articles = List.of(
                article("refund-policy", "Refund policy", "One body."),
                article("refund-policy", "Refunds", "Another body."));

        // Act & Assert
        assertThatThrownBy(() -> KnowledgeBase.of(articles))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate article id")
                .hasMessageContaining("refund-policy");
    }

    @Test
    void equalScoresAreOrderedByArticleIdWhateverTheInputOrder() {
        // Arrange
        List<Article> articles = new ArrayList<>();
        for (String id : List.of("delta", "alpha", "charlie", "bravo")) {
            articles.add(article(id, "Slack " + id.charAt(0), "Notifications go to Slack."));
        }

        // Act
        List<ScoredArticle> hits = KnowledgeBase.of(articles).search("slack", 10);

        // Assert
        assertThat(ids(hits)).containsExactly("alpha", "bravo", "charlie", "delta");
        assertThat(hits).extracting(ScoredArticle::score).containsOnly(hits.getFirst().score());
    }

    @Test
    void hitsAreRankedByScoreDescending() {
        // Act
        List<ScoredArticle> hits = FIXTURE.search("how do I export my invoices to csv", 10);

        // Assert
        assertThat(hits).extracting(ScoredArticle::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void scoresStayWithinZeroAndOneForEveryFixtureQuestionAndTitle() {
        // Arrange
        List<String> queries = new ArrayList<>();
        KnowledgeFixtures.questions().forEach(question -> queries.add(question.text()));
        FIXTURE.articles().forEach(article -> queries.add(article.title() + " " + article.body()));

        // Act & Assert
        assertThat(queries).allSatisfy(query -> assertThat(FIXTURE.search(query, 100))
                .allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0)));
    }

    @Test
    void exactTitleQueryFindsThatArticleWithAScoreNearOne() {
        // Act & Assert
        assertThat(FIXTURE.articles()).allSatisfy(article -> {
            ScoredArticle top = FIXTURE.search(article.title(), 1).getFirst();
            assertThat(top.article()).as(article.title()).isEqualTo(article);
            assertThat(top.score()).as(article.title()).isGreaterThanOrEqualTo(0.75);
        });
    }

    @Test
    void unknownWordsLowerTheScoreOfAnOtherwiseGoodMatch() {
        // Act
        double focused = FIXTURE.search("refund policy", 1).getFirst().score();
        double diluted = FIXTURE.search("refund policy zorblax quintessa", 1).getFirst().score();

        // Assert
        assertThat(diluted).isLessThan(focused / 2);
    }

    @Test
    void oneTypoInALongWordStillFindsTheArticle() {
        // Act
        List<ScoredArticle> hits = FIXTURE.search("quickbooks integraton", 1);

        // Assert
        assertThat(ids(hits)).containsExactly("quickbooks-xero-integration");
    }

    @Test
    void limitCapsTheNumberOfHits() {
        // Act
        List<ScoredArticle> hits = FIXTURE.search("plan invoice payment api data", 3);

        // Assert
        assertThat(hits).hasSize(3);
        assertThat(FIXTURE.search("plan invoice payment api data", Integer.MAX_VALUE)).hasSizeGreaterThan(3);
    }

    @Test
    void nonPositiveLimitIsRejected() {
        // Act & Assert
        assertThatThrownBy(() -> FIXTURE.search("refund", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> FIXTURE.search("refund", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    void findReturnsTheArticleByIdAndArticlesAreOrderedById() {
        // Act & Assert
        assertThat(FIXTURE.find(new ArticleId("refund-policy"))).get().extracting(Article::title).isEqualTo("Refund policy");
        assertThat(FIXTURE.find(new ArticleId("no-such-article"))).isEmpty();
        assertThat(FIXTURE.articles()).extracting(Article::id).isSorted();
        assertThat(FIXTURE.size()).isEqualTo(FIXTURE.articles().size());
    }

    @Test
    void articleRejectsBlankFieldsAndCopiesItsTags() {
        // Arrange
        List<String> tags = new ArrayList<>(List.of("refund"));

        // Act
        Article article = article("id", "Title", "Body", tags.toArray(String[]::new));
        tags.add("changed");

        // Assert
        assertThat(article.tags()).containsExactly("refund");
        assertThatThrownBy(() -> article("id", " ", "Body")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> article("id", "Title", "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> new ArticleId(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> new ArticleId("x".repeat(201))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200");
        assertThat(new ArticleId("x".repeat(200)).value()).hasSize(200);
    }
}
