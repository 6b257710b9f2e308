package io.clientele.activities.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionCard;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionList;
import io.clientele.activities.InteractionService;
import io.clientele.activities.InteractionState;
import io.clientele.activities.MeetingRooms;
import io.clientele.activities.internal.InteractionColumns;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.RecordNames;
import io.clientele.clients.Search;
import io.clientele.deals.DealQueries;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The interaction list, page, forms (log, plan, edit) and the completion that plans the
 * next one.
 */
@Controller
@RequestMapping("/interactions")
class InteractionPages {

	static final String LIST = "interactions";

	static final int HISTORY_PAGE = 20;

	private final InteractionService interactions;

	private final InteractionList list;

	private final InteractionColumns columns;

	private final ListView view;

	private final SavedViewActions savedViews;

	private final ClientService clients;

	private final RecordNames names;

	private final DealQueries deals;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final RecordHistory history;

	private final Search search;

	private final Clock clock;

	private final ListExport exports;

	private final MeetingRooms rooms;

	InteractionPages(InteractionService interactions, InteractionList list, InteractionColumns columns, ListView view,
			SavedViewActions savedViews, ClientService clients, RecordNames names, DealQueries deals,
			UserDirectory users, AccessScopes scopes, RecordHistory history, Search search, Clock clock,
			ListExport exports, MeetingRooms rooms) {
		this.exports = exports;
		this.rooms = rooms;
		this.interactions = interactions;
		this.list = list;
		this.columns = columns;
		this.view = view;
		this.savedViews = savedViews;
		this.clients = clients;
		this.names = names;
		this.deals = deals;
		this.users = users;
		this.scopes = scopes;
		this.history = history;
		this.search = search;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) @Nullable Long view,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		String opened = savedViews.open("/interactions", params, view, user);
		if (opened != null) {
			return opened;
		}
		ListParams state = ListParams.from("/interactions", params, InteractionColumns.DEFAULT, "at", true);
		model.addAttribute("state", state);
		model.addAttribute("catalog", columns.all().values());
		savedViews.addTo(model, LIST, view, user);
		this.view.filterChoices(model, state, choices -> filterChoices(choices, state, user));
		model.addAttribute("base", "/interactions");
		model.addAttribute("entity", "interactions");
		model.addAttribute("listTitle", "interactions.title");
		model.addAttribute("canReassign", false);
		this.view.show(model, () -> list.page(state.query(), user), locale, kind -> "ti-activity");
		return "lists/list";
	}

	/**
	 * The filter panel's fields, when it is first opened (see
	 * {@link ListView#filterFields}).
	 */
	@GetMapping("/filters")
	String filters(@AuthenticationPrincipal CurrentUser user, Model model) {
		ListParams state = ListParams.unfiltered("/interactions");
		return view.filterFields(model, state, columns.all().values(), choices -> filterChoices(choices, state, user));
	}

	private void filterChoices(Model model, ListParams state, CurrentUser user) {
		model.addAttribute("people", users.activeWithin(scopes.of(user.id())));
		model.addAttribute("choices", columns.source().choices());
		model.addAttribute("options", options(state));
	}

	/**
	 * Every page of the list as it is shown (the reader's interactions only), as a file;
	 * a list that cannot be shown (a wrong filter) goes back to the list, which says why.
	 */
	@GetMapping("/export")
	@Nullable String export(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(required = false) @Nullable Long view,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String delimiter, @AuthenticationPrincipal CurrentUser user,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ListParams state = ListParams.from("/interactions", params, InteractionColumns.DEFAULT, "at", true);
		try {
			ExportFormat chosen = ExportFormat.of(format, false);
			char separator = ExportFormat.delimiter(delimiter);
			RecordQuery query = state.query();
			exports.records(list.slice(query, null, ListExport.SLICE, user),
					after -> list.slice(query, after, ListExport.SLICE, user),
					exports.download(savedViews.title(LIST, view, user), "interactions.title", "interactions", chosen,
							separator, locale),
					locale, response);
			return null;
		}
		catch (RuleViolation violation) {
			return ListExport.refused(violation, state.page(null, null), redirect);
		}
	}

	/** The chosen client, contact person and deal of the filters, by name. */
	private Map<String, Map<Long, String>> options(ListParams state) {
		return Map.of("client", names.clients(ids(state, "client")), "contact", names.contacts(ids(state, "contact")),
				"deal", deals.subjects(ids(state, "deal")));
	}

	private static List<Long> ids(ListParams state, String filter) {
		return state.filterValues(filter).stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList();
	}

	/** Clients the user may see whose name holds the text, for the client picker. */
	@GetMapping("/clients")
	@ResponseBody
	List<Search.Hit> clientChoices(@RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal CurrentUser user) {
		if (q.strip().length() < Search.MIN_LENGTH) {
			return List.of();
		}
		return search.find(q.strip(), 10, user).clients();
	}

	@GetMapping("/new")
	String newInteraction(@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long dealId,
			@RequestParam(required = false) @Nullable InteractionKind kind,
			@RequestParam(required = false) @Nullable InteractionState state, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		if (clientId != null) {
			clients.card(clientId, user);
		}
		InteractionForm form = InteractionForm.blank(clientId, dealId, kind == null ? InteractionKind.CALL : kind,
				clock.instant());
		form.setResponsibleId(user.id());
		if (state == InteractionState.PLANNED) {
			// "new meeting" plans one: its people's busy times and its room show at once
			form.setState(state);
		}
		model.addAttribute("form", form);
		return formPage(model, user, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") InteractionForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				long id = interactions.create(form.toDraft(), user);
				redirect.addFlashAttribute("notice",
						form.getState() == InteractionState.PLANNED ? "interaction.planned" : "interaction.logged");
				return "redirect:" + back(form.getClientId(), form.getDealId(), id);
			}
			catch (RuleViolation violation) {
				Forms.reject(errors,
						new RuleViolation(violation.field() == null ? null : form.formField(violation.field()),
								violation.messageKey(), violation.arguments()));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, null);
	}

	/** Back to the deal or the client the interaction was logged from. */
	private static String back(@Nullable Long clientId, @Nullable Long dealId, long id) {
		if (dealId != null) {
			return "/deals/" + dealId;
		}
		return clientId != null ? "/clients/" + clientId : "/interactions/" + id;
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InteractionCard card = interactions.card(id, user);
		model.addAttribute("interaction", card);
		model.addAttribute("history", history.of(InteractionService.RECORD_TYPE, id, null, HISTORY_PAGE));
		model.addAttribute("historyOf", id);
		model.addAttribute("absorbed", Map.of());
		return "activities/card";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InteractionCard card = interactions.card(id, user);
		model.addAttribute("form", InteractionForm.of(card));
		return formPage(model, user, card);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") InteractionForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InteractionCard card = interactions.card(id, user);
		if (!errors.hasErrors()) {
			try {
				interactions.update(id, form.toDraft(), form.getVersion(), user);
				redirect.addFlashAttribute("notice", "interaction.saved");
				return "redirect:/interactions/" + id;
			}
			catch (RuleViolation violation) {
				Forms.reject(errors,
						new RuleViolation(violation.field() == null ? null : form.formField(violation.field()),
								violation.messageKey(), violation.arguments()));
			}
			catch (ConcurrentEdit edit) {
				Forms.reject(errors, edit);
			}
		}
		response.setStatus(errors.hasGlobalErrors() && !errors.hasFieldErrors() ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		form.setState(card.state());
		return formPage(model, user, card);
	}

	@GetMapping("/{id}/complete")
	String completeForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		InteractionCard card = interactions.card(id, user);
		CompletionForm form = new CompletionForm();
		form.setVersion(card.version());
		form.setDoneAt(InteractionForm.local(clock.instant()));
		form.setNextKind(card.kind());
		form.setNextAt(InteractionForm.local(clock.instant().plus(Duration.ofDays(1))));
		form.setNextResponsibleId(card.responsibleId());
		form.setPlanNext(true);
		model.addAttribute("form", form);
		return completePage(model, user, card);
	}

	@PostMapping("/{id}/complete")
	String complete(@PathVariable long id, @ModelAttribute("form") CompletionForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		InteractionCard card = interactions.card(id, user);
		if (!errors.hasErrors()) {
			try {
				Long next = interactions.complete(id, form.getVersion(), form.completion(), form.next(), user);
				redirect.addFlashAttribute("notice",
						next == null ? "interaction.completed" : "interaction.completed-next");
				return "redirect:" + back(card.clientId(), card.dealId(), id);
			}
			catch (RuleViolation violation) {
				Forms.reject(errors,
						new RuleViolation(violation.field() == null ? null : form.formField(violation.field()),
								violation.messageKey(), violation.arguments()));
			}
			catch (ConcurrentEdit edit) {
				Forms.reject(errors, edit);
			}
		}
		response.setStatus(errors.hasGlobalErrors() && !errors.hasFieldErrors() ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		return completePage(model, user, card);
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "interaction.cancelled", () -> interactions.cancel(id, version, user));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		InteractionCard card = interactions.card(id, user);
		try {
			interactions.delete(id, version, user);
			redirect.addFlashAttribute("notice", "interaction.deleted");
			return "redirect:" + back(card.clientId(), card.dealId(), id);
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
			return "redirect:/interactions/" + id;
		}
	}

	@PostMapping("/views")
	String saveView(@RequestParam String name, @RequestParam String query,
			@RequestParam(defaultValue = "false") boolean shared, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return savedViews.save(LIST, "/interactions", name, query, shared, user, redirect);
	}

	@PostMapping("/views/{id}/delete")
	String deleteView(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return savedViews.delete("/interactions", id, user, redirect);
	}

	private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
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
		return "redirect:/interactions/" + id;
	}

	private String formPage(Model model, CurrentUser user, @Nullable InteractionCard card) {
		InteractionForm form = (InteractionForm) model.getAttribute("form");
		Long clientId = form.getClientId();
		model.addAttribute("interaction", card);
		model.addAttribute("kinds", InteractionKind.values());
		model.addAttribute("directions", CallDirection.values());
		model.addAttribute("callResults", CallResult.values());
		model.addAttribute("clientName",
				clientId == null ? null : names.clients(List.of(clientId)).getOrDefault(clientId, "#" + clientId));
		Map<Long, String> contacts = clientId == null ? new LinkedHashMap<>()
				: new LinkedHashMap<>(names.contactsOf(clientId));
		if (card != null) {
			contacts.putAll(card.participantContacts());
			if (card.contactId() != null) {
				contacts.putIfAbsent(card.contactId(), card.contactName());
			}
		}
		model.addAttribute("contacts", contacts);
		Map<Long, String> clientDeals = new LinkedHashMap<>();
		if (clientId != null && clients.visible(clientId, user)) {
			deals.ofClient(clientId, user).forEach(deal -> clientDeals.put(deal.id(), deal.subject()));
		}
		if (card != null && card.dealId() != null) {
			clientDeals.putIfAbsent(card.dealId(), card.dealSubject());
		}
		model.addAttribute("deals", clientDeals);
		model.addAttribute("everyone",
				users.activeWithin(new AccessScope(AccessScope.Kind.ALL, user.id(), java.util.Set.of())));
		// the rooms one may book, and the one the meeting holds even if switched off
		// since
		model.addAttribute("rooms",
				rooms.rooms()
					.stream()
					.filter(room -> room.active() || (card != null && Long.valueOf(room.id()).equals(card.roomId())))
					.toList());
		return "activities/form";
	}

	private String completePage(Model model, CurrentUser user, InteractionCard card) {
		model.addAttribute("interaction", card);
		model.addAttribute("kinds", InteractionKind.values());
		model.addAttribute("callResults", CallResult.values());
		model.addAttribute("everyone",
				users.activeWithin(new AccessScope(AccessScope.Kind.ALL, user.id(), java.util.Set.of())));
		return "activities/complete";
	}

}
