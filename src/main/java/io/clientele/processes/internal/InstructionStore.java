package io.clientele.processes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.clientele.identity.AccessScope;
import io.clientele.processes.InstructionPage;
import io.clientele.processes.InstructionState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code instructions} and their history: what the pages list and access is
 * decided on. The cycle itself is the route map's; a state changes only from the one the
 * step found, so two people acting on the same step at once cannot both succeed.
 */
@Component
public class InstructionStore {

	/** An instruction's row. */
	public record Stored(long id, String title, @Nullable String description, long authorId, long executorId,
			@Nullable LocalDate dueOn, @Nullable Instant dueAt, @Nullable Instant remindAt, @Nullable Long clientId,
			@Nullable Long contactId, @Nullable Long dealId, InstructionState state, @Nullable String processInstanceId,
			Instant createdAt, @Nullable Instant doneAt) {
	}

	/** A line of its history. */
	public record Event(InstructionState kind, long byId, @Nullable String text, Instant at) {
	}

	private static final String COLUMNS = """
			id, title, description, author_id, executor_id, due_on, due_at, remind_at, client_id, contact_id, deal_id,
			state, process_instance_id, created_at, done_at""";

	private final JdbcClient jdbc;

	InstructionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String title, @Nullable String description, long authorId, long executorId,
			@Nullable LocalDate dueOn, @Nullable Instant dueAt, @Nullable Instant remindAt, @Nullable Long clientId,
			@Nullable Long contactId, @Nullable Long dealId, Instant at) {
		return jdbc.sql("""
				insert into instructions (title, description, author_id, executor_id, due_on, due_at, remind_at,
				                          client_id, contact_id, deal_id, state, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'GIVEN', ?) returning id
				""")
			.params(title, description, authorId, executorId, dueOn, timestamp(dueAt), timestamp(remindAt), clientId,
					contactId, dealId, timestamp(at))
			.query(Long.class)
			.single();
	}

	public void started(long id, String processInstanceId) {
		jdbc.sql("update instructions set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
	}

	public Optional<Stored> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from instructions where id = ?")
			.param(id)
			.query(InstructionStore::stored)
			.optional();
	}

	/**
	 * Moves the instruction from the state the step found to the next.
	 * @return false when someone moved it first
	 */
	public boolean move(long id, InstructionState from, InstructionState to, Instant at) {
		return jdbc
			.sql("""
					update instructions set state = ?, version = version + 1, done_at = coalesce(cast(? as timestamptz), done_at)
					 where id = ? and state = ?
					""")
			.params(to.name(), to == InstructionState.DONE ? timestamp(at) : null, id, from.name())
			.update() == 1;
	}

	public void event(long id, InstructionState kind, long byId, @Nullable String text, Instant at) {
		jdbc.sql("insert into instruction_events (instruction_id, kind, by_id, text, at) values (?, ?, ?, ?, ?)")
			.params(id, kind.name(), byId, text, timestamp(at))
			.update();
	}

	public List<Event> events(long id) {
		return jdbc.sql("select kind, by_id, text, at from instruction_events where instruction_id = ? order by id")
			.param(id)
			.query((rs, n) -> new Event(InstructionState.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * A page of the person's instructions, newest first: one range of the author's or the
	 * executor's index ({@code instructions_author_idx}, {@code …_executor_idx}, or their
	 * {@code …_state_idx} twins when filtered by state) read backwards from the cursor.
	 */
	public List<Stored> page(InstructionPage.View view, long personId, @Nullable InstructionState state,
			@Nullable Long after, int limit) {
		String column = view == InstructionPage.View.GIVEN ? "author_id" : "executor_id";
		return jdbc
			.sql("select " + COLUMNS + " from instructions where " + column + " = :person"
					+ (state == null ? "" : " and state = :state") + (after == null ? "" : " and id < :after")
					+ " order by id desc limit :limit")
			.param("person", personId)
			.param("state", state == null ? null : state.name())
			.param("after", after)
			.param("limit", limit)
			.query(InstructionStore::stored)
			.list();
	}

	/**
	 * The newest instructions about a client or a deal that the scope covers (its author
	 * or its executor in it): the record's index range ({@code instructions_client_idx},
	 * {@code …_deal_idx}), newest first.
	 */
	public List<Stored> about(boolean deal, long recordId, AccessScope scope, int limit) {
		String condition = scope.coversEverything() ? "true"
				: "(" + scope.sqlCondition("author_id") + " or " + scope.sqlCondition("executor_id") + ")";
		return scope
			.bind(jdbc.sql("select " + COLUMNS + " from instructions where " + (deal ? "deal_id" : "client_id")
					+ " = :record and " + condition + " order by id desc limit :limit"))
			.param("record", recordId)
			.param("limit", limit)
			.query(InstructionStore::stored)
			.list();
	}

	/** The titles of instructions, for their steps in "My tasks". */
	public Map<Long, String> titles(Collection<Long> ids) {
		Map<Long, String> titles = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return titles;
		}
		jdbc.sql("select id, title from instructions where id = any(?)")
			.param(Set.copyOf(ids).toArray(Long[]::new))
			.query(rs -> {
				titles.put(rs.getLong(1), rs.getString(2));
			});
		return titles;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp time = rs.getTimestamp(column);
		return time == null ? null : time.toInstant();
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		return new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
				rs.getObject(6, LocalDate.class), instant(rs, 7), instant(rs, 8), rs.getObject(9, Long.class),
				rs.getObject(10, Long.class), rs.getObject(11, Long.class), InstructionState.valueOf(rs.getString(12)),
				rs.getString(13), instant(rs, 14), instant(rs, 15));
	}

}
