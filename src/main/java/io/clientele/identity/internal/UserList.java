package io.clientele.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' list of users. The user table of a company holds hundreds of rows,
 * not millions, so a counted list with numbered pages is right here.
 */
@Component
public class UserList {

	public static final int PAGE_SIZE = 25;

	private static final Map<String, String> SORTS = Map.of("name", "lower(u.full_name)", "username",
			"lower(u.username)", "department", "lower(d.name)", "role", "u.role", "created", "u.created_at");

	private final JdbcClient jdbc;

	UserList(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public enum Status {

		ACTIVE, INACTIVE, ALL

	}

	public record Filter(@Nullable String text, @Nullable Long departmentId, @Nullable Role role, Status status,
			String sort, boolean descending, int page) {

		public Filter {
			sort = SORTS.containsKey(sort) ? sort : "name";
			page = Math.max(page, 1);
		}

	}

	public record Row(long id, String username, String fullName, @Nullable String email, Role role,
			String departmentName, boolean active, boolean head, Instant createdAt) {
	}

	public record Page(List<Row> rows, long total, int page, int pages) {
	}

	@Transactional(readOnly = true)
	public Page find(Filter filter) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (filter.text() != null && !filter.text().isBlank()) {
			where.append(" and (u.full_name ilike ? or u.username ilike ? or u.email ilike ?)");
			String like = "%" + escapeLike(filter.text().strip()) + "%";
			params.add(like);
			params.add(like);
			params.add(like);
		}
		if (filter.departmentId() != null) {
			where.append(" and u.department_id = ?");
			params.add(filter.departmentId());
		}
		if (filter.role() != null) {
			where.append(" and u.role = ?");
			params.add(filter.role().name());
		}
		if (filter.status() != Status.ALL) {
			where.append(" and u.active = ?");
			params.add(filter.status() == Status.ACTIVE);
		}
		String from = " from users u join departments d on d.id = u.department_id";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		String order = " order by " + SORTS.get(filter.sort()) + (filter.descending() ? " desc" : " asc") + ", u.id";
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(PAGE_SIZE);
		pageParams.add((filter.page() - 1) * PAGE_SIZE);
		List<Row> rows = jdbc.sql("""
				select u.id, u.username, u.full_name, u.email, u.role, d.name as department_name, u.active,
				       d.head_user_id = u.id as head, u.created_at
				""" + from + where + order + " limit ? offset ?")
			.params(pageParams)
			.query((rs, row) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
					rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("department_name"),
					rs.getBoolean("active"), rs.getBoolean("head"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		return new Page(rows, total, filter.page(), pages);
	}

	static String escapeLike(String text) {
		return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
