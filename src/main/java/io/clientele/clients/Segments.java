package io.clientele.clients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.identity.Deputies;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dictionary of client segments (client roles): types such as region, industry or
 * kind of activity, their values, and which managers are given which segments to work.
 */
@Service
public class Segments {

	private static final String SELECT = """
			select s.id, s.type_id, t.name as type_name, s.name, s.active
			  from segments s join segment_types t on t.id = s.type_id
			""";

	private final JdbcClient jdbc;

	private final Deputies deputies;

	Segments(JdbcClient jdbc, Deputies deputies) {
		this.jdbc = jdbc;
		this.deputies = deputies;
	}

	public record Type(long id, String name, int position) {
	}

	@Transactional(readOnly = true)
	public List<Type> types() {
		return jdbc.sql("select id, name, position from segment_types order by position, lower(name)")
			.query(Type.class)
			.list();
	}

	/** Every segment, grouped by type in the types' order; deactivated ones last. */
	@Transactional(readOnly = true)
	public List<Segment> all() {
		return jdbc.sql(SELECT + " order by t.position, lower(t.name), s.active desc, lower(s.name)")
			.query(Segment.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Map<Long, Segment> byId(Collection<Long> ids) {
		Map<Long, Segment> segments = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(SELECT + " where s.id = any(?)")
				.param(ids.toArray(Long[]::new))
				.query(Segment.class)
				.list()
				.forEach(segment -> segments.put(segment.id(), segment));
		}
		return segments;
	}

	@Transactional
	public long createType(String name) {
		String clean = TextRules.required("name", name, 100);
		try {
			return jdbc.sql("""
					insert into segment_types (name, position)
					select ?, coalesce(max(position), 0) + 1 from segment_types returning id
					""").param(clean).query(Long.class).single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "segment.type-taken", clean);
		}
	}

	@Transactional
	public long create(long typeId, String name) {
		String clean = TextRules.required("name", name, 100);
		try {
			return jdbc.sql("insert into segments (type_id, name) values (?, ?) returning id")
				.params(typeId, clean)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "segment.taken", clean);
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw new RuleViolation("typeId", "segment.type-not-found");
		}
	}

	@Transactional
	public void rename(long id, String name) {
		String clean = TextRules.required("name", name, 100);
		try {
			jdbc.sql("update segments set name = ?, version = version + 1 where id = ?").params(clean, id).update();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "segment.taken", clean);
		}
	}

	/** A deactivated segment stays on the clients that hold it but is offered no more. */
	@Transactional
	public void setActive(long id, boolean active) {
		jdbc.sql("update segments set active = ?, version = version + 1 where id = ?").params(active, id).update();
	}

	/**
	 * Refuses ids that are no active segment (a client may keep a deactivated one it
	 * has).
	 */
	@Transactional(readOnly = true)
	public void checkAssignable(String field, Collection<Long> ids, Collection<Long> alreadyHeld) {
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, Segment> found = byId(ids);
		for (Long id : ids) {
			Segment segment = found.get(id);
			if (segment == null || (!segment.active() && !alreadyHeld.contains(id))) {
				throw new RuleViolation(field, "segment.not-found", id);
			}
		}
	}

	/**
	 * The segments whose clients a user sees besides those of their scope: the segments
	 * given to them and, while they stand in for someone ({@link Deputies}), those given
	 * to that user.
	 */
	@Transactional(readOnly = true)
	public Set<Long> readableBy(long userId) {
		List<Long> people = new ArrayList<>(deputies.standingInFor(userId, deputies.today()));
		people.add(userId);
		return Set.copyOf(jdbc.sql("select segment_id from segment_grants where user_id = any(?)")
			.param(people.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * The segments a user was given to work, besides their own clients (their own grants,
	 * as the settings edit them; what they see is {@link #readableBy}).
	 */
	@Transactional(readOnly = true)
	public Set<Long> grantedTo(long userId) {
		return Set.copyOf(jdbc.sql("select segment_id from segment_grants where user_id = ?")
			.param(userId)
			.query(Long.class)
			.list());
	}

	@Transactional
	public void grant(long userId, Collection<Long> segmentIds) {
		jdbc.sql("delete from segment_grants where user_id = ?").param(userId).update();
		for (Long segmentId : Set.copyOf(segmentIds)) {
			jdbc.sql("insert into segment_grants (user_id, segment_id) values (?, ?)")
				.params(userId, segmentId)
				.update();
		}
	}

}
