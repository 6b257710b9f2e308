package io.clientele.clients;

import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordQuery;
import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ClientColumns;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client list of a signed-in user: only the clients they may see, filtered, sorted
 * and paged by keyset.
 */
@Service
public class ClientList {

	private final RecordListQuery query;

	private final ClientColumns columns;

	private final ClientAccess access;

	ClientList(RecordListQuery query, ClientColumns columns, ClientAccess access) {
		this.query = query;
		this.columns = columns;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public RecordListPage page(RecordQuery request, CurrentUser reader) {
		ClientVisibility visibility = access.of(reader.id());
		return query.page(columns.source(), request, visibility.sqlCondition("c"), visibility::bind);
	}

	/**
	 * The next {@code size} clients of the list after a cursor, for an export: the same
	 * clients, filters, columns and order as {@link #page}, one short read-only
	 * transaction per slice.
	 * @param after the {@code next} of the previous slice, or null for the first
	 */
	@Transactional(readOnly = true)
	public RecordListQuery.Slice slice(RecordQuery request, @Nullable String after, int size, CurrentUser reader) {
		ClientVisibility visibility = access.of(reader.id());
		return query.slice(columns.source(), request, visibility.sqlCondition("c"), visibility::bind, after, size);
	}

}
