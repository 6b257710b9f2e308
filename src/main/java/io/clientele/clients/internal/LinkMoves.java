package io.clientele.clients.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves what points at a merged record to its survivor, and back when the merge is
 * undone: contact persons' links to clients, legal entities, leads. A link both records
 * had (the same person at both clients) stays the survivor's; the merged record's copy is
 * kept in the merge so that undoing puts it back.
 */
@Component
class LinkMoves {

	private final JdbcClient jdbc;

	LinkMoves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a merge moved.
	 *
	 * @param links the contact persons (client merge) or clients (contact merge) whose
	 * link moved to the survivor
	 * @param dropped the merged record's links the survivor already had
	 */
	record Moved(List<Long> links, List<Link> dropped, List<Long> legalEntities, List<Long> leads) {

		int count() {
			return links.size() + dropped.size() + legalEntities.size() + leads.size();
		}

	}

	/** A row of client_contacts as it was. */
	record Link(long clientId, long contactId, @Nullable String position, @Nullable String department,
			boolean keyPerson, boolean leftCompany, @Nullable LocalDate leftOn) {
	}

	Moved fromClient(long merged, long survivor) {
		List<Link> dropped = jdbc.sql("""
				delete from client_contacts m using client_contacts s
				 where m.client_id = :merged and s.client_id = :survivor and s.contact_id = m.contact_id
				returning m.client_id, m.contact_id, m.position, m.department, m.key_person, m.left_company, m.left_on
				""").param("merged", merged).param("survivor", survivor).query(LinkMoves::link).list();
		List<Long> contacts = jdbc
			.sql("update client_contacts set client_id = :survivor where client_id = :merged returning contact_id")
			.param("merged", merged)
			.param("survivor", survivor)
			.query(Long.class)
			.list();
		// Someone editing one of these people had the old link on their form: their save
		// is refused as a concurrent edit rather than taking the link back.
		jdbc.sql("update contacts set version = version + 1 where id = any(:ids)")
			.param("ids", contacts.toArray(Long[]::new))
			.update();
		List<Long> entities = jdbc
			.sql("update legal_entities set client_id = :survivor where client_id = :merged returning id")
			.param("merged", merged)
			.param("survivor", survivor)
			.query(Long.class)
			.list();
		List<Long> leads = jdbc.sql("update leads set client_id = :survivor where client_id = :merged returning id")
			.param("merged", merged)
			.param("survivor", survivor)
			.query(Long.class)
			.list();
		return new Moved(contacts, dropped, entities, leads);
	}

	/** Moves back what is still where the merge put it. */
	void backToClient(Moved moved, long merged, long survivor) {
		Long[] contacts = moved.links().toArray(Long[]::new);
		jdbc.sql("""
				update client_contacts set client_id = :merged
				 where client_id = :survivor and contact_id = any(:contacts)
				   and not exists (select 1 from client_contacts c where c.client_id = :merged
				                    and c.contact_id = client_contacts.contact_id)
				""").param("merged", merged).param("survivor", survivor).param("contacts", contacts).update();
		jdbc.sql("update contacts set version = version + 1 where id = any(:ids)").param("ids", contacts).update();
		reinsert(moved.dropped());
		jdbc.sql("update legal_entities set client_id = :merged where client_id = :survivor and id = any(:ids)")
			.param("merged", merged)
			.param("survivor", survivor)
			.param("ids", moved.legalEntities().toArray(Long[]::new))
			.update();
		jdbc.sql("update leads set client_id = :merged where client_id = :survivor and id = any(:ids)")
			.param("merged", merged)
			.param("survivor", survivor)
			.param("ids", moved.leads().toArray(Long[]::new))
			.update();
	}

	Moved fromContact(long merged, long survivor) {
		List<Link> dropped = jdbc.sql("""
				delete from client_contacts m using client_contacts s
				 where m.contact_id = :merged and s.contact_id = :survivor and s.client_id = m.client_id
				returning m.client_id, m.contact_id, m.position, m.department, m.key_person, m.left_company, m.left_on
				""").param("merged", merged).param("survivor", survivor).query(LinkMoves::link).list();
		List<Long> clients = jdbc
			.sql("update client_contacts set contact_id = :survivor where contact_id = :merged returning client_id")
			.param("merged", merged)
			.param("survivor", survivor)
			.query(Long.class)
			.list();
		List<Long> leads = jdbc.sql("update leads set contact_id = :survivor where contact_id = :merged returning id")
			.param("merged", merged)
			.param("survivor", survivor)
			.query(Long.class)
			.list();
		return new Moved(clients, dropped, List.of(), leads);
	}

	void backToContact(Moved moved, long merged, long survivor) {
		jdbc.sql("""
				update client_contacts set contact_id = :merged
				 where contact_id = :survivor and client_id = any(:clients)
				   and not exists (select 1 from client_contacts c where c.contact_id = :merged
				                    and c.client_id = client_contacts.client_id)
				""")
			.param("merged", merged)
			.param("survivor", survivor)
			.param("clients", moved.links().toArray(Long[]::new))
			.update();
		reinsert(moved.dropped());
		jdbc.sql("update leads set contact_id = :merged where contact_id = :survivor and id = any(:ids)")
			.param("merged", merged)
			.param("survivor", survivor)
			.param("ids", moved.leads().toArray(Long[]::new))
			.update();
	}

	private void reinsert(List<Link> links) {
		for (Link link : links) {
			jdbc.sql(
					"""
							insert into client_contacts (client_id, contact_id, position, department, key_person, left_company, left_on)
							values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
							""")
				.params(link.clientId(), link.contactId(), link.position(), link.department(), link.keyPerson(),
						link.leftCompany(), link.leftOn())
				.update();
		}
	}

	private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				rs.getBoolean(6), rs.getObject(7, LocalDate.class));
	}

}
