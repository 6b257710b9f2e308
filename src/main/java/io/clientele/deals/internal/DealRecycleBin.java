package io.clientele.deals.internal;

import java.time.Instant;
import java.util.List;

import io.clientele.clients.RecycleBin;
import io.clientele.clients.spi.RecycleBinSection;
import io.clientele.deals.DealAttachments;
import io.clientele.deals.DealService;
import io.clientele.deals.DealVisibility;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deleted deals in the recycle bin, for 30 days, to those who may see them; after that,
 * their files are removed every night (the deal itself stays for its history).
 */
@Component
class DealRecycleBin implements RecycleBinSection {

	private static final Logger log = LoggerFactory.getLogger(DealRecycleBin.class);

	private final JdbcClient jdbc;

	private final DealStore store;

	private final DealService deals;

	private final UserDirectory users;

	private final DealAttachments attachments;

	DealRecycleBin(JdbcClient jdbc, DealStore store, DealService deals, UserDirectory users,
			DealAttachments attachments) {
		this.jdbc = jdbc;
		this.store = store;
		this.deals = deals;
		this.users = users;
		this.attachments = attachments;
	}

	@Scheduled(cron = "${clientele.attachments.purge-cron:0 15 3 * * *}")
	void purgeFiles() {
		int purged = attachments.purgeDeletedDeals();
		if (purged > 0) {
			log.info("Removed {} files of deals deleted more than {} days ago", purged, Deal.RESTORABLE_DAYS);
		}
	}

	@Override
	public String type() {
		return DealService.RECORD_TYPE;
	}

	@Override
	public List<RecycleBin.Item> deletedSince(Instant since, int limit, CurrentUser reader) {
		DealVisibility visibility = store.visibility(reader.id());
		List<RecycleBinSection.Deleted> rows = RecycleBinSection.deleted(jdbc, "deals", "subject",
				visibility.sqlCondition("c"), visibility::bind, since, limit);
		return RecycleBinSection.items(type(), rows, users, Deal.RESTORABLE_DAYS);
	}

	@Override
	public Restored restore(long id, CurrentUser reader) {
		deals.restore(id, reader);
		return Restored.at("/deals/" + id);
	}

}
