package io.clientele.deals.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.clients.RecordNames;
import io.clientele.deals.DealAttachments;
import io.clientele.deals.DealCard;
import io.clientele.deals.DealList;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealService;
import io.clientele.deals.ProbabilityEstimates;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.deals.internal.DealColumns;
import io.clientele.deals.internal.DealStore;
import io.clientele.deals.spi.DealPanel;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.ExportFormat;
import io.clientele.shared.lists.ListExport;
import io.clientele.shared.lists.ListParams;
import io.clientele.shared.lists.RecordQuery;
import io.clientele.shared.lists.ListView;
import io.clientele.shared.views.SavedViewActions;
import io.clientele.shared.web.Forms;
import io.clientele.shared.web.PagePanel;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deal list, card, forms and the card's actions (move, tick, win, lose, reopen,
 * switch mode).
 */
@Controller
@RequestMapping("/deals")
class DealPages {

	static final String LIST = "deals";

	private final DealService deals;

	private final DealProgress progress;

	private final DealList list;

	private final DealColumns columns;

	private final ListView view;

	private final SavedViewActions savedViews;

	private final SalesScenarios scenarios;

	private final DealStore store;

	private final ClientService clients;

	private final RecordNames names;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final ListExport exports;

	private final ProbabilityEstimates estimates;

	private final DealAttachments attachments;

	private final DealFormEstimates formEstimates;

	private final List<DealPanel> panels;

	DealPages(DealService deals, DealProgress progress, DealList list, DealColumns columns, ListView view,
			SavedViewActions savedViews, SalesScenarios scenarios, DealStore store, ClientService clients,
			RecordNames names, UserDirectory users, AccessScopes scopes, ListExport exports,
			ProbabilityEstimates estimates, DealAttachments attachments, DealFormEstimates formEstimates,
			List<DealPanel> panels) {
		this.panels = panels;
		this.attachments = attachments;
		this.formEstimates = formEstimates;
		this.exports = exports;
		this.estimates = estimates;
		this.deals = deals;
		this.progress = progress;
		this.list = list;
		this.columns = columns;
		this.view = view;
		this.savedViews = savedViews;
		this.scenarios = scenarios;
		this.store = store;
		this.clients = clients;
		this.names = names;
		this.users = users;
		this.scopes = scopes;
	}

	@GetMapping
	String list(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) @Nullable Long view,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		String opened = savedViews.open("/deals", params, view, user);
		if (opened != null) {
			return opened;
		}
		ListParams state = ListParams.from("/deals", params, columns.defaults(), "created", true);
		model.addAttribute("state", state);
		model.addAttribute("catalog", columns.all().values());
		savedViews.addTo(model, LIST, view, user);
		this.view.filterChoices(model, state, choices -> filterChoices(choices, user));
		model.addAttribute("base", "/deals");
		model.addAttribute("entity", "deals");
		model.addAttribute("listTitle", "deals.title");
		model.addAttribute("canReassign", false);
		this.view.show(model, () -> list.page(state.query(), user), locale, kind -> "WON".equals(kind)
				? "ti-trophy text-green" : "LOST".equals(kind) ? "ti-mood-sad text-red" : "ti-briefcase");
		if (model.getAttribute("page") != null) {
			model.addAttribute("totals", list.totals(state.query(), user));
			model.addAttribute("totalsUpTo", DealList.TOTALS_UP_TO);
		}
		return "lists/list";
	}

	/**
	 * The filter panel's fields, when it is first opened (see
	 * {@link ListView#filterFields}).
	 */
	@GetMapping("/filters")
	String filters(@AuthenticationPrincipal CurrentUser user, Model model) {
		return view.filterFields(model, ListParams.unfiltered("/deals"), columns.all().values(),
				choices -> filterChoices(choices, user));
	}

	private void filterChoices(Model model, CurrentUser user) {
		model.addAttribute("people", users.activeWithin(scopes.of(user.id())));
		model.addAttribute("choices", columns.source().choices());
		model.addAttribute("options", options());
	}

	/**
	 * Every page of the list as it is shown (the reader's deals only), as a file; a list
	 * that cannot be shown (a wrong filter) goes back to the list, which says why.
	 */
	@GetMapping("/export")
	@Nullable String export(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(required = false) @Nullable Long view,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String delimiter, @AuthenticationPrincipal CurrentUser user,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ListParams state = ListParams.from("/deals", params, columns.defaults(), "created", true);
		try {
			ExportFormat chosen = ExportFormat.of(format, false);
			char separator = ExportFormat.delimiter(delimiter);
			RecordQuery query = state.query();
			exports.records(list.slice(query, null, ListExport.SLICE, user),
					after -> list.slice(query, after, ListExport.SLICE, user),
					exports.download(savedViews.title(LIST, view, user), "deals.title", "deals", chosen, separator,
							locale),
					locale, response);
			return null;
		}
		catch (RuleViolation violation) {
			return ListExport.refused(violation, state.page(null, null), redirect);
		}
	}

	/** The values of the list's option filters: scenarios and stages by id. */
	private Map<String, Map<Long, String>> options() {
		Map<Long, String> scenarioNames = new LinkedHashMap<>();
		Map<Long, String> stageNames = new LinkedHashMap<>();
		for (SalesScenario scenario : scenarios.all()) {
			scenarioNames.put(scenario.id(), scenario.name());
			scenario.stages().forEach(stage -> stageNames.put(stage.id(), scenario.name() + " · " + stage.name()));
		}
		return Map.of("scenario", scenarioNames, "stage", stageNames);
	}

	@GetMapping("/new")
	String newDeal(@RequestParam long clientId, @RequestParam(required = false) @Nullable Long scenarioId,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		var client = clients.card(clientId, user);
		var available = scenarios.active();
		if (available.isEmpty()) {
			throw new RuleViolation(null, "deal.scenario-none");
		}
		long scenario = scenarioId != null ? scenarioId : available.get(0).id();
		DealForm form = DealForm.blank(client.id(), scenario);
		form.setResponsibleId(user.id());
		model.addAttribute("form", form);
		return formPage(model, user, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") DealForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			long id = deals.create(form.toDraft(), user);
			redirect.addFlashAttribute("notice", "deal.created");
			return "redirect:/deals/" + id;
		}
		catch (RuleViolation violation) {
			reject(errors, form, violation);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, null);
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		DealCard card = deals.card(id, user);
		model.addAttribute("deal", card);
		model.addAttribute("estimate", estimates.of(card).orElse(null));
		model.addAttribute("attachments", attachments.of(id, user));
		model.addAttribute("attachmentMaxMb", attachments.maxSize() / (1024 * 1024));
		model.addAttribute("scenario", scenarios.scenario(card.scenarioId()));
		model.addAttribute("reasons", scenarios.lossReasons().stream().filter(r -> r.active()).toList());
		model.addAttribute("customFields", store.fields());
		model.addAttribute("modes", DealMode.values());
		model.addAttribute("mayReopen", user.is(Role.ADMINISTRATOR) || user.is(Role.HEAD_OF_DEPARTMENT));
		model.addAttribute("maySwitchMode",
				card.responsibleId() == user.id() || user.is(Role.ADMINISTRATOR) || user.is(Role.HEAD_OF_DEPARTMENT));
		model.addAttribute("panels",
				panels.stream()
					.map(panel -> panel.section(id, card.clientId(), user))
					.filter(java.util.Objects::nonNull)
					.sorted(java.util.Comparator.comparingInt(PagePanel::order))
					.toList());
		return "deals/card";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		DealCard card = deals.card(id, user);
		model.addAttribute("form", DealForm.of(card));
		return formPage(model, user, card);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") DealForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		DealCard card = deals.card(id, user);
		try {
			deals.update(id, form.toDraft(), form.getVersion(), user);
			redirect.addFlashAttribute("notice", "deal.saved");
			return "redirect:/deals/" + id;
		}
		catch (RuleViolation violation) {
			reject(errors, form, violation);
		}
		catch (ConcurrentEdit edit) {
			Forms.reject(errors, edit);
		}
		response.setStatus(errors.hasGlobalErrors() && !errors.hasFieldErrors() ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, card);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			deals.delete(id, version, user);
			redirect.addFlashAttribute("notice", "deal.deleted");
			return "redirect:/deals";
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
			return "redirect:/deals/" + id;
		}
	}

	/** Accepts the statistical estimate: the probability saved as by an edit. */
	@PostMapping("/{id}/probability")
	String probability(@PathVariable long id, @RequestParam int probability, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "deal.estimate.accepted", () -> deals.setProbability(id, probability, version, user));
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @RequestParam long stageId, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "deal.moved", () -> progress.move(id, stageId, version, user));
	}

	@PostMapping("/{id}/checklist/{itemId}")
	String tick(@PathVariable long id, @PathVariable long itemId, @RequestParam(defaultValue = "false") boolean ticked,
			@RequestParam long version, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, null, () -> progress.tick(id, itemId, ticked, version, user));
	}

	@PostMapping("/{id}/win")
	String win(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "deal.won", () -> progress.win(id, version, user));
	}

	@PostMapping("/{id}/lose")
	String lose(@PathVariable long id, @RequestParam(required = false) @Nullable Long reasonId,
			@RequestParam(required = false) @Nullable String note, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "deal.lost", () -> progress.lose(id, reasonId, note, version, user));
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "deal.reopened", () -> progress.reopen(id, version, user));
	}

	@PostMapping("/{id}/mode")
	String mode(@PathVariable long id, @RequestParam DealMode mode, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "deal.mode.switched", () -> progress.switchMode(id, mode, version, user));
	}

	@PostMapping("/views")
	String saveView(@RequestParam String name, @RequestParam String query,
			@RequestParam(defaultValue = "false") boolean shared, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return savedViews.save(LIST, "/deals", name, query, shared, user, redirect);
	}

	@PostMapping("/views/{id}/delete")
	String deleteView(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return savedViews.delete("/deals", id, user, redirect);
	}

	/** Runs a card action; a refusal comes back to the card as its message. */
	private String act(long id, RedirectAttributes redirect, @Nullable String notice, Runnable action) {
		try {
			action.run();
			if (notice != null) {
				redirect.addFlashAttribute("notice", notice);
			}
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
		}
		return "redirect:/deals/" + id;
	}

	private void reject(BindingResult errors, DealForm form, RuleViolation violation) {
		String field = violation.field() == null ? null : form.formField(violation.field());
		Forms.reject(errors, new RuleViolation(field, violation.messageKey(), violation.arguments()));
	}

	private String formPage(Model model, CurrentUser user, @Nullable DealCard card) {
		DealForm form = (DealForm) model.getAttribute("form");
		long clientId = form != null && form.getClientId() != null ? form.getClientId() : card.clientId();
		model.addAttribute("deal", card);
		if (card == null) {
			var stage = formEstimates.startStage(form.getScenarioId(), form.getStageId());
			form.setStageId(stage == null ? null : stage.id());
			model.addAttribute("stages", formEstimates.stages(form.getScenarioId()));
			model.addAttribute("stageId", form.getStageId());
		}
		model.addAttribute("estimate", formEstimates.estimate(card, form.getClientId(), form.getScenarioId(),
				form.getStageId(), form.getResponsibleId(), form.getKind(), user));
		model.addAttribute("clientName", names.clients(List.of(clientId)).getOrDefault(clientId, "#" + clientId));
		model.addAttribute("contacts", names.contactsOf(clientId));
		model.addAttribute("scenarios", scenarios.active());
		model.addAttribute("customFields", store.fields());
		model.addAttribute("modes", DealMode.values());
		AccessScope scope = scopes.of(user.id());
		model.addAttribute("people", users.activeWithin(scope));
		model.addAttribute("everyone",
				users.activeWithin(new AccessScope(AccessScope.Kind.ALL, user.id(), java.util.Set.of())));
		model.addAttribute("mayChooseResponsible", user.is(Role.ADMINISTRATOR) || user.is(Role.HEAD_OF_DEPARTMENT));
		return "deals/form";
	}

}
