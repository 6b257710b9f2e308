package io.clientele.activities.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import io.clientele.activities.TaskCard;
import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskService;
import io.clientele.activities.WorkItemChain;
import io.clientele.activities.WorkItemNext;
import io.clientele.activities.WorkItems;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.RecordNames;
import io.clientele.deals.DealQueries;
import io.clientele.identity.AccessScope;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.Forms;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task form and card, with the card's actions: complete, reopen, delete, and a work
 * item's next step.
 */
@Controller
@RequestMapping("/tasks")
class TaskPages {

	static final int HISTORY_PAGE = 20;

	private final TaskService tasks;

	private final WorkItems workItems;

	private final ClientService clients;

	private final RecordNames names;

	private final DealQueries deals;

	private final UserDirectory users;

	private final RecordHistory history;

	TaskPages(TaskService tasks, WorkItems workItems, ClientService clients, RecordNames names, DealQueries deals,
			UserDirectory users, RecordHistory history) {
		this.tasks = tasks;
		this.workItems = workItems;
		this.clients = clients;
		this.names = names;
		this.deals = deals;
		this.users = users;
		this.history = history;
	}

	@GetMapping("/new")
	String newTask(@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long dealId,
			@RequestParam(required = false) @Nullable TaskKind kind, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		TaskForm form = new TaskForm();
		if (clientId != null) {
			clients.card(clientId, user);
			form.setClientId(clientId);
		}
		if (dealId != null) {
			form.setClientId(deals.clientOf(dealId).orElse(clientId));
			form.setDealId(dealId);
		}
		form.setKind(kind == null ? TaskKind.TASK : kind);
		form.setExecutorId(user.id());
		model.addAttribute("form", form);
		return formPage(model, user, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") TaskForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				long id = tasks.create(form.toDraft(), user);
				redirect.addFlashAttribute("notice",
						form.getKind() == TaskKind.WORK_ITEM ? "workitem.created" : "task.created");
				return "redirect:/tasks/" + id;
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, null);
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		TaskCard card = tasks.open(id, user);
		model.addAttribute("task", card);
		if (card.workItem()) {
			WorkItemChain chain = workItems.chain(id, user);
			model.addAttribute("chain", chain);
			model.addAttribute("openable", workItems.openable(chain, user));
			model.addAttribute("people", everyone(user));
			model.addAttribute("tomorrow", LocalDate.now().plusDays(1));
		}
		addHistory(model, id, null);
		return "tasks/card";
	}

	@GetMapping("/{id}/history")
	String moreHistory(@PathVariable long id, @RequestParam long before, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		tasks.card(id, user);
		model.addAttribute("taskId", id);
		addHistory(model, id, before);
		return "tasks/card :: historyEntries";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		TaskCard card = tasks.card(id, user);
		model.addAttribute("form", TaskForm.of(card));
		return formPage(model, user, card);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") TaskForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TaskCard card = tasks.card(id, user);
		form.setKind(card.kind());
		if (!errors.hasErrors()) {
			try {
				tasks.update(id, form.toDraft(), form.getVersion(), user);
				redirect.addFlashAttribute("notice", "task.saved");
				return "redirect:/tasks/" + id;
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
			catch (ConcurrentEdit edit) {
				Forms.reject(errors, edit);
			}
		}
		response.setStatus(errors.hasGlobalErrors() && !errors.hasFieldErrors() ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, card);
	}

	/**
	 * Completes the task from its card or, quickly, from "My tasks" ({@code back}), which
	 * it returns to.
	 */
	@PostMapping("/{id}/complete")
	String complete(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String result,
			@RequestParam(required = false) @Nullable Integer spentMinutes,
			@RequestParam(required = false) @Nullable String back, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, back, redirect, "task.completed", () -> tasks.complete(id, version, result, spentMinutes, user));
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, null, redirect, "task.reopened", () -> tasks.reopen(id, version, user));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			tasks.delete(id, version, user);
			redirect.addFlashAttribute("notice", "task.deleted");
			return "redirect:/my-tasks";
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
			return "redirect:/tasks/" + id;
		}
	}

	/**
	 * The next step of a work item, for another executor; the card of the new step
	 * follows.
	 */
	@PostMapping("/{id}/next")
	String next(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long executorId,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
			@RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") @Nullable LocalTime dueTime,
			@RequestParam(required = false) @Nullable TaskPriority priority,
			@RequestParam(defaultValue = "false") boolean completeCurrent,
			@RequestParam(required = false) @Nullable String result, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			if (executorId == null) {
				throw new RuleViolation("executorId", "task.executor-invalid");
			}
			long step = workItems.next(id,
					new WorkItemNext(executorId, title, description, dueOn, dueTime, priority, completeCurrent, result),
					version, user);
			redirect.addFlashAttribute("notice", "workitem.next.created");
			return "redirect:/tasks/" + step;
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
		}
		return "redirect:/tasks/" + id;
	}

	private String act(long id, @Nullable String back, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
		}
		return "redirect:" + (MyTasksPages.safeBack(back) != null ? MyTasksPages.safeBack(back) : "/tasks/" + id);
	}

	private void addHistory(Model model, long id, @Nullable Long before) {
		model.addAttribute("history", history.of(TaskService.RECORD_TYPE, List.of(id), before, HISTORY_PAGE));
		model.addAttribute("historyPage", HISTORY_PAGE);
		model.addAttribute("historyOf", id);
		model.addAttribute("absorbed", Map.of());
	}

	private List<io.clientele.identity.UserSummary> everyone(CurrentUser user) {
		return users.activeWithin(new AccessScope(AccessScope.Kind.ALL, user.id(), java.util.Set.of()));
	}

	private String formPage(Model model, CurrentUser user, @Nullable TaskCard card) {
		TaskForm form = (TaskForm) model.getAttribute("form");
		model.addAttribute("task", card);
		Long clientId = form.getClientId();
		model.addAttribute("clientName",
				clientId == null ? null : names.clients(List.of(clientId)).getOrDefault(clientId, "#" + clientId));
		model.addAttribute("contacts", clientId == null ? Map.of() : names.contactsOf(clientId));
		model.addAttribute("deals", clientId == null ? List.of() : deals.ofClient(clientId, user));
		model.addAttribute("dealSubject", card == null || card.dealId() == null ? null : card.dealSubject());
		model.addAttribute("people", everyone(user));
		model.addAttribute("priorities", TaskPriority.values());
		model.addAttribute("kinds", List.of(TaskKind.TASK.name(), TaskKind.WORK_ITEM.name()));
		return "tasks/form";
	}

}
