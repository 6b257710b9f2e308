package io.clientele.identity.internal;

import java.util.List;

import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's departments as a tree: its root is the company; departments are created
 * under a parent, renamed, moved, and deleted only when nobody and nothing is in them.
 */
@Service
public class DepartmentTree {

	private final DepartmentRepository departments;

	private final UserRepository users;

	private final JdbcClient jdbc;

	DepartmentTree(DepartmentRepository departments, UserRepository users, JdbcClient jdbc) {
		this.departments = departments;
		this.users = users;
		this.jdbc = jdbc;
	}

	/**
	 * A department as the tree page shows it.
	 *
	 * @param depth 0 for the root
	 * @param members users in this department, deactivated ones included
	 */
	public record Node(long id, String name, @Nullable Long parentId, int depth, @Nullable String headName, int members,
			int children, long version) {

		public boolean root() {
			return parentId == null;
		}

		public boolean deletable() {
			return !root() && members == 0 && children == 0;
		}

	}

	/** All departments, each after its parent, siblings by name. */
	@Transactional(readOnly = true)
	public List<Node> nodes() {
		return jdbc.sql("""
				with recursive tree as (
				  select id, parent_id, name, 0 as depth, array[lower(name)] as path
				    from departments where parent_id is null
				  union all
				  select d.id, d.parent_id, d.name, t.depth + 1, t.path || lower(d.name)
				    from departments d join tree t on d.parent_id = t.id
				)
				select t.id, t.name, t.parent_id, t.depth, h.full_name as head_name, d.version,
				       (select count(*) from users u where u.department_id = t.id) as members,
				       (select count(*) from departments c where c.parent_id = t.id) as children
				  from tree t
				  join departments d on d.id = t.id
				  left join users h on h.id = d.head_user_id
				 order by t.path
				""")
			.query((rs, row) -> new Node(rs.getLong("id"), rs.getString("name"), rs.getObject("parent_id", Long.class),
					rs.getInt("depth"), rs.getString("head_name"), rs.getInt("members"), rs.getInt("children"),
					rs.getLong("version")))
			.list();
	}

	@Transactional(readOnly = true)
	public Department department(long id) {
		return departments.findById(id).orElseThrow(() -> new RecordNotFound("Department", id));
	}

	@Transactional
	public long create(String name, long parentId) {
		String cleanName = name.strip();
		Department parent = departments.findById(parentId)
			.orElseThrow(() -> new RuleViolation("parentId", "department.not-found"));
		refuseSiblingWithSameName(cleanName, parent.id(), 0);
		return departments.save(new Department(cleanName, parent.id())).id();
	}

	/** Renames and/or moves the department, as one change of the version the user saw. */
	@Transactional
	public void update(long id, String name, @Nullable Long newParentId, long version) {
		Department department = department(id);
		department.checkVersion(version);
		String cleanName = name.strip();
		Long parentId = department.parentId();
		if (newParentId != null && !newParentId.equals(parentId)) {
			if (department.isRoot()) {
				throw new RuleViolation("parentId", "department.root-cannot-move");
			}
			if (!departments.existsById(newParentId)) {
				throw new RuleViolation("parentId", "department.not-found");
			}
			if (subtreeIds(id).contains(newParentId)) {
				throw new RuleViolation("parentId", "department.move-into-own-subtree");
			}
			department.moveUnder(newParentId);
			parentId = newParentId;
		}
		if (parentId != null) {
			refuseSiblingWithSameName(cleanName, parentId, id);
		}
		department.rename(cleanName);
		departments.save(department);
	}

	@Transactional
	public void delete(long id, long version) {
		Department department = department(id);
		department.checkVersion(version);
		if (department.isRoot()) {
			throw new RuleViolation(null, "department.root-cannot-delete");
		}
		if (departments.hasChildren(id)) {
			throw new RuleViolation(null, "department.has-children");
		}
		if (users.anyInDepartment(id)) {
			throw new RuleViolation(null, "department.has-users");
		}
		departments.delete(department);
	}

	/** The department and all below it. */
	@Transactional(readOnly = true)
	public List<Long> subtreeIds(long id) {
		return jdbc.sql("""
				with recursive subtree(id) as (
				  select id from departments where id = ?
				  union all
				  select d.id from departments d join subtree s on d.parent_id = s.id
				)
				select id from subtree
				""").param(id).query(Long.class).list();
	}

	private void refuseSiblingWithSameName(String name, long parentId, long exceptId) {
		if (departments.siblingNamed(name, parentId, exceptId)) {
			throw new RuleViolation("name", "department.name-taken", name);
		}
	}

}
