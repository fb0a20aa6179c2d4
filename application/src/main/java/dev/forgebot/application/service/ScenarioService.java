package dev.forgebot.application.service;

import dev.forgebot.application.port.in.RunScenarios;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LoggedQuestion;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.domain.knowledge.Article;
import dev.forgebot.domain.knowledge.ScoredArticle;
import dev.forgebot.domain.scenario.QuestionCluster;
import dev.forgebot.domain.scenario.QuestionClusterer;
import dev.forgebot.domain.scenario.ScenarioDraft;
import dev.forgebot.domain.scenario.UnansweredQuestion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the questions the bot could not answer into scenario drafts: clusters the questions asked
 * since the last run, and stores one draft per cluster with a suggested answer, worded by the
 * language model when one is configured, else taken from the nearest article. Drafts are keyed by
 * the run's window, so a run repeated after a crash stores nothing twice.
 *
 * <p>A window holds at most {@code maxQuestions}; when there are more, the window ends before the
 * last question read and the rest is left for the next run, so nothing is skipped.
 *
 * <p>Thread-safe if not run concurrently with itself (the supervised loop runs it one pass at a
 * time). Storage failures propagate; the window is recorded only after every draft is stored.
 */
public final class ScenarioService implements RunScenarios {

    private static final Logger log = LoggerFactory.getLogger(ScenarioService.class);

    private static final int NEAREST_ARTICLES = 3;
    private static final int MAX_SUGGESTION_LENGTH = 2_000;

    private final QuestionLog questions;
    private final ScenarioRepository scenarios;
    private final KnowledgeService knowledge;
    private final Optional<LanguageModel> model;
    private final QuestionClusterer clusterer;
    private final Clock clock;
    private final int maxQuestions;

    public ScenarioService(QuestionLog questions, ScenarioRepository scenarios, KnowledgeService knowledge,
            Optional<LanguageModel> model, QuestionClusterer clusterer, Clock clock, int maxQuestions) {
        this.questions = Objects.requireNonNull(questions, "questions");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.model = Objects.requireNonNull(model, "model");
        this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxQuestions < 2) {
            throw new IllegalArgumentException("maxQuestions must be at least 2, was " + maxQuestions);
        }
        this.maxQuestions = maxQuestions;
    }

    @Override
    public ScenarioRun runOnce() {
        Instant since = scenarios.lastRunUntil().orElse(Instant.EPOCH);
        Instant until = clock.instant();
        List<LoggedQuestion> asked = questions.askedBetween(since, until, maxQuestions);
        if (asked.size() == maxQuestions) {
            // More may be waiting: end this window at the last question read, whose peers at the
            // same instant (and everything after) belong to the next window.
            Instant last = asked.getLast().askedAt();
            List<LoggedQuestion> before = asked.stream().filter(q -> q.askedAt().isBefore(last)).toList();
            if (!before.isEmpty()) {
                asked = before;
                until = last;
            }
            log.info("scenario window capped questions={} until={}", asked.size(), until);
        }
        List<QuestionCluster> clusters = clusterer.cluster(asked.stream()
                .filter(q -> !q.text().isBlank())
                .map(q -> new UnansweredQuestion(clip(q.text()), q.askedAt()))
                .toList());
        Instant now = clock.instant();
        int stored = 0;
        for (QuestionCluster cluster : clusters) {
            scenarios.save(ScenarioDraft.fromCluster(cluster, suggestAnswer(cluster), until, now));
            stored++;
        }
        scenarios.recordRun(until);
        log.info("scenario run questions={} drafts={} until={}", asked.size(), stored, until);
        return new ScenarioRun(asked.size(), stored);
    }

    /** Customers may write far longer than a question needs; the clusterer takes the start. */
    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() > UnansweredQuestion.MAX_LENGTH
                ? stripped.substring(0, UnansweredQuestion.MAX_LENGTH) : stripped;
    }

    private String suggestAnswer(QuestionCluster cluster) {
        List<Article> nearest = knowledge.current().search(cluster.representative(), NEAREST_ARTICLES).stream()
                .map(ScoredArticle::article)
                .toList();
        Optional<String> worded = model.flatMap(m -> m.suggest(cluster.representative(), cluster.examples(), nearest));
        String suggestion = worded.orElseGet(() -> nearest.isEmpty() ? "" : nearest.getFirst().body());
        return suggestion.length() > MAX_SUGGESTION_LENGTH ? suggestion.substring(0, MAX_SUGGESTION_LENGTH) : suggestion;
    }
}
