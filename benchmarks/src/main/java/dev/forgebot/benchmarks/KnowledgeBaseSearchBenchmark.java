package dev.forgebot.benchmarks;

import dev.forgebot.domain.knowledge.KnowledgeBase;
import dev.forgebot.domain.knowledge.ScoredArticle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latency of one {@link KnowledgeBase#search(String, int)} over a base of 2,000 articles: the
 * topics of a small SaaS business plus synthetic articles drawn deterministically from a seeded
 * random generator over a support vocabulary. Queries cycle through a mix of short, long, typo'd
 * and off-topic customer questions. SampleTime mode reports the median and p99.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KnowledgeBaseSearch -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KnowledgeBaseSearchBenchmark {

    static final String[] QUERIES = {
        "how much does it cost",
        "refund please",
        "how do i cancel my subscription",
        "Hi, we are a team of 8 people, could you tell me what the different plans are and what they cost?",
        "do you integrate with quickbooks",
        "quickbook integraton",
        "getting 429 too many requests from the api",
        "where are your servers located, can we keep data in the EU?",
        "forgot my password",
        "what's the weather like in Berlin tomorrow",
        "can my customers see their invoices online and pay by card",
        "export invoices to csv",
        "do you support sso with okta",
        "lol",
        "is there an iphone app",
        "we ran out of space, can we buy more storage",
    };

    @Param("2000")
    private int articles;

    private KnowledgeBase base;
    private int next;

    /** Builds the base once per fork; the same seed gives the same articles every run. */
    @Setup
    public void buildBase() {
        base = KnowledgeBase.of(SyntheticKnowledge.articles(articles));
    }

    /** One search for the next query of the mix, top 5 hits. */
    @Benchmark
    public List<ScoredArticle> search() {
        String query = QUERIES[next];
        next = (next + 1) % QUERIES.length;
        return base.search(query, 5);
    }
}
