package io.clientele.activities;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rows "show more" adds to a group of "My tasks".
 *
 * @param next where the following "show more" continues, or null when these were the last
 */
public record MyTasksMore(List<MyTasksRow> rows, @Nullable String next) {

	public MyTasksMore {
		rows = List.copyOf(rows);
	}

}
