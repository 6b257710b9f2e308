package io.clientele.processes.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientele.activities.TaskSource;
import io.clientele.activities.TaskSourceItem;
import io.clientele.deals.DealQueries;
import org.springframework.stereotype.Component;

/**
 * The open actions of deals' processes in their people's "My tasks", beside their own
 * tasks: a person's rows of {@code process_tasks} by deadline (one range of its assignee
 * index), less those whose deal the person may not see (any more: the deal changed
 * hands), which their page would not show either.
 */
@Component
class ProcessTaskSource implements TaskSource {

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private final ProcessTaskInbox inbox;

	private final DealQueries deals;

	ProcessTaskSource(ProcessTaskInbox inbox, DealQueries deals) {
		this.inbox = inbox;
		this.deals = deals;
	}

	@Override
	public String labelKey() {
		return "process.task.label";
	}

	@Override
	public List<TaskSourceItem> openOf(long executorId, int limit) {
		List<ProcessTaskInbox.Row> rows = visible(inbox.of(executorId, limit), executorId);
		Map<Long, String> subjects = deals.subjects(
				rows.stream().map(ProcessTaskInbox.Row::dealId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return rows.stream()
			.map(row -> new TaskSourceItem("/processes/tasks/" + row.taskId(),
					row.name() + " · " + subjects.getOrDefault(row.dealId(), ""),
					row.dueAt() == null ? null : LocalDate.ofInstant(row.dueAt(), ZONE), row.dueAt(),
					row.openedAt() == null))
			.toList();
	}

	/**
	 * The person's actions that are new to them or due before the instant, as "My tasks"
	 * shows them.
	 */
	@Override
	public long attentionOf(long executorId, Instant dueBefore, int bound) {
		return visible(inbox.attentionOf(executorId, dueBefore, bound), executorId).size();
	}

	/** The rows whose deal the person may see. */
	private List<ProcessTaskInbox.Row> visible(List<ProcessTaskInbox.Row> rows, long executorId) {
		Set<Long> dealIds = rows.stream()
			.map(ProcessTaskInbox.Row::dealId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Set<Long> visible = dealIds.isEmpty() ? Set.of() : deals.visibleAmong(dealIds, executorId);
		return rows.stream().filter(row -> row.dealId() != null && visible.contains(row.dealId())).toList();
	}

}
