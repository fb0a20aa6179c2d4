package dev.forgebot.adapter.insforge.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forgebot.adapter.insforge.http.Direction;
import dev.forgebot.adapter.insforge.http.Filter;
import dev.forgebot.adapter.insforge.http.InsForgeHttpClient;
import dev.forgebot.adapter.insforge.http.InsForgePermanentException;
import dev.forgebot.adapter.insforge.http.RecordsQuery;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.application.port.out.TicketRepository;
import dev.forgebot.domain.conversation.Ticket;
import dev.forgebot.domain.conversation.TicketId;
import dev.forgebot.domain.conversation.TicketStatus;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.LeadId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TicketRepository} on the InsForge {@code tickets} table. At most one open ticket per lead is
 * a partial unique index, which PostgREST's {@code on_conflict} cannot name; so {@code openIfNone}
 * POSTs with {@code on_conflict=id} and ignore-duplicates (a replayed candidate changes nothing), treats
 * a 409 {@code 23505} from the partial index as "another open ticket won", and then returns the lead's
 * open ticket, or else the stored ticket of the candidate's id. Thread-safe.
 */
public final class InsForgeTicketRepository implements TicketRepository {

    private static final String TABLE = "tickets";
    private static final String OPEN = TicketStatus.OPEN.name();

    private final InsForgeHttpClient client;

    public InsForgeTicketRepository(InsForgeHttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Ticket openIfNone(Ticket candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (!candidate.isOpen()) {
            throw new IllegalArgumentException("a candidate ticket must be open");
        }
        Optional<Ticket> open = findOpenByLead(candidate.leadId());
        if (open.isPresent()) {
            return open.get();
        }
        try {
            List<JsonNode> inserted = client.insertIgnoringDuplicates(TABLE, List.of(columns(candidate)), "id");
            if (!inserted.isEmpty()) {
                return ticket("tickets.openIfNone", inserted.get(0));
            }
        } catch (InsForgePermanentException e) {
            boolean uniqueViolation = e.status().orElse(0) == 409
                    && e.error().flatMap(err -> err.codeIfAny()).map("23505"::equals).orElse(false);
            if (!uniqueViolation) {
                throw e;
            }
        }
        open = findOpenByLead(candidate.leadId());
        if (open.isPresent()) {
            return open.get();
        }
        return find(candidate.id())
                .orElseThrow(() -> new PermanentStorageException("tickets.openIfNone", "ticket vanished after insert"));
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
        Objects.requireNonNull(id, "id");
        return one("tickets.find", RecordsQuery.from(TABLE).where(Filter.eq("id", id.value().toString())));
    }

    @Override
    public Optional<Ticket> findOpenByLead(LeadId leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return one("tickets.findOpenByLead", RecordsQuery.from(TABLE)
                .where(Filter.eq("lead_id", leadId.value().toString()), Filter.eq("status", OPEN)));
    }

    @Override
    public Optional<Ticket> findByOperatorMessage(String operatorMessageRef) {
        Objects.requireNonNull(operatorMessageRef, "operatorMessageRef");
        return one("tickets.findByOperatorMessage", RecordsQuery.from(TABLE)
                .where(Filter.eq("operator_message_ref", operatorMessageRef))
                .orderBy("opened_at", Direction.DESC).orderBy("position", Direction.DESC));
    }

    @Override
    public Ticket update(Ticket ticket) {
        Objects.requireNonNull(ticket, "ticket");
        ObjectNode changes = columns(ticket);
        changes.remove("id");
        List<JsonNode> changed = client.update(TABLE, List.of(Filter.eq("id", ticket.id().value().toString())), changes);
        if (changed.isEmpty()) {
            throw new PermanentStorageException("tickets.update", "no ticket " + ticket.id().value());
        }
        return ticket("tickets.update", changed.get(0));
    }

    @Override
    public List<Ticket> open(int limit) {
        RecordsQuery query = RecordsQuery.from(TABLE).where(Filter.eq("status", OPEN))
                .orderBy("opened_at", Direction.ASC).orderBy("position", Direction.ASC);
        List<Ticket> out = new ArrayList<>();
        for (JsonNode row : Rows.select(client, query, limit)) {
            out.add(ticket("tickets.open", row));
        }
        return List.copyOf(out);
    }

    private Optional<Ticket> one(String op, RecordsQuery query) {
        List<JsonNode> rows = client.select(query.limit(1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(ticket(op, rows.get(0)));
    }

    private static ObjectNode columns(Ticket ticket) {
        ObjectNode row = Rows.object();
        row.put("id", ticket.id().value().toString());
        row.put("lead_id", ticket.leadId().value().toString());
        row.put("chat_id", ticket.chatId().value());
        row.put("reason", ticket.reason());
        row.put("status", ticket.status().name());
        row.put("opened_at", Rows.time(ticket.openedAt()));
        Rows.putTime(row, "closed_at", ticket.closedAt());
        Rows.putText(row, "operator_message_ref", ticket.operatorMessageRef());
        return row;
    }

    private static Ticket ticket(String op, JsonNode row) {
        return Rows.reading(op, () -> new Ticket(
                new TicketId(Rows.uuid(op, row, "id")),
                new LeadId(Rows.uuid(op, row, "lead_id")),
                new ChatId(Rows.longValue(op, row, "chat_id")),
                Rows.text(op, row, "reason"),
                Rows.enumValue(op, row, "status", TicketStatus.class),
                Rows.instant(op, row, "opened_at"),
                Rows.optionalInstant(op, row, "closed_at"),
                Rows.optionalText(row, "operator_message_ref")));
    }
}
