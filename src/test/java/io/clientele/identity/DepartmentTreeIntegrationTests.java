package io.clientele.identity;

import io.clientele.identity.internal.DepartmentTree;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ClienteleIntegrationTest
class DepartmentTreeIntegrationTests {

	@Autowired
	DepartmentTree tree;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	long root;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		root = users.rootDepartment();
	}

	@Test
	void a_department_is_created_renamed_and_moved() {
		long sales = tree.create(TestUsers.unique("Sales"), root);
		long north = tree.create("North", sales);
		long service = tree.create(TestUsers.unique("Service"), root);

		tree.update(north, "North-West", service, tree.department(north).version());

		var node = tree.nodes().stream().filter(n -> n.id() == north).findFirst().orElseThrow();
		assertThat(node.name()).isEqualTo("North-West");
		assertThat(node.parentId()).isEqualTo(service);
		assertThat(node.depth()).isEqualTo(2);
	}

	@Test
	void the_tree_lists_every_department_after_its_parent() {
		long sales = tree.create(TestUsers.unique("Sales"), root);
		long north = tree.create("North", sales);
		var ids = tree.nodes().stream().map(DepartmentTree.Node::id).toList();
		assertThat(ids.get(0)).isEqualTo(root);
		assertThat(ids.indexOf(north)).isGreaterThan(ids.indexOf(sales));
	}

	@Test
	void two_departments_of_one_parent_cannot_share_a_name() {
		long sales = tree.create(TestUsers.unique("Sales"), root);
		tree.create("North", sales);
		assertThatThrownBy(() -> tree.create(" north ", sales)).isInstanceOf(RuleViolation.class)
			.extracting("field", "messageKey")
			.containsExactly("name", "department.name-taken");
	}

	@Test
	void a_department_cannot_be_moved_into_its_own_subtree() {
		long sales = tree.create(TestUsers.unique("Sales"), root);
		long north = tree.create("North", sales);
		long northEast = tree.create("North-East", north);
		assertThatThrownBy(() -> tree.update(sales, "Sales", northEast, tree.department(sales).version()))
			.extracting("messageKey")
			.isEqualTo("department.move-into-own-subtree");
	}

	@Test
	void a_department_is_deleted_only_when_empty() {
		long sales = tree.create(TestUsers.unique("Sales"), root);
		long north = tree.create("North", sales);
		assertThatThrownBy(() -> tree.delete(sales, tree.department(sales).version())).extracting("messageKey")
			.isEqualTo("department.has-children");

		var manager = users.user(Role.SALES_MANAGER, north);
		jdbc.sql("update users set active = false where id = ?").param(manager.id()).update();
		assertThatThrownBy(() -> tree.delete(north, tree.department(north).version())).extracting("messageKey")
			.isEqualTo("department.has-users");

		jdbc.sql("update users set department_id = ? where id = ?").params(root, manager.id()).update();
		tree.delete(north, tree.department(north).version());
		tree.delete(sales, tree.department(sales).version());
		assertThat(tree.nodes()).noneMatch(node -> node.id() == sales || node.id() == north);
	}

	@Test
	void the_company_itself_can_be_renamed_but_neither_moved_nor_deleted() {
		long other = tree.create(TestUsers.unique("Other"), root);
		assertThatThrownBy(() -> tree.update(root, "Company", other, tree.department(root).version()))
			.extracting("messageKey")
			.isEqualTo("department.root-cannot-move");
		assertThatThrownBy(() -> tree.delete(root, tree.department(root).version())).extracting("messageKey")
			.isEqualTo("department.root-cannot-delete");
	}

	@Test
	void an_edit_based_on_an_old_version_is_refused() {
		long sales = tree.create(TestUsers.unique("Sales"), root);
		long seen = tree.department(sales).version();
		tree.update(sales, TestUsers.unique("Sales and Marketing"), null, seen);
		assertThatThrownBy(() -> tree.update(sales, "Mine", null, seen)).isInstanceOf(ConcurrentEdit.class);
		assertThat(tree.department(sales).name()).startsWith("Sales and Marketing");
	}

}
