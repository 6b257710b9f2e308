package io.clientele.clients.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.clientele.audit.spi.ResponsibleUsers;
import io.clientele.clients.ClientService;
import io.clientele.clients.ContactService;
import io.clientele.clients.Leads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose clients, contact persons and leads are, for the history's "acted for": a client's
 * and a lead's responsible manager (a lead in a department's queue is nobody's), a
 * contact person's the managers of the clients they work for.
 */
@Component
class ClientResponsibleUsers implements ResponsibleUsers {

	private final ClientRepository clients;

	private final JdbcClient jdbc;

	ClientResponsibleUsers(ClientRepository clients, JdbcClient jdbc) {
		this.clients = clients;
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> recordTypes() {
		return Set.of(ClientService.RECORD_TYPE, ContactService.RECORD_TYPE, Leads.RECORD_TYPE);
	}

	@Override
	public List<Long> of(String recordType, long recordId) {
		return switch (recordType) {
			// The aggregate as the change left it, flushed or not yet.
			case ClientService.RECORD_TYPE ->
				clients.findById(recordId).map(client -> List.of(client.responsibleId())).orElse(List.of());
			case Leads.RECORD_TYPE -> jdbc.sql("select responsible_id from leads where id = ?")
				.param(recordId)
				.query(Long.class)
				.optional()
				.map(List::of)
				.orElse(List.of());
			default -> jdbc.sql("select client_responsible_ids from contacts where id = ?")
				.param(recordId)
				.query((rs, row) -> Arrays.stream((Long[]) rs.getArray(1).getArray()).toList())
				.optional()
				.orElse(List.of());
		};
	}

}
