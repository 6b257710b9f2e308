package io.clientele.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ClientStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TaxIds;
import io.clientele.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The further legal entities of a client group. A client with one legal entity has its
 * requisites on the client itself and never sees this.
 */
@Service
public class LegalEntities {

	private final JdbcClient jdbc;

	private final ClientStore clients;

	private final ClientAccess access;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LegalEntities(JdbcClient jdbc, ClientStore clients, ClientAccess access, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.access = access;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public long add(long clientId, LegalEntityDraft draft, CurrentUser actor) {
		var client = clients.visible(clientId, access.of(actor.id()));
		if (client.kind() != ClientKind.ORGANISATION) {
			throw new RuleViolation(null, "legal-entity.only-organisations");
		}
		var checked = check(draft);
		long id = jdbc.sql("""
				insert into legal_entities (client_id, name, inn, kpp, ogrn, address, bank_accounts)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id
				""")
			.params(clientId, checked.name(), checked.inn(), checked.kpp(), checked.ogrn(), checked.address(),
					json.writeValueAsString(checked.bankAccounts()))
			.query(Long.class)
			.single();
		record(clientId, RecordChanged.Action.LINKED, null, describe(checked), actor);
		return id;
	}

	@Transactional
	public void update(long clientId, long id, LegalEntityDraft draft, long version, CurrentUser actor) {
		clients.visible(clientId, access.of(actor.id()));
		LegalEntity current = find(clientId, id);
		if (current.version() != version) {
			throw new ConcurrentEdit("LegalEntity", id, version, current.version());
		}
		var checked = check(draft);
		jdbc.sql("""
				update legal_entities set name = ?, inn = ?, kpp = ?, ogrn = ?, address = ?,
				       bank_accounts = cast(? as jsonb), version = version + 1
				 where id = ?
				""")
			.params(checked.name(), checked.inn(), checked.kpp(), checked.ogrn(), checked.address(),
					json.writeValueAsString(checked.bankAccounts()), id)
			.update();
		String before = describe(current.name(), current.inn(), current.kpp());
		String after = describe(checked);
		if (!before.equals(after)) {
			record(clientId, RecordChanged.Action.UPDATED, before, after, actor);
		}
	}

	@Transactional
	public void remove(long clientId, long id, CurrentUser actor) {
		clients.visible(clientId, access.of(actor.id()));
		LegalEntity current = find(clientId, id);
		jdbc.sql("delete from legal_entities where id = ?").param(id).update();
		record(clientId, RecordChanged.Action.UNLINKED, describe(current.name(), current.inn(), current.kpp()), null,
				actor);
	}

	@Transactional(readOnly = true)
	public LegalEntity get(long clientId, long id, CurrentUser reader) {
		clients.visible(clientId, access.of(reader.id()));
		return find(clientId, id);
	}

	private LegalEntity find(long clientId, long id) {
		return clients.legalEntities(clientId)
			.stream()
			.filter(entity -> entity.id() == id)
			.findFirst()
			.orElseThrow(() -> new RecordNotFound("LegalEntity", id));
	}

	private LegalEntityDraft check(LegalEntityDraft draft) {
		String name = TextRules.required("name", draft.name(), 300);
		String inn = blank(draft.inn()) ? null : TaxIds.inn("inn", draft.inn());
		String kpp = blank(draft.kpp()) ? null : TaxIds.kpp("kpp", draft.kpp());
		String ogrn = blank(draft.ogrn()) ? null : TaxIds.ogrn("ogrn", draft.ogrn());
		if (kpp != null && (inn == null || inn.length() != 10)) {
			throw new RuleViolation("kpp", "client.kpp.needs-legal-inn");
		}
		return new LegalEntityDraft(name, inn, kpp, ogrn, TextRules.line("address", draft.address(), 500),
				ClientStore.checkedBankAccounts(draft.bankAccounts()));
	}

	private void record(long clientId, RecordChanged.Action action, String before, String after, CurrentUser actor) {
		Instant now = clock.instant();
		events.publishEvent(new RecordChanged(ClientService.RECORD_TYPE, clientId, action,
				List.of(FieldChange.of("client.field.legal-entities", before, after)), actor.id(), now));
	}

	private static String describe(LegalEntityDraft entity) {
		return describe(entity.name(), entity.inn(), entity.kpp());
	}

	private static String describe(String name, String inn, String kpp) {
		return name + (inn == null ? "" : ", " + inn + (kpp == null ? "" : " / " + kpp));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
