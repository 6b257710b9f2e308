package io.clientele.processes;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientele.deals.DealQueries;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.processes.internal.MonitoringQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the running processes stand, for heads and administrators (decision 0017): how
 * many run on each map and version, and their open actions, each with its deal, who holds
 * it, since when, its due time and whether it is over its regulation time. A head sees
 * the actions held by the people of their department's subtree (and of those they stand
 * in for), an administrator all; nobody else sees the page. Read from
 * {@code process_tasks} only, a page at a time (keyset: the longest waiting first).
 */
@Service
public class ProcessMonitoring {

	public static final int PAGE = 50;

	/** What the list is narrowed to; every part optional. */
	public record Filter(@Nullable String mapKey, @Nullable Long personId, @Nullable Long departmentId,
			boolean overdueOnly) {

		public static final Filter NONE = new Filter(null, null, null, false);

	}

	/** How many processes run on a version of a map, and how many of them are overdue. */
	public record MapCount(String key, int version, String name, long processes, long overdue) {
	}

	/**
	 * An open action of a running process as the list shows it.
	 *
	 * @param waitingHours how long it has waited, in whole hours
	 * @param overdue whether its due time has passed
	 * @param escalated whether it went up to a head when its deadline passed
	 */
	public record Action(String taskId, String mapKey, int mapVersion, String mapName, @Nullable Long dealId,
			@Nullable String dealSubject, String name, @Nullable Long holderId, String holderName, Instant since,
			long waitingHours, @Nullable Instant dueAt, boolean overdue, boolean escalated) {
	}

	/**
	 * @param next the cursor of the next page, or null at the end
	 */
	public record View(List<MapCount> maps, List<Action> actions, @Nullable String next) {

		public View {
			maps = List.copyOf(maps);
			actions = List.copyOf(actions);
		}

	}

	private final MonitoringQueries queries;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final DealQueries deals;

	private final RouteMaps maps;

	private final Clock clock;

	ProcessMonitoring(MonitoringQueries queries, AccessScopes scopes, UserDirectory users, DealQueries deals,
			RouteMaps maps, Clock clock) {
		this.queries = queries;
		this.scopes = scopes;
		this.users = users;
		this.deals = deals;
		this.maps = maps;
		this.clock = clock;
	}

	/**
	 * A page of the reader's view of the running processes.
	 * @param after the cursor of the page before, or null for the first
	 * @throws AccessDeniedException for anyone but a head or an administrator
	 */
	@Transactional(readOnly = true)
	public View view(Filter filter, @Nullable String after, CurrentUser reader) {
		if (!reader.is(Role.ADMINISTRATOR) && !reader.is(Role.HEAD_OF_DEPARTMENT)) {
			throw new AccessDeniedException("Process monitoring is for heads and administrators");
		}
		Instant now = clock.instant();
		AccessScope scope = scopes.of(reader.id());
		Set<Long> people = people(filter, scope);
		Map<String, String> names = maps.all()
			.stream()
			.collect(Collectors.toMap(RouteMapSummary::key, RouteMapSummary::name, (a, b) -> a));
		List<MapCount> counts = queries.counts(scope, now)
			.stream()
			.map(c -> new MapCount(c.key(), c.version(), names.getOrDefault(c.key(), c.key()), c.processes(),
					c.overdue()))
			.toList();
		if (people != null && people.isEmpty()) {
			return new View(counts, List.of(), null);
		}
		List<MonitoringQueries.Row> rows = queries.page(scope, people, filter.mapKey(), filter.overdueOnly(), now,
				MonitoringQueries.Cursor.parse(after), PAGE + 1);
		List<MonitoringQueries.Row> shown = rows.subList(0, Math.min(PAGE, rows.size()));
		Set<Long> dealIds = shown.stream()
			.map(MonitoringQueries.Row::dealId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, String> subjects = deals.subjects(dealIds);
		Map<Long, String> holders = users.names(shown.stream()
			.map(MonitoringQueries.Row::assigneeId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		List<Action> actions = shown.stream()
			.map(row -> new Action(row.taskId(), row.mapKey(), row.mapVersion(),
					names.getOrDefault(row.mapKey(), row.mapKey()), row.dealId(),
					row.dealId() == null ? null : subjects.get(row.dealId()), row.name(), row.assigneeId(),
					row.assigneeId() == null ? "" : holders.getOrDefault(row.assigneeId(), "#" + row.assigneeId()),
					row.createdAt(), java.time.Duration.between(row.createdAt(), now).toHours(), row.dueAt(),
					row.dueAt() != null && row.dueAt().isBefore(now), row.escalatedAt() != null))
			.toList();
		String next = rows.size() > PAGE ? MonitoringQueries.Cursor.of(shown.get(shown.size() - 1)).text() : null;
		return new View(counts, actions, next);
	}

	/** The people the reader may pick in the filter: those of their scope, by name. */
	@Transactional(readOnly = true)
	public List<io.clientele.identity.UserSummary> people(CurrentUser reader) {
		return users.activeWithin(scopes.of(reader.id()));
	}

	/**
	 * The holders the filter narrows to within the scope, or null for the whole scope.
	 */
	private @Nullable Set<Long> people(Filter filter, AccessScope scope) {
		Set<Long> people = null;
		if (filter.departmentId() != null) {
			people = new HashSet<>(users.inDepartmentTree(filter.departmentId()));
		}
		if (filter.personId() != null) {
			people = people == null ? new HashSet<>(Set.of(filter.personId()))
					: people.stream().filter(filter.personId()::equals).collect(Collectors.toSet());
		}
		if (people != null && !scope.coversEverything()) {
			people.removeIf(person -> !scope.covers(person));
		}
		return people;
	}

}
