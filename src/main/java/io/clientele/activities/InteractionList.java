package io.clientele.activities;

import io.clientele.activities.internal.InteractionColumns;
import io.clientele.activities.internal.InteractionStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.shared.lists.RecordQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interaction list of a signed-in user: only the interactions they may see
 * ({@link InteractionVisibility}), filtered and paged by keyset, newest first.
 */
@Service
public class InteractionList {

	private final RecordListQuery query;

	private final InteractionColumns columns;

	private final InteractionStore store;

	private final JdbcClient jdbc;

	InteractionList(RecordListQuery query, InteractionColumns columns, InteractionStore store, JdbcClient jdbc) {
		this.query = query;
		this.columns = columns;
		this.store = store;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public RecordListPage page(RecordQuery request, CurrentUser reader) {
		InteractionVisibility visibility = store.visibility(reader.id());
		// Each rule a branch read in the list's order, at most a page each. Planned for
		// the values, or the sixth page view gets a generic plan that scans the table.
		RecordListQuery.planForTheValues(jdbc);
		return query.page(columns.source(), request, visibility.sqlCondition("c"), visibility.sqlBranches("c"),
				visibility::bind);
	}

	/** A slice of the whole list, for an export that walks every page. */
	@Transactional(readOnly = true)
	public RecordListQuery.Slice slice(RecordQuery request, @org.jspecify.annotations.Nullable String after, int size,
			CurrentUser reader) {
		InteractionVisibility visibility = store.visibility(reader.id());
		RecordListQuery.planForTheValues(jdbc);
		return query.slice(columns.source(), request, visibility.sqlCondition("c"), visibility.sqlBranches("c"),
				visibility::bind, after, size);
	}

}
