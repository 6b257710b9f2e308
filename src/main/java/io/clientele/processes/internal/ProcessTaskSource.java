package io.clientele.processes.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
		List<ProcessTaskInbox.Row> rows = inbox.of(executorId, limit)
			.stream()
			.filter(row -> row.dealId() != null)
			.toList();
		Set<Long> dealIds = rows.stream()
			.map(ProcessTaskInbox.Row::dealId)
			.filter(Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		Set<Long> visible = deals.visibleAmong(dealIds, executorId);
		Map<Long, String> subjects = deals.subjects(visible);
		return rows.stream()
			.filter(row -> visible.contains(row.dealId()))
			.map(row -> new TaskSourceItem("/processes/tasks/" + row.taskId(),
					row.name() + " · " + subjects.getOrDefault(row.dealId(), ""),
					row.dueAt() == null ? null : LocalDate.ofInstant(row.dueAt(), ZONE), row.dueAt(),
					row.openedAt() == null))
			.toList();
	}

}
