package dev.forgebot.application.pipeline.step;

import static dev.forgebot.application.pipeline.step.Fixtures.CHAT;
import static dev.forgebot.application.pipeline.step.Fixtures.CUSTOMER;
import static dev.forgebot.application.pipeline.step.Fixtures.KEY;
import static dev.forgebot.application.pipeline.step.Fixtures.OPERATORS;
import static dev.forgebot.application.pipeline.step.Fixtures.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.forgebot.application.BotSettings;
import dev.forgebot.application.BotTexts;
import dev.forgebot.application.pipeline.PipelineContext;
import dev.forgebot.application.pipeline.PipelineContext.Route;
import dev.forgebot.application.pipeline.StepOutcome;
import dev.forgebot.application.port.out.ChannelFiles;
import dev.forgebot.application.port.out.ChannelFiles.ChannelFile;
import dev.forgebot.application.port.out.ConversationLog;
import dev.forgebot.application.port.out.FileStore;
import dev.forgebot.application.port.out.InboxState;
import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.Messenger;
import dev.forgebot.application.port.out.OutboundMessage;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.SendResult;
import dev.forgebot.application.service.HandoffService;
import dev.forgebot.application.service.LeadEnricher;
import dev.forgebot.domain.conversation.Direction;
import dev.forgebot.domain.conversation.Message;
import dev.forgebot.domain.conversation.MessageId;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.followup.FollowUpPolicy;
import dev.forgebot.domain.followup.FollowUpSchedule;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadStatus;
import dev.forgebot.domain.lead.PhoneNumber;
import dev.forgebot.domain.lead.Reachability;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The steps that act on a route and compose, send and record the reply. */
class ReplyingStepsTest {

    private final BotTexts texts = BotTexts.english();
    private final FollowUpPolicy followUps = new FollowUpPolicy(FollowUpSchedule.defaults());
    private final LeadRepository leads = mock(LeadRepository.class);
    private final ConversationLog conversations = mock(ConversationLog.class);
    private final Messenger messenger = mock(Messenger.class);

    {
        when(leads.update(any(), any())).thenAnswer(call -> Optional.of(call.getArgument(0)));
    }

    // ---- handoff ------------------------------------------------------------------------------

    private static HandoffService.Handoff handoff(HandoffService.Post post) {
        Lead lead = Fixtures.lead().handOff();
        return new HandoffService.Handoff(lead,
                Ticket.open(TicketId.random(), lead.id(), CHAT, "/human", Fixtures.T0), post);
    }

    @Test
    void handOffTellsTheCustomerAPersonWillReply() {
        HandoffService service = mock(HandoffService.class);
        when(service.handOff(any(), any(), any())).thenReturn(handoff(new HandoffService.Post.Posted("op:1")));
        PipelineContext context = Fixtures.context(Fixtures.text("/human"), Route.HANDOFF);

        StepOutcome outcome = new HandOffStep(service, texts).apply(context);

        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.handoff());
        assertThat(context.requireLead().status()).isEqualTo(LeadStatus.HANDED_OFF);
        verify(service).handOff(Fixtures.lead(), "/human", Fixtures.NOW);
    }

    @Test
    void handOffRetriesLaterWhenTheOperatorsChatIsRateLimited() {
        HandoffService service = mock(HandoffService.class);
        when(service.handOff(any(), any(), any()))
                .thenReturn(handoff(new HandoffService.Post.RateLimited(Duration.ofSeconds(7))));

        StepOutcome outcome = new HandOffStep(service, texts).apply(Fixtures.context(Fixtures.text("/human"), Route.HANDOFF));

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.RetryLater.class,
                retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void handOffLeavesOtherRoutesAlone() {
        HandoffService service = mock(HandoffService.class);

        new HandOffStep(service, texts).apply(Fixtures.context(Fixtures.text("hi"), Route.QUESTION));

        verifyNoInteractions(service);
    }

    @Test
    void forwardsAHandedOffCustomersMessageTaggedWithNameAndChatAndDoesNotAnswer() {
        when(messenger.send(any())).thenReturn(new SendResult.Sent("op:9"));
        PipelineContext context = Fixtures.context(Fixtures.text("any news?"), Route.TO_OPERATORS);

        StepOutcome outcome = new ForwardToOperatorsStep(SETTINGS, messenger).apply(context);

        ArgumentCaptor<OutboundMessage> sent = ArgumentCaptor.forClass(OutboundMessage.class);
        verify(messenger).send(sent.capture());
        assertThat(sent.getValue().chatId()).isEqualTo(OPERATORS);
        assertThat(sent.getValue().text()).contains("Ana Silva", "chat 42", "any news?");
        assertThat(context.reply()).isEmpty();
        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
    }

    @Test
    void forwardingRetriesLaterWhenRateLimited() {
        when(messenger.send(any())).thenReturn(new SendResult.RateLimited(Duration.ofSeconds(3)));

        StepOutcome outcome = new ForwardToOperatorsStep(SETTINGS, messenger)
                .apply(Fixtures.context(Fixtures.text("any news?"), Route.TO_OPERATORS));

        assertThat(outcome).isInstanceOf(StepOutcome.RetryLater.class);
    }

    // ---- shared contact -----------------------------------------------------------------------

    @Test
    void trustsASharedContactThatIsTheSendersOwn() {
        PipelineContext context = Fixtures.context(Fixtures.withContact("447700900123", Optional.of(CUSTOMER)), Route.CONTACT);

        new SaveSharedContactStep(leads, followUps, texts).apply(context);

        assertThat(context.requireLead().contact().phone()).contains(PhoneNumber.parse("+447700900123"));
        assertThat(context.requireLead().status()).isEqualTo(LeadStatus.QUALIFIED);
        verify(leads).update(eq(context.requireLead()), any());
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.contactThanks());
        assertThat(context.reply().orElseThrow().keyboard()).isEqualTo(OutboundMessage.ReplyKeyboard.NONE);
    }

    @Test
    void doesNotTrustSomeoneElsesContactCard() {
        PipelineContext context = Fixtures.context(
                Fixtures.withContact("+447700900123", Optional.of(new CustomerId(99))), Route.CONTACT);

        new SaveSharedContactStep(leads, followUps, texts).apply(context);

        verify(leads, never()).update(any(), any());
        assertThat(context.requireLead().contact().phone()).isEmpty();
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.contactNotOwn());
    }

    @Test
    void doesNotTrustACardWithNoKnownOwner() {
        PipelineContext context = Fixtures.context(Fixtures.withContact("+447700900123", Optional.empty()), Route.CONTACT);

        new SaveSharedContactStep(leads, followUps, texts).apply(context);

        verify(leads, never()).update(any(), any());
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.contactNotOwn());
    }

    @Test
    void aReRunOfASavedContactWritesNothing() {
        PipelineContext first = Fixtures.context(Fixtures.withContact("+447700900123", Optional.of(CUSTOMER)), Route.CONTACT);
        new SaveSharedContactStep(leads, followUps, texts).apply(first);
        PipelineContext again = Fixtures.context(Fixtures.withContact("+447700900123", Optional.of(CUSTOMER)), Route.CONTACT);
        again.lead(first.requireLead());

        new SaveSharedContactStep(leads, followUps, texts).apply(again);

        verify(leads, times(1)).update(any(), any());
        assertThat(again.reply().orElseThrow().text()).isEqualTo(texts.contactThanks());
    }

    // ---- files --------------------------------------------------------------------------------

    private final ChannelFiles channelFiles = mock(ChannelFiles.class);
    private final FileStore fileStore = mock(FileStore.class);

    private StoreFileStep storeFile() {
        when(fileStore.maxFileBytes()).thenReturn(1_000L);
        return new StoreFileStep(SETTINGS, channelFiles, fileStore, texts);
    }

    @Test
    void storesAFileUnderAKeyDerivedFromTheInboundKey() {
        StoreFileStep step = storeFile();
        when(channelFiles.fetch("file-1", 1_000L)).thenReturn(new ChannelFile("invoice.pdf", "application/pdf", new byte[10]));
        when(fileStore.upload(any(), any(), any(), any(), any()))
                .thenAnswer(call -> new FileStore.StoredFile(call.getArgument(0), call.getArgument(1), 10));
        PipelineContext context = Fixtures.context(Fixtures.withFile(10), Route.FILE);

        step.apply(context);

        String key = "leads/" + Fixtures.LEAD_ID.value() + "/telegram-1001-invoice.pdf";
        verify(fileStore).upload(eq(Fixtures.LEAD_ID), eq(key), eq("invoice.pdf"), eq("application/pdf"), any());
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.fileReceived());
    }

    @Test
    void aReRunUploadsUnderTheSameKey() {
        StoreFileStep step = storeFile();
        when(channelFiles.fetch(any(), anyLong())).thenReturn(new ChannelFile("invoice.pdf", "application/pdf", new byte[10]));
        when(fileStore.upload(any(), any(), any(), any(), any()))
                .thenAnswer(call -> new FileStore.StoredFile(call.getArgument(0), call.getArgument(1), 10));

        step.apply(Fixtures.context(Fixtures.withFile(10), Route.FILE));
        step.apply(Fixtures.context(Fixtures.withFile(10), Route.FILE));

        ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
        verify(fileStore, times(2)).upload(any(), keys.capture(), any(), any(), any());
        assertThat(keys.getAllValues()).hasSize(2).allMatch(k -> k.equals(keys.getAllValues().getFirst()));
    }

    @Test
    void aFileAnnouncedTooLargeIsDeclinedWithoutFetchingIt() {
        StoreFileStep step = storeFile();
        PipelineContext context = Fixtures.context(Fixtures.withFile(5_000), Route.FILE);

        StepOutcome outcome = step.apply(context);

        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.fileRejected());
        verifyNoInteractions(channelFiles);
        verify(fileStore, never()).upload(any(), any(), any(), any(), any());
    }

    @Test
    void aFileTheChannelRefusesForSizeIsDeclinedNotGivenUp() {
        StoreFileStep step = storeFile();
        when(channelFiles.fetch(any(), anyLong())).thenThrow(new PermanentStorageException("files.fetch", "file is too big"));
        PipelineContext context = Fixtures.context(Fixtures.withFile(-1), Route.FILE);

        StepOutcome outcome = step.apply(context);

        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.fileRejected());
    }

    @Test
    void aFetchedFileOverTheLimitIsNotUploaded() {
        StoreFileStep step = storeFile();
        when(channelFiles.fetch(any(), anyLong())).thenReturn(new ChannelFile("big.bin", "application/octet-stream", new byte[1_001]));
        PipelineContext context = Fixtures.context(Fixtures.withFile(-1), Route.FILE);

        step.apply(context);

        verify(fileStore, never()).upload(any(), any(), any(), any(), any());
        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.fileRejected());
    }

    @Test
    void theSmallerOfTheTwoLimitsApplies() {
        StoreFileStep step = new StoreFileStep(new BotSettings(OPERATORS, 0.3, 3, 100), channelFiles, fileStore, texts);
        when(fileStore.maxFileBytes()).thenReturn(1_000L);
        PipelineContext context = Fixtures.context(Fixtures.withFile(500), Route.FILE);

        step.apply(context);

        assertThat(context.reply().orElseThrow().text()).isEqualTo(texts.fileRejected());
    }

    @Test
    void aStoreThatRefusesTheUploadFailsTheEntry() {
        StoreFileStep step = storeFile();
        when(channelFiles.fetch(any(), anyLong())).thenReturn(new ChannelFile("a.pdf", "application/pdf", new byte[1]));
        when(fileStore.upload(any(), any(), any(), any(), any())).thenThrow(new PermanentStorageException("files.upload", "401"));

        assertThatThrownBy(() -> step.apply(Fixtures.context(Fixtures.withFile(1), Route.FILE)))
                .isInstanceOf(PermanentStorageException.class);
    }

    // ---- send and record ----------------------------------------------------------------------

    private SendReplyStep sendReply() {
        return new SendReplyStep(messenger, conversations, leads, followUps);
    }

    private static PipelineContext withReply() {
        PipelineContext context = Fixtures.context(Fixtures.text("how much?"), Route.QUESTION);
        context.reply(OutboundMessage.text(CHAT, "It costs 10 EUR."));
        return context;
    }

    @Test
    void sendsTheReplyAndKeepsItsReference() {
        when(conversations.find(KEY, Direction.OUTBOUND)).thenReturn(Optional.empty());
        when(messenger.send(any())).thenReturn(new SendResult.Sent("42:7"));
        PipelineContext context = withReply();

        StepOutcome outcome = sendReply().apply(context);

        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
        assertThat(context.sentMessageRef()).contains("42:7");
        verify(messenger).send(OutboundMessage.text(CHAT, "It costs 10 EUR."));
    }

    @Test
    void doesNotSendAReplyRecordedOnAnEarlierRun() {
        when(conversations.find(KEY, Direction.OUTBOUND)).thenReturn(Optional.of(
                new Message(MessageId.random(), Fixtures.LEAD_ID, Direction.OUTBOUND, "It costs 10 EUR.", KEY, Fixtures.T0)));

        StepOutcome outcome = sendReply().apply(withReply());

        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
        verifyNoInteractions(messenger);
    }

    @Test
    void sendsNothingWhenThereIsNoReply() {
        StepOutcome outcome = sendReply().apply(Fixtures.context(Fixtures.text("x"), Route.TO_OPERATORS));

        assertThat(outcome).isEqualTo(StepOutcome.CONTINUE);
        verifyNoInteractions(messenger);
    }

    @Test
    void aCustomerWhoBlockedTheBotIsMarkedBlocked() {
        when(conversations.find(any(), any())).thenReturn(Optional.empty());
        when(messenger.send(any())).thenReturn(new SendResult.Blocked());
        PipelineContext context = withReply();

        StepOutcome outcome = sendReply().apply(context);

        assertThat(outcome).isEqualTo(new StepOutcome.Finish(InboxState.HANDLED));
        ArgumentCaptor<Lead> updated = ArgumentCaptor.forClass(Lead.class);
        verify(leads).update(updated.capture(), eq(Optional.empty()));
        assertThat(updated.getValue().reachability()).isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void aGoneChatEndsTheEntry() {
        when(conversations.find(any(), any())).thenReturn(Optional.empty());
        when(messenger.send(any())).thenReturn(new SendResult.ChatGone());

        assertThat(sendReply().apply(withReply())).isEqualTo(new StepOutcome.Finish(InboxState.HANDLED));
        verify(leads, never()).update(any(), any());
    }

    @Test
    void aRateLimitRetriesTheEntryAfterTheChannelsWait() {
        when(conversations.find(any(), any())).thenReturn(Optional.empty());
        when(messenger.send(any())).thenReturn(new SendResult.RateLimited(Duration.ofSeconds(12)));

        StepOutcome outcome = sendReply().apply(withReply());

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.RetryLater.class,
                retry -> assertThat(retry.after()).isEqualTo(Duration.ofSeconds(12)));
    }

    @Test
    void aRejectedReplyGivesTheEntryUp() {
        when(conversations.find(any(), any())).thenReturn(Optional.empty());
        when(messenger.send(any())).thenReturn(new SendResult.Rejected("message is too long"));

        StepOutcome outcome = sendReply().apply(withReply());

        assertThat(outcome).isInstanceOfSatisfying(StepOutcome.GiveUp.class,
                giveUp -> assertThat(giveUp.reason()).contains("message is too long"));
    }

    @Test
    void recordsTheReplyAsOutboundUnderTheInboundKey() {
        PipelineContext context = withReply();

        new RecordOutboundMessageStep(conversations).apply(context);

        ArgumentCaptor<Message> recorded = ArgumentCaptor.forClass(Message.class);
        verify(conversations).record(recorded.capture());
        assertThat(recorded.getValue().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(recorded.getValue().inboundKey()).isEqualTo(KEY);
        assertThat(recorded.getValue().text()).isEqualTo("It costs 10 EUR.");
    }

    @Test
    void recordsNothingWithoutAReply() {
        new RecordOutboundMessageStep(conversations).apply(Fixtures.context(Fixtures.text("x"), Route.TO_OPERATORS));

        verifyNoInteractions(conversations);
    }

    // ---- enrichment ---------------------------------------------------------------------------

    @Test
    void defersEnrichmentInsteadOfRunningIt() throws Exception {
        LeadEnricher enricher = mock(LeadEnricher.class);
        PipelineContext context = Fixtures.context(Fixtures.text("I'm Ana from Acme, ana@acme.com"), Route.QUESTION);

        new EnrichLeadStep(enricher).apply(context);

        verifyNoInteractions(enricher);
        assertThat(context.deferred()).singleElement()
                .satisfies(work -> assertThat(work.name()).isEqualTo(EnrichLeadStep.TASK_NAME));
        context.deferred().getFirst().task().run();
        verify(enricher).enrich(Fixtures.LEAD_ID, "I'm Ana from Acme, ana@acme.com");
    }

    @Test
    void commandsAreNotEnriched() {
        PipelineContext context = Fixtures.context(Fixtures.text("/start"), Route.COMMAND);

        new EnrichLeadStep(mock(LeadEnricher.class)).apply(context);

        assertThat(context.deferred()).isEmpty();
    }

}
