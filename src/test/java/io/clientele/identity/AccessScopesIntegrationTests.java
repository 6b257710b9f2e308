package io.clientele.identity;

import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree: sales > (north > north-east), service. Heads of sales and north, a manager in
 * north-east, a manager in service, an administrator.
 */
@ClienteleIntegrationTest
class AccessScopesIntegrationTests {

	@Autowired
	AccessScopes scopes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser headOfSales;

	CurrentUser headOfNorth;

	CurrentUser managerNorthEast;

	CurrentUser managerService;

	CurrentUser administrator;

	@BeforeEach
	void tree() {
		var users = new TestUsers(jdbc, encoder);
		long root = users.rootDepartment();
		long sales = users.department("Sales", root);
		long north = users.department("North", sales);
		long northEast = users.department("North-East", north);
		long service = users.department("Service", root);
		headOfSales = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		headOfNorth = users.user(Role.HEAD_OF_DEPARTMENT, north);
		managerNorthEast = users.user(Role.SALES_MANAGER, northEast);
		managerService = users.user(Role.SALES_MANAGER, service);
		administrator = users.user(Role.ADMINISTRATOR, root);
	}

	@Test
	void a_manager_sees_only_their_own_records() {
		AccessScope scope = scopes.of(managerNorthEast.id());
		assertThat(scope.kind()).isEqualTo(AccessScope.Kind.OWN);
		assertThat(scope.responsibleUserIds()).containsExactly(managerNorthEast.id());
	}

	@Test
	void a_head_sees_the_records_of_their_whole_department_subtree() {
		AccessScope scope = scopes.of(headOfSales.id());
		assertThat(scope.kind()).isEqualTo(AccessScope.Kind.DEPARTMENT);
		assertThat(scope.responsibleUserIds()).contains(headOfSales.id(), headOfNorth.id(), managerNorthEast.id())
			.doesNotContain(managerService.id(), administrator.id());
	}

	@Test
	void a_head_of_a_sub_department_does_not_see_the_department_above() {
		AccessScope scope = scopes.of(headOfNorth.id());
		assertThat(scope.responsibleUserIds()).contains(headOfNorth.id(), managerNorthEast.id())
			.doesNotContain(headOfSales.id(), managerService.id());
	}

	@Test
	void an_administrator_sees_everything() {
		AccessScope scope = scopes.of(administrator.id());
		assertThat(scope.coversEverything()).isTrue();
		assertThat(scope.covers(managerService.id())).isTrue();
	}

	@Test
	void the_scope_filters_a_real_query() {
		AccessScope scope = scopes.of(headOfNorth.id());
		var visible = scope
			.bind(jdbc.sql("select id from users u where " + scope.sqlCondition("u.id") + " and u.id = any(:ids)"))
			.param("ids", new Long[] { managerNorthEast.id(), managerService.id() })
			.query(Long.class)
			.list();
		assertThat(visible).containsExactly(managerNorthEast.id());
	}

}
