package dev.forgebot.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.forgebot.adapter.insforge.files.InsForgeBuckets;
import dev.forgebot.adapter.insforge.files.InsForgeFileStore;
import dev.forgebot.adapter.insforge.files.InsForgeStatistics;
import dev.forgebot.adapter.insforge.http.ApiKey;
import dev.forgebot.adapter.insforge.http.InsForgeClientConfig;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.model.ModelConfig;
import dev.forgebot.adapter.insforge.model.ModelKey;
import dev.forgebot.adapter.insforge.model.OpenAiLanguageModel;
import dev.forgebot.adapter.insforge.schema.InsForgeCheck;
import dev.forgebot.adapter.insforge.schema.InsForgeMigrations;
import dev.forgebot.adapter.insforge.store.InsForgeConversationLog;
import dev.forgebot.adapter.insforge.store.InsForgeKnowledgeSource;
import dev.forgebot.adapter.insforge.store.InsForgeLeadRepository;
import dev.forgebot.adapter.insforge.store.InsForgeQuestionLog;
import dev.forgebot.adapter.insforge.store.InsForgeScenarioRepository;
import dev.forgebot.adapter.insforge.store.InsForgeTicketRepository;
import dev.forgebot.adapter.insforge.store.InsForgeUpdateInbox;
import dev.forgebot.application.BotSettings;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.KnowledgeSource;
import dev.forgebot.application.port.out.LanguageModel;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.QuestionLog;
import dev.forgebot.application.port.out.ScenarioRepository;
import dev.forgebot.application.port.out.Statistics;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.application.port.out.UpdateInbox;
import dev.forgebot.bootstrap.config.ForgebotConfig;
import dev.forgebot.bootstrap.management.ForgebotMetrics;
import java.time.Clock;
import java.util.Objects;

/**
 * Storage on the business's InsForge project: every storage port, files, statistics, schema
 * migrations and the check, plus the language model when {@code FORGEBOT_AI_*} is set. The HTTP
 * client is built when first needed; nothing here does I/O.
 */
public final class InsForgeModule extends AbstractModule {

    private final ForgebotConfig config;

    public InsForgeModule(ForgebotConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.insforgeEnabled()) {
            throw new IllegalArgumentException("InsForge is not configured (INSFORGE_URL, INSFORGE_API_KEY)");
        }
    }

    @Override
    protected void configure() {
        if (config.aiEnabled()) {
            // Installed only with a model configured: a production-stage injector builds every singleton
            // it knows, and without the model's settings this one cannot be built.
            install(new ModelModule(config));
            OptionalBinder.newOptionalBinder(binder(), LanguageModel.class).setBinding().to(OpenAiLanguageModel.class);
        }
    }

    /** The language model client, for a configuration that has one. */
    private static final class ModelModule extends AbstractModule {

        private final ForgebotConfig config;

        ModelModule(ForgebotConfig config) {
            this.config = config;
        }

        @Provides
        @Singleton
        OpenAiLanguageModel languageModel() {
            return new OpenAiLanguageModel(ModelConfig.defaults(config.aiBaseUrl().orElseThrow(),
                    ModelKey.of(config.aiApiKey().orElseThrow().reveal()), config.aiModel().orElseThrow()));
        }
    }

    @Provides
    @Singleton
    InsForgeHttpClient client(Clock clock) {
        InsForgeClientConfig defaults = InsForgeClientConfig.defaults(config.insforgeUrl().orElseThrow(),
                ApiKey.of(config.insforgeApiKey().orElseThrow().reveal()));
        InsForgeClientConfig.RetrySettings retry = defaults.retry();
        // A cap of 0 means any Retry-After ends the retries; the client wants a positive cap.
        java.time.Duration cap = config.retryAfterCap().isZero() ? java.time.Duration.ofMillis(1) : config.retryAfterCap();
        return new InsForgeHttpClient(defaults.withRetry(new InsForgeClientConfig.RetrySettings(
                retry.retryableStatuses(), retry.waits(), cap)), clock);
    }

    @Provides
    @Singleton
    UpdateInbox inbox(InsForgeHttpClient client, ForgebotMetrics metrics) {
        return new MeteredUpdateInbox(new InsForgeUpdateInbox(client), metrics);
    }

    @Provides
    @Singleton
    LeadRepository leads(InsForgeHttpClient client) {
        return new InsForgeLeadRepository(client);
    }

    @Provides
    @Singleton
    ConversationLog conversations(InsForgeHttpClient client) {
        return new InsForgeConversationLog(client);
    }

    @Provides
    @Singleton
    TicketRepository tickets(InsForgeHttpClient client) {
        return new InsForgeTicketRepository(client);
    }

    @Provides
    @Singleton
    QuestionLog questions(InsForgeHttpClient client) {
        return new InsForgeQuestionLog(client);
    }

    @Provides
    @Singleton
    ScenarioRepository scenarios(InsForgeHttpClient client) {
        return new InsForgeScenarioRepository(client);
    }

    @Provides
    @Singleton
    KnowledgeSource knowledgeSource(InsForgeHttpClient client) {
        return new InsForgeKnowledgeSource(client);
    }

    @Provides
    @Singleton
    Statistics statistics(InsForgeHttpClient client) {
        return new InsForgeStatistics(client);
    }

    @Provides
    @Singleton
    FileStore files(InsForgeHttpClient client, BotSettings settings) {
        return new InsForgeFileStore(client, InsForgeBuckets.FILES, settings.maxFileBytes());
    }

    @Provides
    @Singleton
    InsForgeBuckets buckets(InsForgeHttpClient client) {
        return new InsForgeBuckets(client);
    }

    @Provides
    @Singleton
    InsForgeMigrations migrations(InsForgeHttpClient client) {
        return new InsForgeMigrations(client);
    }

    @Provides
    @Singleton
    InsForgeCheck check(InsForgeHttpClient client, InsForgeMigrations migrations) {
        return new InsForgeCheck(client, migrations);
    }
}
