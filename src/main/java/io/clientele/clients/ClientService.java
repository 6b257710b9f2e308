package io.clientele.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ClientStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.customfields.CustomFields;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing, deleting and restoring clients, for a signed-in user and within what
 * they may see. Every change publishes {@link RecordChanged}, which becomes the history.
 */
@Service
public class ClientService {

	public static final String RECORD_TYPE = "client";

	private final ClientStore store;

	private final ClientAccess access;

	private final CustomFields customFields;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ClientService(ClientStore store, ClientAccess access, CustomFields customFields, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.access = access;
		this.customFields = customFields;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public long create(ClientDraft draft, CurrentUser actor) {
		Instant now = clock.instant();
		var fields = customFields.of("CLIENT");
		var created = store.create(store.check(draft, null, actor, fields), actor.id(), now);
		events.publishEvent(new RecordChanged(RECORD_TYPE, created.id(), RecordChanged.Action.CREATED,
				store.initialChanges(created, fields), actor.id(), now));
		return created.id();
	}

	/**
	 * Replaces the client's data with the draft, refused when the client changed since
	 * the version the user edited.
	 */
	@Transactional
	public void update(long id, ClientDraft draft, long version, CurrentUser actor) {
		Instant now = clock.instant();
		var client = store.visible(id, access.of(actor.id()));
		client.checkVersion(version);
		var fields = customFields.of("CLIENT");
		var changes = store.update(client, store.check(draft, client, actor, fields), fields, now);
		if (!changes.isEmpty()) {
			events.publishEvent(
					new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes, actor.id(), now));
		}
	}

	/** Moves the client to the recycle bin. */
	@Transactional
	public void delete(long id, long version, CurrentUser actor) {
		Instant now = clock.instant();
		var client = store.visible(id, access.of(actor.id()));
		client.checkVersion(version);
		store.delete(client, actor.id(), now);
		events
			.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.DELETED, List.of(), actor.id(), now));
	}

	/** Takes the client back from the recycle bin (within 30 days). */
	@Transactional
	public void restore(long id, CurrentUser actor) {
		Instant now = clock.instant();
		var client = store.visibleInRecycleBin(id, access.of(actor.id()));
		store.restore(client, now);
		events.publishEvent(
				new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.RESTORED, List.of(), actor.id(), now));
	}

	@Transactional(readOnly = true)
	public ClientCard card(long id, CurrentUser reader) {
		return store.card(store.visible(id, access.of(reader.id())));
	}

	/** Whether the user may see the client (for pages of other records that name it). */
	@Transactional(readOnly = true)
	public boolean visible(long id, CurrentUser reader) {
		return store.isVisible(id, access.of(reader.id()));
	}

	@Transactional(readOnly = true)
	public Map<String, Object> customValues(long id, CurrentUser reader) {
		return store.visible(id, access.of(reader.id())).custom();
	}

}
