package io.clientele.clients;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names of clients and contact persons by id, for pages of other records that point
 * at them (a deal names its client). No access check: the caller shows names of records
 * its own record already refers to.
 */
@Service
public class RecordNames {

	private final JdbcClient jdbc;

	RecordNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Map<Long, String> clients(Collection<Long> ids) {
		return names("select id, name from clients where id = any(?)", ids);
	}

	@Transactional(readOnly = true)
	public Map<Long, String> contacts(Collection<Long> ids) {
		return names("select id, full_name from contacts where id = any(?)", ids);
	}

	/** The contact persons of a client who still work there, by name. */
	@Transactional(readOnly = true)
	public Map<Long, String> contactsOf(long clientId) {
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql("""
				select ct.id, ct.full_name from client_contacts cc join contacts ct on ct.id = cc.contact_id
				 where cc.client_id = ? and ct.deleted_at is null and not cc.left_company
				 order by lower(ct.full_name), ct.id
				""").param(clientId).query(rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		return names;
	}

	private Map<Long, String> names(String sql, Collection<Long> ids) {
		Map<Long, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql(sql).param(ids.toArray(Long[]::new)).query(rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		return names;
	}

}
