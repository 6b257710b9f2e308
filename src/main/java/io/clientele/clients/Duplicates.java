package io.clientele.clients;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.identity.AccessScope;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds records that are likely the same company or person as one being typed: the same
 * INN, the same phone (normalised), the same e-mail (any case), or a similar name
 * (trigram similarity of {@code clientele_name_key}, which drops legal forms, quotes and
 * Ё/Е differences and spells Cyrillic in Latin letters). A match the user may not see is
 * reported only by who owns it.
 */
@Service
public class Duplicates {

	/** How similar two name keys must be to count (pg_trgm similarity, 0–1). */
	public static final double NAME_THRESHOLD = 0.45;

	private static final int LIMIT = 8;

	private final JdbcClient jdbc;

	private final ClientAccess clientAccess;

	private final UserDirectory users;

	private final String phoneRegion;

	Duplicates(JdbcClient jdbc, ClientAccess clientAccess, UserDirectory users, ClienteleProperties properties) {
		this.jdbc = jdbc;
		this.clientAccess = clientAccess;
		this.users = users;
		this.phoneRegion = properties.phoneRegion();
	}

	/**
	 * What is being typed.
	 *
	 * @param organisation the name of a company (checked against clients and leads'
	 * companies)
	 * @param person the name of a person (checked against contact persons, individual
	 * clients and leads)
	 * @param excludeType the kind of the record being edited, so that it does not find
	 * itself
	 */
	public record Probe(@Nullable String organisation, @Nullable String person, @Nullable String inn,
			List<String> phones, List<String> emails, @Nullable String excludeType, @Nullable Long excludeId) {

		public boolean empty() {
			return blank(organisation) && blank(person) && blank(inn) && phones.isEmpty() && emails.isEmpty();
		}

	}

	/**
	 * A likely duplicate.
	 *
	 * @param type {@code client}, {@code contact} or {@code lead}
	 * @param name shown only when visible
	 * @param reasons message keys of the rules that matched
	 * @param visible whether the reader may open it
	 * @param owner the responsible manager's name, told when the record is not visible
	 */
	public record Candidate(String type, long id, @Nullable String name, List<String> reasons, double score,
			boolean visible, @Nullable String owner) {
	}

	@Transactional(readOnly = true)
	public List<Candidate> find(Probe probe, CurrentUser reader) {
		if (probe.empty()) {
			return List.of();
		}
		List<String> phones = new ArrayList<>();
		for (String phone : probe.phones()) {
			try {
				String e164 = PhoneNumbers.normalise("phone", phone, phoneRegion);
				phones.add(PhoneNumbers.digits(e164));
			}
			catch (RuleViolation notYetANumber) {
				// typed halfway; no match on it
			}
		}
		List<String> emails = probe.emails()
			.stream()
			.filter(email -> email.contains("@"))
			.map(email -> email.strip().toLowerCase(Locale.ROOT))
			.toList();
		String inn = probe.inn() == null || probe.inn().isBlank() ? null : probe.inn().strip();
		jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
			.param(String.valueOf(NAME_THRESHOLD))
			.query(String.class)
			.single();
		List<Raw> raw = new ArrayList<>();
		raw.addAll(clients(probe, inn, phones, emails));
		raw.addAll(contacts(probe, phones, emails));
		raw.addAll(leads(probe, phones, emails));
		raw.removeIf(match -> match.type().equals(probe.excludeType()) && probe.excludeId() != null
				&& match.id() == probe.excludeId());
		raw.sort(Comparator.comparingDouble(Raw::score).reversed());
		List<Raw> top = raw.subList(0, Math.min(LIMIT, raw.size()));
		var visibility = clientAccess.of(reader.id());
		AccessScope scope = visibility.scope();
		Set<Long> owners = new LinkedHashSet<>();
		top.forEach(match -> owners.addAll(match.responsible()));
		Map<Long, String> names = users.names(owners);
		List<Candidate> candidates = new ArrayList<>();
		for (Raw match : top) {
			boolean visible = switch (match.type()) {
				case "client" -> visibility.covers(match.responsible().get(0), match.segments());
				case "contact" -> match.responsible().stream().anyMatch(scope::covers);
				default -> scope.coversQueued(match.responsible().isEmpty() ? null : match.responsible().get(0),
						match.department());
			};
			String owner = match.responsible().isEmpty() ? null : names.get(match.responsible().get(0));
			candidates.add(new Candidate(match.type(), match.id(), visible ? match.name() : null, match.reasons(),
					match.score(), visible, visible ? null : owner));
		}
		return candidates;
	}

	private List<Raw> clients(Probe probe, @Nullable String inn, List<String> phones, List<String> emails) {
		String name = !blank(probe.organisation()) ? probe.organisation() : probe.person();
		return jdbc.sql("""
				select c.id, c.name, c.responsible_id, c.segment_ids,
				       coalesce(c.inn = cast(:inn as text), false) as same_inn,
				       c.phone_digits && cast(:phones as text[]) as same_phone,
				       c.email_lower && cast(:emails as text[]) as same_email,
				       coalesce(similarity(c.name_key, clientele_name_key(cast(:name as text))), 0) as name_score
				  from clients c
				 where c.deleted_at is null
				   and (c.inn = cast(:inn as text) or c.phone_digits && cast(:phones as text[])
				        or c.email_lower && cast(:emails as text[])
				        or c.name_key % clientele_name_key(cast(:name as text)))
				 order by same_inn desc, name_score desc limit 20
				""")
			.param("inn", inn)
			.param("phones", phones.toArray(String[]::new))
			.param("emails", emails.toArray(String[]::new))
			.param("name", blank(name) ? null : name)
			.query((rs, n) -> raw("client", rs, List.of(rs.getLong("responsible_id")),
					longs(rs.getArray("segment_ids")), 0))
			.list();
	}

	private List<Raw> contacts(Probe probe, List<String> phones, List<String> emails) {
		return jdbc.sql("""
				select ct.id, ct.full_name as name, false as same_inn,
				       ct.phone_digits && cast(:phones as text[]) as same_phone,
				       ct.email_lower && cast(:emails as text[]) as same_email,
				       coalesce(similarity(ct.name_key, clientele_name_key(cast(:name as text))), 0) as name_score,
				       array(select c.responsible_id from client_contacts cc join clients c on c.id = cc.client_id
				              where cc.contact_id = ct.id and c.deleted_at is null) as owners
				  from contacts ct
				 where ct.deleted_at is null
				   and (ct.phone_digits && cast(:phones as text[]) or ct.email_lower && cast(:emails as text[])
				        or ct.name_key % clientele_name_key(cast(:name as text)))
				 order by name_score desc limit 20
				""")
			.param("phones", phones.toArray(String[]::new))
			.param("emails", emails.toArray(String[]::new))
			.param("name", blank(probe.person()) ? null : probe.person())
			.query((rs, n) -> raw("contact", rs, longs(rs.getArray("owners")), List.of(), 0))
			.list();
	}

	private List<Raw> leads(Probe probe, List<String> phones, List<String> emails) {
		return jdbc.sql("""
				select l.id, l.name || coalesce(' (' || l.company || ')', '') as name, l.responsible_id,
				       l.department_id, false as same_inn,
				       l.phone_digits && cast(:phones as text[]) as same_phone,
				       l.email_lower && cast(:emails as text[]) as same_email,
				       greatest(coalesce(similarity(l.name_key, clientele_name_key(cast(:person as text))), 0),
				                coalesce(similarity(l.company_key, clientele_name_key(cast(:organisation as text))), 0))
				         as name_score
				  from leads l
				 where l.status <> 'CONVERTED'
				   and (l.phone_digits && cast(:phones as text[]) or l.email_lower && cast(:emails as text[])
				        or l.name_key % clientele_name_key(cast(:person as text))
				        or l.company_key % clientele_name_key(cast(:organisation as text)))
				 order by name_score desc limit 20
				""")
			.param("phones", phones.toArray(String[]::new))
			.param("emails", emails.toArray(String[]::new))
			.param("person", blank(probe.person()) ? null : probe.person())
			.param("organisation", blank(probe.organisation()) ? null : probe.organisation())
			.query((rs, n) -> {
				Long responsible = rs.getObject("responsible_id", Long.class);
				return raw("lead", rs, responsible == null ? List.of() : List.of(responsible), List.of(),
						rs.getLong("department_id"));
			})
			.list();
	}

	private static Raw raw(String type, java.sql.ResultSet rs, List<Long> responsible, List<Long> segments,
			long department) throws java.sql.SQLException {
		List<String> reasons = new ArrayList<>();
		double score = 0;
		if (rs.getBoolean("same_inn")) {
			reasons.add("duplicates.reason.inn");
			score = Math.max(score, 1.0);
		}
		if (rs.getBoolean("same_email")) {
			reasons.add("duplicates.reason.email");
			score = Math.max(score, 0.95);
		}
		if (rs.getBoolean("same_phone")) {
			reasons.add("duplicates.reason.phone");
			score = Math.max(score, 0.9);
		}
		double similarity = rs.getDouble("name_score");
		if (similarity >= NAME_THRESHOLD) {
			reasons.add("duplicates.reason.name");
			score = Math.max(score, similarity * 0.9);
		}
		return new Raw(type, rs.getLong("id"), rs.getString("name"), responsible, segments, department, reasons, score);
	}

	private static List<Long> longs(java.sql.@Nullable Array array) throws java.sql.SQLException {
		if (array == null) {
			return List.of();
		}
		List<Long> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(((Number) value).longValue());
		}
		return values;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private record Raw(String type, long id, String name, List<Long> responsible, List<Long> segments, long department,
			List<String> reasons, double score) {
	}

}
