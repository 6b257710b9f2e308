package io.clientele.shared.views;

import java.util.List;
import java.util.Optional;

import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views ("Избранное") of the list pages: a user keeps the current columns, filters,
 * sort and grouping of a list under a name, for themselves or for their department.
 */
@Service
public class SavedViews {

	static final int MAX_QUERY = 4000;

	private final JdbcClient jdbc;

	SavedViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The views of a list a user sees: their own and those shared with their department.
	 */
	@Transactional(readOnly = true)
	public List<SavedView> visibleTo(String list, long userId, long departmentId) {
		return jdbc.sql("""
				select id, list, name, owner_id, shared_department_id, query from saved_views
				 where list = :list and (owner_id = :user or shared_department_id = :department)
				 order by lower(name), id
				""")
			.param("list", list)
			.param("user", userId)
			.param("department", departmentId)
			.query(SavedView.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SavedView> find(long id, long userId, long departmentId) {
		return jdbc.sql("""
				select id, list, name, owner_id, shared_department_id, query from saved_views
				 where id = :id and (owner_id = :user or shared_department_id = :department)
				""")
			.param("id", id)
			.param("user", userId)
			.param("department", departmentId)
			.query(SavedView.class)
			.optional();
	}

	/**
	 * Saves a view; a view of the same name of this owner is replaced.
	 * @param sharedDepartmentId the owner's department to share it with, or null
	 */
	@Transactional
	public long save(String list, String name, String query, long ownerId, @Nullable Long sharedDepartmentId) {
		String cleanName = TextRules.required("name", name, 100);
		String cleanQuery = TextRules.line("query", query, MAX_QUERY);
		if (cleanQuery == null) {
			cleanQuery = "";
		}
		Optional<Long> existing = jdbc
			.sql("select id from saved_views where list = ? and owner_id = ? and lower(name) = lower(?)")
			.params(list, ownerId, cleanName)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			jdbc.sql("""
					update saved_views set query = ?, shared_department_id = ?, version = version + 1 where id = ?
					""").params(cleanQuery, sharedDepartmentId, existing.get()).update();
			return existing.get();
		}
		long views = jdbc.sql("select count(*) from saved_views where list = ? and owner_id = ?")
			.params(list, ownerId)
			.query(Long.class)
			.single();
		if (views >= 50) {
			throw new RuleViolation("name", "view.too-many", 50);
		}
		return jdbc.sql("""
				insert into saved_views (list, name, owner_id, shared_department_id, query)
				values (?, ?, ?, ?, ?) returning id
				""").params(list, cleanName, ownerId, sharedDepartmentId, cleanQuery).query(Long.class).single();
	}

	/** Only the owner deletes a view. */
	@Transactional
	public void delete(long id, long ownerId) {
		if (jdbc.sql("delete from saved_views where id = ? and owner_id = ?").params(id, ownerId).update() == 0) {
			throw new RecordNotFound("SavedView", id);
		}
	}

}
