package io.clientele.activities;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * "My tasks" of one person (or of everyone a head may see): the groups by deadline with
 * their counts and first rows.
 *
 * @param today the day the groups were cut at
 * @param people whose tasks these are
 */
public record MyTasksView(LocalDate today, List<Long> people, List<Group> groups) {

	public MyTasksView {
		people = List.copyOf(people);
		groups = List.copyOf(groups);
	}

	/**
	 * @param count how many tasks the group holds, up to {@link MyTasks#COUNTED_UP_TO}
	 * @param atLeast whether there may be more than {@code count} (the bound was reached)
	 */
	public record Group(MyTasksGroup key, long count, boolean atLeast, List<MyTasksRow> rows) {

		public Group {
			rows = List.copyOf(rows);
		}

		public boolean more() {
			return atLeast || count > rows.size();
		}

		/**
		 * Where "show more" continues: after the last task shown, or null when all are.
		 */
		public @Nullable String next() {
			if (!more()) {
				return null;
			}
			for (int i = rows.size() - 1; i >= 0; i--) {
				if (rows.get(i).cursor() != null) {
					return rows.get(i).cursor();
				}
			}
			return null;
		}

	}

	public long open() {
		return groups.stream().filter(group -> group.key() != MyTasksGroup.DONE).mapToLong(Group::count).sum();
	}

	public long attention() {
		return groups.stream()
			.filter(group -> group.key() != MyTasksGroup.DONE)
			.flatMap(group -> group.rows().stream())
			.filter(MyTasksRow::attention)
			.count();
	}

}
