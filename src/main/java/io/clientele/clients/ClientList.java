package io.clientele.clients;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ClientListQuery;
import io.clientele.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client list of a signed-in user: only the clients they may see, filtered, sorted
 * and paged by keyset.
 */
@Service
public class ClientList {

	private final ClientListQuery query;

	private final ClientAccess access;

	ClientList(ClientListQuery query, ClientAccess access) {
		this.query = query;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public ClientListPage page(ClientQuery request, CurrentUser reader) {
		return query.page(request, access.of(reader.id()));
	}

}
