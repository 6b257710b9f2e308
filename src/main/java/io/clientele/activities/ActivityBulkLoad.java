package io.clientele.activities;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import io.clientele.shared.db.BulkForeignKeys;
import io.clientele.shared.db.BulkIndexes;
import io.clientele.shared.db.BulkTransaction;
import io.clientele.shared.db.CopyWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes generated interactions (with their participants) and tasks straight into a base
 * without any, with {@code COPY}: how the benchmark data sets (ten million interactions)
 * are loaded. The rows must already be valid (the generator makes them so); no history is
 * written for them and no reminder is armed for a time already past.
 *
 * <p>
 * One transaction, as {@code DealBulkLoad}: the secondary indexes and foreign keys of the
 * three tables are dropped, the rows copied with ids given in order (the identity columns
 * accept them for the while), and everything put back, which checks every reference in
 * one join per key. A load that fails leaves the base as it was. The tables are vacuumed
 * afterwards so that index-only scans work from the first request.
 */
@Service
public class ActivityBulkLoad {

	private static final Logger log = LoggerFactory.getLogger(ActivityBulkLoad.class);

	private static final List<String> TABLES = List.of("interactions", "interaction_participants", "tasks");

	private final DataSource dataSource;

	ActivityBulkLoad(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * A generated interaction. Its fields obey the table's rules: a done one has its
	 * {@code doneAt} (equal to {@code at}), a planned or cancelled one its
	 * {@code plannedAt} (equal to {@code at}); only calls have the call's fields.
	 */
	public record InteractionRow(InteractionKind kind, InteractionState state, Instant at, @Nullable Instant plannedAt,
			@Nullable Instant doneAt, long clientId, @Nullable Long contactId, @Nullable Long dealId, String subject,
			@Nullable String result, @Nullable Integer minutesSpent, long responsibleId,
			@Nullable CallDirection direction, @Nullable Integer durationSeconds, @Nullable CallResult callResult,
			@Nullable String place, @Nullable String channel, Instant createdAt, Instant updatedAt,
			List<Long> participantUserIds, List<Long> participantContactIds) {
	}

	/**
	 * A generated task or work item.
	 *
	 * @param dueAt the deadline's instant when it has a time (on {@code dueOn})
	 */
	public record TaskRow(TaskKind kind, String title, @Nullable String description, long executorId, long authorId,
			TaskState state, TaskPriority priority, @Nullable LocalDate dueOn, @Nullable Instant dueAt,
			@Nullable Instant remindAt, @Nullable Long clientId, @Nullable Long contactId, @Nullable Long dealId,
			@Nullable Instant firstOpenedAt, @Nullable String result, int spentMinutes, @Nullable Instant doneAt,
			Instant createdAt, Instant updatedAt) {
	}

	/**
	 * Writes {@code interactions} interactions and {@code tasks} tasks, each made from
	 * its position by the function (the interactions twice: once for the table, once for
	 * the participants). Refused when there are interactions or tasks already.
	 * @param now reminders due before it count as fired
	 */
	public void load(int interactions, IntFunction<InteractionRow> interaction, int tasks, IntFunction<TaskRow> task,
			Instant now) throws SQLException {
		BulkTransaction.run(dataSource, TABLES, connection -> {
			load(connection, interactions, interaction, tasks, task, now);
			return null;
		});
	}

	private void load(Connection connection, int interactions, IntFunction<InteractionRow> interaction, int tasks,
			IntFunction<TaskRow> task, Instant now) throws SQLException {
		try (var statement = connection.createStatement()) {
			try (var any = statement
				.executeQuery("select exists (select 1 from interactions) or exists (select 1 from tasks)")) {
				any.next();
				if (any.getBoolean(1)) {
					throw new IllegalStateException(
							"There are interactions or tasks already; generated ones load only into none");
				}
			}
			statement.execute("lock table interactions, interaction_participants, tasks in exclusive mode");
			BulkIndexes indexes = new BulkIndexes(connection, TABLES);
			BulkForeignKeys keys = new BulkForeignKeys(connection, TABLES);
			indexes.drop();
			keys.drop();
			statement.execute("set local work_mem = '256MB'");
			long firstInteraction = firstId(statement, "interactions");
			long firstTask = firstId(statement, "tasks");
			log.info("Writing {} interactions", interactions);
			interactions(connection, interactions, interaction, firstInteraction, now);
			log.info("Writing their participants");
			participants(connection, interactions, interaction, firstInteraction);
			log.info("Writing {} tasks", tasks);
			tasks(connection, tasks, task, firstTask, now);
			lastId(statement, "interactions", firstInteraction + interactions - 1);
			lastId(statement, "tasks", firstTask + tasks - 1);
			log.info("Checking the references and building the indexes");
			keys.create();
			indexes.create();
		}
	}

	/**
	 * The id the first row gets; meanwhile the identity column accepts given ids.
	 */
	private static long firstId(java.sql.Statement statement, String table) throws SQLException {
		statement.execute("alter table " + table + " alter column id set generated by default");
		try (var next = statement.executeQuery("select nextval(pg_get_serial_sequence('" + table + "', 'id'))")) {
			next.next();
			return next.getLong(1);
		}
	}

	private static void lastId(java.sql.Statement statement, String table, long last) throws SQLException {
		statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + last + ")");
		statement.execute("alter table " + table + " alter column id set generated always");
	}

	private static void interactions(Connection connection, int count, IntFunction<InteractionRow> interaction,
			long first, Instant now) throws SQLException {
		try (CopyWriter copy = new CopyWriter(connection, """
				interactions (id, kind, state, at, planned_at, done_at, client_id, contact_id, deal_id, subject, result,
				 minutes_spent, responsible_id, direction, duration_seconds, call_result, place, channel, created_at,
				 created_by, updated_at, updated_by, reminded_for)""")) {
			for (int i = 0; i < count; i++) {
				progress("interactions", i);
				InteractionRow row = interaction.apply(i);
				Instant planned = row.plannedAt();
				copy.value(first + i)
					.value(row.kind())
					.value(row.state())
					.value(row.at())
					.value(planned)
					.value(row.doneAt())
					.value(row.clientId())
					.value(row.contactId())
					.value(row.dealId())
					.value(row.subject())
					.value(row.result())
					.value(row.minutesSpent())
					.value(row.responsibleId())
					.value(row.direction())
					.value(row.durationSeconds())
					.value(row.callResult())
					.value(row.place())
					.value(row.channel())
					.value(row.createdAt())
					.value(row.responsibleId())
					.value(row.updatedAt())
					.value(row.responsibleId())
					.value(planned != null && planned.isBefore(now) ? planned : null);
				copy.endRow();
			}
		}
	}

	private static void participants(Connection connection, int count, IntFunction<InteractionRow> interaction,
			long first) throws SQLException {
		try (CopyWriter copy = new CopyWriter(connection,
				"interaction_participants (interaction_id, user_id, contact_id)")) {
			for (int i = 0; i < count; i++) {
				InteractionRow row = interaction.apply(i);
				for (Long user : row.participantUserIds()) {
					copy.value(first + i).value(user).value(null);
					copy.endRow();
				}
				for (Long contact : row.participantContactIds()) {
					copy.value(first + i).value(null).value(contact);
					copy.endRow();
				}
			}
		}
	}

	private static void tasks(Connection connection, int count, IntFunction<TaskRow> task, long first, Instant now)
			throws SQLException {
		try (CopyWriter copy = new CopyWriter(connection, """
				tasks (id, kind, title, description, executor_id, author_id, state, priority, due_on, due_at, remind_at,
				 reminded_at, reminded_for, client_id, contact_id, deal_id, first_opened_at, result, spent_minutes,
				 done_at, done_by, created_at, updated_at)""")) {
			for (int i = 0; i < count; i++) {
				progress("tasks", i);
				TaskRow row = task.apply(i);
				Instant remind = row.remindAt();
				boolean fired = remind != null && remind.isBefore(now);
				copy.value(first + i)
					.value(row.kind())
					.value(row.title())
					.value(row.description())
					.value(row.executorId())
					.value(row.authorId())
					.value(row.state())
					.value(row.priority())
					.value(row.dueOn())
					.value(row.dueAt())
					.value(remind)
					.value(fired ? remind : null)
					.value(fired ? remind : null)
					.value(row.clientId())
					.value(row.contactId())
					.value(row.dealId())
					.value(row.firstOpenedAt())
					.value(row.result())
					.value(row.spentMinutes())
					.value(row.doneAt())
					.value(row.doneAt() == null ? null : row.executorId())
					.value(row.createdAt())
					.value(row.updatedAt());
				copy.endRow();
			}
		}
	}

	private static void progress(String what, int done) {
		if (done > 0 && done % 1_000_000 == 0) {
			log.info("{}: {}", what, done);
		}
	}

}
