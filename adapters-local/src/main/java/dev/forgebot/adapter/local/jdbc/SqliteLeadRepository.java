package dev.forgebot.adapter.local.jdbc;

import dev.forgebot.application.port.out.LeadRepository;
import dev.forgebot.application.port.out.PermanentStorageException;
import dev.forgebot.domain.lead.ChatId;
import dev.forgebot.domain.lead.CompanyName;
import dev.forgebot.domain.lead.ContactFacts;
import dev.forgebot.domain.lead.CustomerId;
import dev.forgebot.domain.lead.EmailAddress;
import dev.forgebot.domain.lead.FollowUpState;
import dev.forgebot.domain.lead.Lead;
import dev.forgebot.domain.lead.LeadId;
import dev.forgebot.domain.lead.LeadIntent;
import dev.forgebot.domain.lead.LeadScore;
import dev.forgebot.domain.lead.LeadStatus;
import dev.forgebot.domain.lead.PersonName;
import dev.forgebot.domain.lead.PhoneNumber;
import dev.forgebot.domain.lead.Reachability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link LeadRepository} on the {@code leads} table. {@code findOrCreate} inserts with
 * {@code ON CONFLICT (telegram_user_id) DO NOTHING} and reads back the stored row; the follow-up
 * claim is a conditional {@code UPDATE ... WHERE follow_ups_sent = ?} that records the claim token,
 * and a claim that changed nothing is the winner only if the stored count is one further and the
 * stored token is its own. Thread-safe through {@link Database}.
 */
final class SqliteLeadRepository implements LeadRepository {

    private static final String COLUMNS = "id, telegram_user_id, chat_id, display_name, name, email, phone, company, "
            + "status, reachability, intent, score, created_at, last_customer_message_at, follow_ups_sent, "
            + "last_follow_up_at";
    /** What a read returns: the written columns plus the version every write moves on. */
    private static final String SELECTED = COLUMNS + ", version";

    private final Database database;

    SqliteLeadRepository(Database database) {
        this.database = database;
    }

    @Override
    public Lead findOrCreate(Lead candidate, Optional<Instant> nextFollowUpAt) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        return database.inTransaction("leads.findOrCreate", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO leads (" + COLUMNS
                    + ", next_follow_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (telegram_user_id) DO NOTHING")) {
                int next = bindLead(insert, candidate);
                Database.setOptionalTime(insert, next, nextFollowUpAt);
                insert.executeUpdate();
            }
            return selectOne(connection, "telegram_user_id = ?", candidate.customerId().value())
                    .orElseThrow(() -> new PermanentStorageException("leads.findOrCreate", "lead vanished after insert"));
        });
    }

    @Override
    public Optional<Lead> find(LeadId id) {
        Objects.requireNonNull(id, "id");
        return database.inTransaction("leads.find",
                connection -> selectOne(connection, "id = ?", id.value().toString()));
    }

    @Override
    public Optional<Lead> findByCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        return database.inTransaction("leads.findByCustomer",
                connection -> selectOne(connection, "telegram_user_id = ?", customerId.value()));
    }

    @Override
    public Optional<Lead> update(Lead lead, Optional<Instant> nextFollowUpAt) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        return database.inTransaction("leads.update", connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE leads SET id = ?, telegram_user_id = ?, chat_id = ?, display_name = ?, name = ?, email = ?,
                        phone = ?, company = ?, status = ?, reachability = ?, intent = ?, score = ?, created_at = ?,
                        last_customer_message_at = ?, follow_ups_sent = ?, last_follow_up_at = ?, next_follow_up_at = ?,
                        version = version + 1
                    WHERE id = ? AND version = ?""")) {
                int next = bindLead(update, lead);
                Database.setOptionalTime(update, next, nextFollowUpAt);
                update.setString(next + 1, lead.id().value().toString());
                update.setLong(next + 2, lead.version());
                if (update.executeUpdate() == 1) {
                    return Optional.of(lead.atVersion(lead.version() + 1));
                }
            }
            // Nothing changed: the lead moved on since it was read, or it does not exist at all.
            if (selectOne(connection, "id = ?", lead.id().value().toString()).isEmpty()) {
                throw new PermanentStorageException("leads.update", "no lead " + lead.id().value());
            }
            return Optional.<Lead>empty();
        });
    }

    @Override
    public List<Lead> dueForFollowUp(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        Database.requireLimit(limit);
        return database.inTransaction("leads.dueForFollowUp", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + SELECTED + " FROM leads"
                    + " WHERE next_follow_up_at IS NOT NULL AND next_follow_up_at <= ?"
                    + " ORDER BY next_follow_up_at, telegram_user_id LIMIT ?")) {
                select.setLong(1, Times.bound(now));
                select.setInt(2, limit);
                return leads(select);
            }
        });
    }

    @Override
    public boolean claimFollowUp(LeadId id, int expectedSent, Instant sentAt, Optional<Instant> nextFollowUpAt,
            String claimToken) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(nextFollowUpAt, "nextFollowUpAt");
        Objects.requireNonNull(claimToken, "claimToken");
        return database.inTransaction("leads.claimFollowUp", connection -> {
            // A follow-up cannot precede the customer's last message (the Lead invariant): a lead whose
            // customer wrote after sentAt has changed since the claim was decided, so the claim loses.
            try (PreparedStatement claim = connection.prepareStatement("""
                    UPDATE leads SET follow_ups_sent = follow_ups_sent + 1, last_follow_up_at = ?,
                        next_follow_up_at = ?, claim_token = ?, version = version + 1
                    WHERE id = ? AND follow_ups_sent = ? AND last_customer_message_at <= ?""")) {
                long sent = Times.stored(sentAt);
                claim.setLong(1, sent);
                Database.setOptionalTime(claim, 2, nextFollowUpAt);
                claim.setString(3, claimToken);
                claim.setString(4, id.value().toString());
                claim.setInt(5, expectedSent);
                claim.setLong(6, sent);
                if (claim.executeUpdate() == 1) {
                    return true;
                }
            }
            // A retry whose first attempt committed but lost its answer finds its own write.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT follow_ups_sent, claim_token FROM leads WHERE id = ?")) {
                select.setString(1, id.value().toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getInt("follow_ups_sent") == expectedSent + 1
                            && claimToken.equals(row.getString("claim_token"));
                }
            }
        });
    }

    @Override
    public long count() {
        return database.inTransaction("leads.count", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM leads");
                    ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Binds the lead's columns in {@link #COLUMNS} order from parameter 1; returns the next index. */
    private static int bindLead(PreparedStatement statement, Lead lead) throws SQLException {
        ContactFacts contact = lead.contact();
        statement.setString(1, lead.id().value().toString());
        statement.setLong(2, lead.customerId().value());
        statement.setLong(3, lead.chatId().value());
        Database.setOptionalText(statement, 4, contact.displayName());
        Database.setOptionalText(statement, 5, contact.name().map(PersonName::value));
        Database.setOptionalText(statement, 6, contact.email().map(EmailAddress::value));
        Database.setOptionalText(statement, 7, contact.phone().map(PhoneNumber::normalized));
        Database.setOptionalText(statement, 8, contact.company().map(CompanyName::value));
        statement.setString(9, lead.status().name());
        statement.setString(10, lead.reachability().name());
        statement.setString(11, lead.intent().name());
        statement.setInt(12, lead.score().value());
        statement.setLong(13, Times.stored(lead.createdAt()));
        statement.setLong(14, Times.stored(lead.lastCustomerMessageAt()));
        statement.setInt(15, lead.followUp().sent());
        Database.setOptionalTime(statement, 16, lead.followUp().lastSentAt());
        return 17;
    }

    private static Optional<Lead> selectOne(Connection connection, String condition, Object key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + SELECTED + " FROM leads WHERE " + condition)) {
            select.setObject(1, key);
            return leads(select).stream().findFirst();
        }
    }

    private static List<Lead> leads(PreparedStatement select) throws SQLException {
        List<Lead> leads = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                leads.add(lead(row));
            }
        }
        return List.copyOf(leads);
    }

    static Lead lead(ResultSet row) throws SQLException {
        ContactFacts contact = new ContactFacts(
                Database.optionalText(row, "display_name"),
                Database.optionalText(row, "name").map(PersonName::new),
                Database.optionalText(row, "email").map(EmailAddress::new),
                Database.optionalText(row, "phone").map(PhoneNumber::parse),
                Database.optionalText(row, "company").map(CompanyName::new));
        return new Lead(
                new LeadId(UUID.fromString(row.getString("id"))),
                new CustomerId(row.getLong("telegram_user_id")),
                new ChatId(row.getLong("chat_id")),
                contact,
                LeadStatus.valueOf(row.getString("status")),
                Reachability.valueOf(row.getString("reachability")),
                LeadIntent.valueOf(row.getString("intent")),
                new LeadScore(row.getInt("score")),
                Database.time(row, "created_at"),
                Database.time(row, "last_customer_message_at"),
                new FollowUpState(row.getInt("follow_ups_sent"), Database.optionalTime(row, "last_follow_up_at")),
                row.getLong("version"));
    }
}
