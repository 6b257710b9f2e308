package io.clientele.identity;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessScopeTests {

	@Test
	void an_administrators_scope_needs_no_condition() {
		var scope = new AccessScope(AccessScope.Kind.ALL, 1, Set.of());
		assertThat(scope.sqlCondition("c.responsible_id")).isEqualTo("true");
		assertThat(scope.covers(12345)).isTrue();
	}

	@Test
	void a_single_users_scope_is_an_equality_that_an_index_can_walk_in_order() {
		var scope = new AccessScope(AccessScope.Kind.OWN, 7, Set.of(7L));
		assertThat(scope.sqlCondition("c.responsible_id")).isEqualTo("c.responsible_id = :scopeUserIds");
		assertThat(scope.covers(7)).isTrue();
		assertThat(scope.covers(8)).isFalse();
	}

	@Test
	void a_limited_scope_filters_the_responsible_column_by_its_users() {
		var scope = new AccessScope(AccessScope.Kind.DEPARTMENT, 7, Set.of(7L, 8L));
		assertThat(scope.sqlCondition("c.responsible_id")).isEqualTo("c.responsible_id = any(:scopeUserIds)");
		assertThat(scope.sqlArray()).containsExactlyInAnyOrder(7L, 8L);
		assertThat(scope.covers(8)).isTrue();
		assertThat(scope.covers(9)).isFalse();
	}

}
