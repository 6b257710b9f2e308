package io.clientele.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.clientele.deals.DealService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.processes.internal.DealKeys;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.shared.RecordNotFound;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's process for its card: the map of its latest process with where it stands and
 * what it went through, its open actions, and the steps completed in all its processes
 * (the engine's history: who and when).
 */
@Service
public class DealProcesses {

	private final HistoryService history;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ProcessTaskInbox inbox;

	private final UserDirectory users;

	private final DealService deals;

	DealProcesses(HistoryService history, RuntimeService runtime, RepositoryService repository, ProcessTaskInbox inbox,
			UserDirectory users, DealService deals) {
		this.history = history;
		this.runtime = runtime;
		this.repository = repository;
		this.inbox = inbox;
		this.users = users;
		this.deals = deals;
	}

	/**
	 * The deal's latest process, or empty when it never had one. The caller has checked
	 * that the reader may see the deal.
	 */
	@Transactional(readOnly = true)
	public Optional<DealProcessView> of(long dealId) {
		Optional<HistoricProcessInstance> latest = latest(dealId);
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		HistoricProcessInstance instance = latest.get();
		ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
		boolean running = instance.getEndTime() == null;
		List<String> current = running ? runtime.getActiveActivityIds(instance.getId()) : List.of();
		Set<String> passed = new LinkedHashSet<>();
		for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.finished()
			.list()) {
			if (activity.getDeleteReason() == null) {
				passed.add(activity.getActivityId());
			}
		}
		List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(DealKeys.of(dealId))
			.finished()
			.includeTaskLocalVariables()
			.orderByHistoricTaskInstanceEndTime()
			.asc()
			.list()
			.stream()
			.filter(task -> task.getDeleteReason() == null)
			.toList();
		List<ProcessTaskInbox.Row> open = inbox.ofDeal(dealId);
		Set<Long> people = new HashSet<>();
		done.stream().map(HistoricTaskInstance::getCompletedBy).map(DealProcesses::userId).forEach(people::add);
		open.stream().map(ProcessTaskInbox.Row::assigneeId).forEach(people::add);
		people.remove(null);
		Map<Long, String> names = users.names(people);
		List<DealProcessView.Step> steps = new ArrayList<>();
		for (HistoricTaskInstance task : done) {
			Object answer = task.getTaskLocalVariables().get(ProcessTasks.ANSWER);
			Long by = userId(task.getCompletedBy());
			steps.add(new DealProcessView.Step(task.getName(), answer == null ? null : answer.toString(),
					by == null ? "" : names.getOrDefault(by, "#" + by), task.getEndTime().toInstant()));
		}
		String reason = endReason(instance.getDeleteReason());
		return Optional.of(new DealProcessView(definition.getKey(),
				definition.getName() == null ? definition.getKey() : definition.getName(), definition.getVersion(),
				running, reason, current, List.copyOf(passed),
				open.stream()
					.map(row -> new DealProcessView.OpenAction(row.taskId(), row.name(),
							row.assigneeId() == null ? ""
									: names.getOrDefault(row.assigneeId(), "#" + row.assigneeId()),
							row.createdAt()))
					.toList(),
				steps));
	}

	/**
	 * The BPMN file of the version the deal's latest process runs (ran) on, for the map
	 * on its card.
	 * @throws RecordNotFound when the reader may not see the deal or it never had one
	 */
	@Transactional(readOnly = true)
	public byte[] mapOf(long dealId, CurrentUser reader) {
		if (!deals.visible(dealId, reader)) {
			throw new RecordNotFound("Deal", dealId);
		}
		HistoricProcessInstance instance = latest(dealId).orElseThrow(() -> new RecordNotFound("Process", dealId));
		try (InputStream model = repository.getProcessModel(instance.getProcessDefinitionId())) {
			return model.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final java.util.Set<String> REASONS = java.util.Set.of("mode-switched", "deal-closed",
			"deal-deleted");

	/** Why a process was ended before its end, as a message key; null when it was not. */
	private static @Nullable String endReason(@Nullable String deleteReason) {
		if (deleteReason == null) {
			return null;
		}
		String reason = deleteReason.replace("clientele:", "");
		return "process.ended." + (REASONS.contains(reason) ? reason : "other");
	}

	/**
	 * The running process if there is one, else the one started last: one look-up in the
	 * engine's history (a deal has few processes), also for a deal that never had one.
	 */
	private Optional<HistoricProcessInstance> latest(long dealId) {
		List<HistoricProcessInstance> all = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(DealKeys.of(dealId))
			.orderByProcessInstanceStartTime()
			.desc()
			.list();
		return all.stream()
			.filter(instance -> instance.getEndTime() == null)
			.findFirst()
			.or(() -> all.stream().findFirst());
	}

	private static @Nullable Long userId(@Nullable String id) {
		return id == null || !id.matches("[1-9][0-9]{0,17}") ? null : Long.parseLong(id);
	}

}
