package io.clientele.activities.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.activities.TaskList;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskService;
import io.clientele.activities.WorkItemChain;
import io.clientele.activities.WorkItemNext;
import io.clientele.activities.WorkItems;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.Labelled;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.lists.ListParams;
import io.clientele.shared.lists.RecordListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks and work items through the API, with the same access, rules and history as the
 * pages.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class TasksApi {

	private static final List<String> COLUMNS = List.of("name", "kind", "state", "priority", "due", "dueAt", "executor",
			"author", "client", "contact", "deal", "previous", "chain", "spent", "done", "created", "updated",
			"version");

	private final TaskService tasks;

	private final TaskList list;

	private final WorkItems workItems;

	TasksApi(TaskService tasks, TaskList list, WorkItems workItems) {
		this.tasks = tasks;
		this.list = list;
		this.workItems = workItems;
	}

	record Page(List<Map<String, @Nullable Object>> items, @Nullable String next, @Nullable String previous) {
	}

	@GetMapping
	@Operation(summary = "List the tasks the caller may see",
			description = "Keyset pages: pass `after` (the `next` of the previous page) or `before`. Filters as "
					+ "`f.<column>=value` (several values mean any of them); ranges as `f.<column>.from` / `.to`. "
					+ "Filter columns: executor, author, client, contact, deal, chain (ids), kind (TASK, WORK_ITEM), "
					+ "state (NEW, IN_PROGRESS, DONE), priority (LOW, NORMAL, HIGH), due, done, created, updated "
					+ "(dates), spent (minutes). `overdue=true` keeps the open tasks past their deadline. `q` "
					+ "searches the title. Sorts: due (default), name, created, updated, done, kind, state, "
					+ "priority.")
	Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "false") boolean overdue, @AuthenticationPrincipal CurrentUser user) {
		ListParams state = ListParams.from("/tasks", params, COLUMNS, "due", false);
		if (state.group() != null) {
			throw new RuleViolation("group", "list.group-invalid");
		}
		RecordListPage page = list.page(state.query(), overdue, user);
		List<Map<String, @Nullable Object>> items = page.rows().stream().map(row -> {
			Map<String, @Nullable Object> item = new LinkedHashMap<>();
			item.put("id", row.id());
			row.values().forEach((key, value) -> item.put(switch (key) {
				case "name" -> "title";
				case "due" -> "dueOn";
				case "executor" -> "executorId";
				case "author" -> "authorId";
				case "client" -> "clientId";
				case "contact" -> "contactId";
				case "deal" -> "dealId";
				case "previous" -> "previousId";
				case "chain" -> "chainId";
				case "spent" -> "spentMinutes";
				case "done" -> "doneAt";
				case "created" -> "createdAt";
				case "updated" -> "updatedAt";
				default -> key;
			}, value instanceof Labelled labelled ? labelled.name() : value));
			return item;
		}).toList();
		return new Page(items, page.next(), page.previous());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A task or work item")
	TaskJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return TaskJson.of(tasks.card(id, user));
	}

	@PostMapping
	@Operation(summary = "Set a task or a work item",
			description = "For the caller when `executorId` is left out. A task given to someone else is NEW to "
					+ "them until they open it; given to someone absent, it goes to their deputy. A deal needs "
					+ "(or sets) its client; a contact person must be one of the client's.")
	ResponseEntity<TaskJson> create(@RequestBody TaskWrite task, @AuthenticationPrincipal CurrentUser user) {
		long id = tasks.create(task.draft(), user);
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + id)).body(TaskJson.of(tasks.card(id, user)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a task's data",
			description = "Send the version you read; if someone changed the task since, the answer is 409. "
					+ "Kind and state stay: complete and reopen change the state.")
	TaskJson update(@PathVariable long id, @RequestBody TaskWrite task, @AuthenticationPrincipal CurrentUser user) {
		tasks.update(id, task.draft(), version(task.version()), user);
		return TaskJson.of(tasks.card(id, user));
	}

	record Complete(@Nullable String result, @Nullable Integer spentMinutes, @Nullable Long version) {
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Mark a task done", description = "With what came of it and the minutes spent, if given.")
	TaskJson complete(@PathVariable long id, @RequestBody Complete body, @AuthenticationPrincipal CurrentUser user) {
		tasks.complete(id, version(body.version()), body.result(), body.spentMinutes(), user);
		return TaskJson.of(tasks.card(id, user));
	}

	record Version(@Nullable Long version) {
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Take a done task back into work")
	TaskJson reopen(@PathVariable long id, @RequestBody Version body, @AuthenticationPrincipal CurrentUser user) {
		tasks.reopen(id, version(body.version()), user);
		return TaskJson.of(tasks.card(id, user));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a task to the recycle bin (restorable for 30 days)")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user) {
		tasks.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param version the version of the current step
	 * @param completeCurrent close the current step (with {@code result}) in the same
	 * call
	 */
	record Next(@Nullable Long executorId, @Nullable String title, @Nullable String description,
			@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, @Nullable TaskPriority priority,
			@Nullable Boolean completeCurrent, @Nullable String result, @Nullable Long version) {
	}

	@PostMapping("/{id}/next")
	@Operation(summary = "Create the next step of a work item based on it",
			description = "The same client, contact person and deal, another executor and dates; the chain is "
					+ "kept. Only work items have a next step.")
	ResponseEntity<TaskJson> next(@PathVariable long id, @RequestBody Next body,
			@AuthenticationPrincipal CurrentUser user) {
		if (body.executorId() == null) {
			throw new RuleViolation("executorId", "task.executor-invalid");
		}
		long step = workItems.next(id,
				new WorkItemNext(body.executorId(), body.title(), body.description(), body.dueOn(), body.dueTime(),
						body.priority(), Boolean.TRUE.equals(body.completeCurrent()), body.result()),
				version(body.version()), user);
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + step)).body(TaskJson.of(tasks.card(step, user)));
	}

	@GetMapping("/{id}/chain")
	@Operation(summary = "The chain of steps a work item belongs to, first step first")
	WorkItemChain chain(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return workItems.chain(id, user);
	}

	private static long version(@Nullable Long version) {
		if (version == null) {
			throw new RuleViolation("version", "value.missing");
		}
		return version;
	}

}
