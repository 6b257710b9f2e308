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
 * The open actions of running processes in their people's "My tasks", beside their own
 * tasks: a person's rows of {@code process_tasks} by deadline (one range of its assignee
 * index). A deal's action shows while the person may see the deal (they may no longer:
 * the deal changed hands), as its page would; an instruction's step shows to its person,
 * who is its author or executor, and opens the instruction's page. Actions of processes
 * that are neither a deal's nor an instruction's have no page and are left out.
 */
@Component
class ProcessTaskSource implements TaskSource {

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private final ProcessTaskInbox inbox;

	private final DealQueries deals;

	private final InstructionStore instructions;

	ProcessTaskSource(ProcessTaskInbox inbox, DealQueries deals, InstructionStore instructions) {
		this.inbox = inbox;
		this.deals = deals;
		this.instructions = instructions;
	}

	@Override
	public String labelKey() {
		return "process.task.label";
	}

	@Override
	public List<TaskSourceItem> openOf(long executorId, int limit) {
		List<ProcessTaskInbox.Row> rows = visible(inbox.of(executorId, limit), executorId);
		Map<Long, String> subjects = deals.subjects(dealIds(rows));
		Map<Long, String> titles = instructions.titles(rows.stream()
			.map(ProcessTaskInbox.Row::instructionId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet()));
		return rows.stream()
			.map(row -> row.dealId() != null
					? item("/processes/tasks/" + row.taskId(),
							row.name() + " · " + subjects.getOrDefault(row.dealId(), ""), row)
					: item("/instructions/" + row.instructionId(),
							row.name() + " · " + titles.getOrDefault(row.instructionId(), ""), row))
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

	/**
	 * The rows the person has a page for: the steps of instructions (theirs, as their
	 * author or executor) and the actions of deals they may see.
	 */
	private List<ProcessTaskInbox.Row> visible(List<ProcessTaskInbox.Row> rows, long executorId) {
		Set<Long> dealIds = dealIds(rows);
		Set<Long> visible = dealIds.isEmpty() ? Set.of() : deals.visibleAmong(dealIds, executorId);
		return rows.stream()
			.filter(row -> row.dealId() != null ? visible.contains(row.dealId()) : row.instructionId() != null)
			.toList();
	}

	private static Set<Long> dealIds(List<ProcessTaskInbox.Row> rows) {
		return rows.stream().map(ProcessTaskInbox.Row::dealId).filter(Objects::nonNull).collect(Collectors.toSet());
	}

	private static TaskSourceItem item(String href, String title, ProcessTaskInbox.Row row) {
		LocalDate dueOn = row.dueAt() == null ? null : LocalDate.ofInstant(row.dueAt(), ZONE);
		return new TaskSourceItem(href, title, dueOn, row.dueAllDay() ? null : row.dueAt(), row.openedAt() == null);
	}

}
