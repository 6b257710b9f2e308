package io.clientele.clients;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.db.BulkIndexes;
import io.clientele.shared.db.CopyWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes generated clients, contact persons, their links and leads straight into an empty
 * client base with {@code COPY}, building the indexes once at the end: how the benchmark
 * data sets (a million clients) are loaded in minutes. The rows must already be valid
 * (the generator makes them so); no history is written for them. Leads can also be added
 * on their own to a data set loaded before there were leads.
 */
@Service
public class BulkLoad {

	private static final List<String> TABLES = List.of("clients", "contacts", "client_contacts", "leads");

	private final DataSource dataSource;

	private final JsonMapper json;

	BulkLoad(DataSource dataSource, JsonMapper json) {
		this.dataSource = dataSource;
		this.json = json;
	}

	/**
	 * A generated client; phones are E.164 already.
	 */
	public record ClientRow(ClientKind kind, String name, @Nullable String shortName, @Nullable String lastName,
			@Nullable String firstName, @Nullable String middleName, @Nullable String inn, @Nullable String kpp,
			@Nullable String ogrn, @Nullable String industry, @Nullable CompanySize size, @Nullable String website,
			@Nullable String source, @Nullable LocalDate birthday, @Nullable LocalDate foundedOn, @Nullable String city,
			List<Phone> phones, List<Email> emails, List<Address> addresses, List<BankAccount> bankAccounts,
			List<Long> segmentIds, Map<String, Object> custom, long responsibleId) {
	}

	public record ContactRow(String lastName, String firstName, @Nullable String middleName, List<Phone> phones,
			List<Email> emails) {

		String fullName() {
			return middleName == null ? lastName + " " + firstName : lastName + " " + firstName + " " + middleName;
		}

	}

	/** A contact person's role at a client, by the positions the rows were given in. */
	public record LinkRow(int client, int contact, @Nullable String position, boolean keyPerson) {
	}

	/**
	 * A generated lead; the phone is E.164 already. A converted lead has its client (and
	 * contact person, if one was made) and the time of conversion; a rejected one its
	 * reason; one waiting in its department's queue has no responsible user.
	 */
	public record LeadRow(String name, @Nullable String company, @Nullable String phone, @Nullable String email,
			@Nullable String message, LeadSource source, @Nullable String channel, LeadStatus status,
			@Nullable Long rejectionReasonId, @Nullable Long responsibleId, long departmentId, @Nullable Long clientId,
			@Nullable Long contactId, Instant createdAt, Instant updatedAt, @Nullable Instant convertedAt) {
	}

	/**
	 * The loader of leads, on one connection, between dropping and creating the indexes.
	 */
	public interface LeadLoad {

		/** Writes the leads and returns how many there were. */
		long leads(Iterator<LeadRow> rows) throws SQLException;

	}

	/**
	 * The loaders of one load, on one connection, between dropping and creating the
	 * indexes.
	 */
	public interface Load extends LeadLoad {

		/** Writes the clients and returns their ids in the order they were given. */
		long[] clients(Iterator<ClientRow> rows, int count) throws SQLException;

		long[] contacts(Iterator<ContactRow> rows, int count) throws SQLException;

		/** Writes the links and returns how many there were. */
		long links(Iterator<LinkRow> rows, long[] clientIds, long[] contactIds) throws SQLException;

	}

	public interface Work {

		void run(Load load) throws SQLException;

	}

	public interface LeadWork {

		void run(LeadLoad load) throws SQLException;

	}

	/**
	 * Refuses a client base that has clients or leads: a data set is never mixed with
	 * real data.
	 */
	public void requireEmpty() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			requireEmpty(connection);
		}
	}

	private static void requireEmpty(Connection connection) throws SQLException {
		if (!empty(connection, "clients") || !empty(connection, "leads")) {
			throw new IllegalStateException("The client base is not empty; a data set loads only into an empty one");
		}
	}

	private static boolean empty(Connection connection, String table) throws SQLException {
		try (var exists = connection.createStatement().executeQuery("select exists (select 1 from " + table + ")")) {
			exists.next();
			return !exists.getBoolean(1);
		}
	}

	/**
	 * The ids of a data set's clients and contact persons, in the order they were
	 * written.
	 */
	public record Loaded(long[] clientIds, long[] contactIds) {
	}

	/**
	 * The ids of the clients and contact persons a data set wrote: the first ones of each
	 * table, since it was loaded into an empty base. Refused when there are fewer.
	 */
	public Loaded loaded(int clients, int contacts) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return new Loaded(firstIds(connection, "clients", clients), firstIds(connection, "contacts", contacts));
		}
	}

	/**
	 * Adds leads to a client base that has none yet (refused otherwise), building the
	 * leads' indexes once at the end.
	 */
	public void leadsInto(LeadWork work) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			if (!empty(connection, "leads")) {
				throw new IllegalStateException("There are leads already; generated leads load only into none");
			}
			BulkIndexes indexes = new BulkIndexes(connection, List.of("leads"));
			indexes.drop();
			try {
				work.run(new CopyLoad(connection));
			}
			finally {
				indexes.create();
				try (var statement = connection.createStatement()) {
					statement.execute("analyze leads");
				}
			}
		}
	}

	/**
	 * Runs a load into an empty client base (refused otherwise).
	 */
	public void into(Work work) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			requireEmpty(connection);
			BulkIndexes indexes = new BulkIndexes(connection, TABLES);
			indexes.drop();
			try {
				work.run(new CopyLoad(connection));
			}
			finally {
				indexes.create();
				try (var statement = connection.createStatement()) {
					statement.execute("analyze clients");
					statement.execute("analyze contacts");
					statement.execute("analyze client_contacts");
					statement.execute("analyze leads");
				}
			}
		}
	}

	private final class CopyLoad implements Load {

		private final Connection connection;

		CopyLoad(Connection connection) {
			this.connection = connection;
		}

		@Override
		public long[] clients(Iterator<ClientRow> rows, int count) throws SQLException {
			try (CopyWriter copy = new CopyWriter(connection,
					"""
							clients (kind, name, short_name, last_name, first_name, middle_name, inn, kpp, ogrn, industry,
							 company_size, website, source, birthday, founded_on, city, phones, emails, addresses, bank_accounts,
							 custom, segment_ids, phone_digits, email_lower, responsible_id)""")) {
				while (rows.hasNext()) {
					ClientRow row = rows.next();
					copy.value(row.kind())
						.value(row.name())
						.value(row.shortName())
						.value(row.lastName())
						.value(row.firstName())
						.value(row.middleName())
						.value(row.inn())
						.value(row.kpp())
						.value(row.ogrn())
						.value(row.industry())
						.value(row.size())
						.value(row.website())
						.value(row.source())
						.value(row.birthday())
						.value(row.foundedOn())
						.value(row.city())
						.value(json.writeValueAsString(row.phones()))
						.value(json.writeValueAsString(row.emails()))
						.value(json.writeValueAsString(row.addresses()))
						.value(json.writeValueAsString(row.bankAccounts()))
						.value(json.writeValueAsString(row.custom()))
						.array(row.segmentIds())
						.array(Phone.digitsOf(row.phones()))
						.array(Email.lowerCased(row.emails()))
						.value(row.responsibleId());
					copy.endRow();
				}
			}
			return ids("clients", count);
		}

		@Override
		public long[] contacts(Iterator<ContactRow> rows, int count) throws SQLException {
			try (CopyWriter copy = new CopyWriter(connection,
					"contacts (last_name, first_name, middle_name, full_name, phones, emails, phone_digits, email_lower)")) {
				while (rows.hasNext()) {
					ContactRow row = rows.next();
					copy.value(row.lastName())
						.value(row.firstName())
						.value(row.middleName())
						.value(row.fullName())
						.value(json.writeValueAsString(row.phones()))
						.value(json.writeValueAsString(row.emails()))
						.array(Phone.digitsOf(row.phones()))
						.array(Email.lowerCased(row.emails()));
					copy.endRow();
				}
			}
			return ids("contacts", count);
		}

		@Override
		public long links(Iterator<LinkRow> rows, long[] clientIds, long[] contactIds) throws SQLException {
			long written = 0;
			try (CopyWriter copy = new CopyWriter(connection,
					"client_contacts (client_id, contact_id, position, key_person)")) {
				while (rows.hasNext()) {
					written++;
					LinkRow row = rows.next();
					copy.value(clientIds[row.client()])
						.value(contactIds[row.contact()])
						.value(row.position())
						.value(row.keyPerson());
					copy.endRow();
				}
			}
			return written;
		}

		@Override
		public long leads(Iterator<LeadRow> rows) throws SQLException {
			long written = 0;
			try (CopyWriter copy = new CopyWriter(connection, """
					leads (name, company, phone, email, message, source, channel, status, rejection_reason_id,
					 responsible_id, department_id, client_id, contact_id, converted_at, phone_digits, email_lower,
					 created_at, updated_at)""")) {
				while (rows.hasNext()) {
					written++;
					LeadRow row = rows.next();
					copy.value(row.name())
						.value(row.company())
						.value(row.phone())
						.value(row.email())
						.value(row.message())
						.value(row.source())
						.value(row.channel())
						.value(row.status())
						.value(row.rejectionReasonId())
						.value(row.responsibleId())
						.value(row.departmentId())
						.value(row.clientId())
						.value(row.contactId())
						.value(row.convertedAt())
						.array(row.phone() == null ? List.of() : List.of(PhoneNumbers.digits(row.phone())))
						.array(row.email() == null ? List.of() : List.of(row.email().toLowerCase(Locale.ROOT)))
						.value(row.createdAt())
						.value(row.updatedAt());
					copy.endRow();
				}
			}
			return written;
		}

		/**
		 * Identity values are handed out in the order the rows arrive; the table was
		 * empty.
		 */
		private long[] ids(String table, int count) throws SQLException {
			long[] ids = firstIds(connection, table, count);
			try (var rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
				rows.next();
				if (rows.getLong(1) != count) {
					throw new IllegalStateException(
							table + ": " + rows.getLong(1) + " rows loaded, " + count + " expected");
				}
			}
			return ids;
		}

	}

	private static long[] firstIds(Connection connection, String table, int count) throws SQLException {
		long[] ids = new long[count];
		try (var rows = connection.createStatement()
			.executeQuery("select id from " + table + " order by id limit " + count)) {
			int i = 0;
			while (rows.next()) {
				ids[i++] = rows.getLong(1);
			}
			if (i != count) {
				throw new IllegalStateException(table + ": " + i + " rows, " + count + " expected");
			}
		}
		return ids;
	}

}
