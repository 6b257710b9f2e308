package io.clientele.activities.internal;

import java.time.Instant;
import java.util.List;

import io.clientele.activities.InteractionRestored;
import io.clientele.activities.InteractionService;
import io.clientele.activities.InteractionVisibility;
import io.clientele.clients.RecycleBin;
import io.clientele.clients.spi.RecycleBinSection;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deleted interactions in the one recycle bin, for 30 days, to those who may see them;
 * restoring a meeting tells when the room it held was not free any more.
 */
@Component
class InteractionRecycleBin implements RecycleBinSection {

	private final JdbcClient jdbc;

	private final InteractionStore store;

	private final InteractionService interactions;

	private final UserDirectory users;

	InteractionRecycleBin(JdbcClient jdbc, InteractionStore store, InteractionService interactions,
			UserDirectory users) {
		this.jdbc = jdbc;
		this.store = store;
		this.interactions = interactions;
		this.users = users;
	}

	@Override
	public String type() {
		return InteractionService.RECORD_TYPE;
	}

	/**
	 * The newest deletions from {@code interactions_deleted_idx}, each checked against
	 * the access set (which, for a manager, is the small set of what they may see).
	 */
	@Override
	public List<RecycleBin.Item> deletedSince(Instant since, int limit, CurrentUser reader) {
		InteractionVisibility visibility = store.visibility(reader.id());
		List<RecycleBinSection.Deleted> rows = RecycleBinSection.deleted(jdbc, "interactions", "subject",
				visibility.sqlCondition("c"), visibility::bind, since, limit);
		return RecycleBinSection.items(type(), rows, users, Interaction.RESTORABLE_DAYS);
	}

	@Override
	public Restored restore(long id, CurrentUser reader) {
		InteractionRestored restored = interactions.restore(id, reader);
		String page = "/interactions/" + id;
		return restored.roomLost() == null ? Restored.at(page)
				: new Restored(page, "interaction.restored-without-room", List.of(restored.roomLost()));
	}

}
