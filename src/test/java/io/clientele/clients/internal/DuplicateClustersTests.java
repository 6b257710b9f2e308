package io.clientele.clients.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateClustersTests {

	@Test
	void pairs_linked_by_a_chain_form_one_group_named_after_its_first_record() {
		var clusters = new DuplicateClusters(20);
		clusters.add(7, 3, 1.0f, List.of("inn"));
		clusters.add(3, 9, 0.9f, List.of("phone"));
		clusters.add(20, 21, 0.5f, List.of("name"));

		assertThat(clusters.groups()).containsExactlyInAnyOrder(
				new DuplicateClusters.Group(3, new long[] { 3, 7, 9 }, 1.0f, List.of("inn", "phone")),
				new DuplicateClusters.Group(20, new long[] { 20, 21 }, 0.5f, List.of("name")));
	}

	@Test
	void a_weak_pair_that_would_make_a_group_too_large_is_left_out() {
		var clusters = new DuplicateClusters(3);
		clusters.add(1, 2, 1.0f, List.of("inn"));
		clusters.add(2, 3, 0.95f, List.of("email"));
		clusters.add(4, 5, 0.9f, List.of("phone"));

		assertThat(clusters.add(3, 4, 0.5f, List.of("name"))).isFalse();
		assertThat(clusters.groups()).extracting(DuplicateClusters.Group::id).containsExactlyInAnyOrder(1L, 4L);
		assertThat(clusters.groups()).allSatisfy(group -> assertThat(group.reasons()).doesNotContain("name"));
	}

	@Test
	void a_pair_within_a_group_adds_its_reason_to_the_group() {
		var clusters = new DuplicateClusters(2);
		clusters.add(1, 2, 1.0f, List.of("inn"));

		assertThat(clusters.add(1, 2, 0.6f, List.of("name"))).isTrue();
		assertThat(clusters.groups()).singleElement()
			.satisfies(group -> assertThat(group.reasons()).containsExactly("inn", "name"));
	}

}
