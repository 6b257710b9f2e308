package io.clientele.activities;

import java.util.Map;

/**
 * How many open tasks one person has in each group (and how many were done lately), for
 * the head's view and the sidebar.
 *
 * @param counts by group, each up to {@link MyTasks#COUNTED_UP_TO}
 * @param attention how many of the open ones are new to the person
 * @param atLeast whether the person has more open tasks than were counted
 */
public record MyTasksCounts(long userId, String name, Map<MyTasksGroup, Long> counts, long attention, boolean atLeast) {

	public MyTasksCounts {
		counts = Map.copyOf(counts);
	}

	public long count(MyTasksGroup group) {
		return counts.getOrDefault(group, 0L);
	}

	public long open() {
		return counts.entrySet()
			.stream()
			.filter(entry -> entry.getKey() != MyTasksGroup.DONE)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

}
