package io.clientele.clients.web;

import io.clientele.shared.files.ExportFormat;
import io.clientele.shared.lists.ListExport;
import io.clientele.shared.lists.ListParams;
import io.clientele.shared.lists.ListView;
import io.clientele.shared.views.SavedViewActions;
import java.util.List;
import java.util.Locale;

import io.clientele.clients.ClientCard;
import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientList;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.clients.ClientService;
import io.clientele.clients.CompanySize;
import io.clientele.clients.Merging;
import io.clientele.clients.Segments;
import io.clientele.clients.internal.ClientColumns;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomFields;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client list, card and forms.
 */
@Controller
@RequestMapping("/clients")
class ClientPages {

	static final String LIST = "clients";

	private final ClientService clients;

	private final ClientList list;

	private final ClientColumns columns;

	private final ListView view;

	private final SavedViewActions savedViews;

	private final Segments segments;

	private final CustomFields customFields;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final ClientExports exports;

	private final Merging merging;

	private final List<io.clientele.clients.spi.ClientPanel> panels;

	ClientPages(ClientService clients, ClientList list, ClientColumns columns, ListView view,
			SavedViewActions savedViews, Segments segments, CustomFields customFields, UserDirectory users,
			AccessScopes scopes, ClientExports exports, Merging merging,
			List<io.clientele.clients.spi.ClientPanel> panels) {
		this.panels = panels;
		this.exports = exports;
		this.clients = clients;
		this.list = list;
		this.columns = columns;
		this.view = view;
		this.savedViews = savedViews;
		this.segments = segments;
		this.customFields = customFields;
		this.users = users;
		this.scopes = scopes;
		this.merging = merging;
	}

	@GetMapping
	String list(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) @Nullable Long view,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		String opened = savedViews.open("/clients", params, view, user);
		if (opened != null) {
			return opened;
		}
		ListParams state = ListParams.from("/clients", params, columns.defaults());
		model.addAttribute("state", state);
		model.addAttribute("catalog", columns.all().values());
		savedViews.addTo(model, LIST, view, user);
		this.view.filterChoices(model, state, choices -> filterChoices(choices, user));
		model.addAttribute("base", "/clients");
		model.addAttribute("entity", "clients");
		model.addAttribute("listTitle", "clients.title");
		model.addAttribute("canReassign", user.is(Role.ADMINISTRATOR) || user.is(Role.HEAD_OF_DEPARTMENT));
		this.view.show(model, () -> list.page(state.query(), user), locale,
				kind -> "INDIVIDUAL".equals(kind) ? "ti-user" : "ti-building");
		return "lists/list";
	}

	/**
	 * The filter panel's fields, when it is first opened (see
	 * {@link ListView#filterFields}).
	 */
	@GetMapping("/filters")
	String filters(@AuthenticationPrincipal CurrentUser user, Model model) {
		return view.filterFields(model, ListParams.unfiltered("/clients"), columns.all().values(),
				choices -> filterChoices(choices, user));
	}

	private void filterChoices(Model model, CurrentUser user) {
		model.addAttribute("segments", segments.all());
		model.addAttribute("people", users.activeWithin(scopes.of(user.id())));
		model.addAttribute("choices", columns.source().choices());
	}

	/**
	 * Every page of the list as it is shown, as a file; a list that cannot be shown (a
	 * wrong filter) goes back to the list, which says why.
	 */
	@GetMapping("/export")
	@Nullable String export(@RequestParam MultiValueMap<String, String> params,
			@RequestParam(required = false) @Nullable Long view,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String delimiter, @AuthenticationPrincipal CurrentUser user,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		ListParams state = ListParams.from("/clients", params, columns.defaults());
		try {
			exports.clients(state, ExportFormat.of(format, false), ExportFormat.delimiter(delimiter),
					savedViews.title(LIST, view, user), user, locale, response);
			return null;
		}
		catch (RuleViolation violation) {
			return ListExport.refused(violation, state.page(null, null), redirect);
		}
	}

	@GetMapping("/new")
	String newClient(@RequestParam(defaultValue = "ORGANISATION") ClientKind kind,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		ClientForm form = ClientForm.blank(kind);
		form.setResponsibleId(user.id());
		model.addAttribute("form", form);
		return formPage(model, user, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") ClientForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				long id = clients.create(form.toDraft(), user);
				redirect.addFlashAttribute("notice", "client.created");
				return "redirect:/clients/" + id;
			}
			catch (RuleViolation violation) {
				rejectOnForm(errors, form, violation);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, null);
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		ClientCard card = clients.card(id, user);
		model.addAttribute("client", card);
		model.addAttribute("customFields", customFields.of("CLIENT"));
		model.addAttribute("merges", merging.into(ClientService.RECORD_TYPE, id, user));
		model.addAttribute("panels",
				panels.stream()
					.map(panel -> panel.section(id, user))
					.filter(java.util.Objects::nonNull)
					.sorted(java.util.Comparator.comparingInt(io.clientele.shared.web.PagePanel::order))
					.toList());
		return "clients/card";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		ClientCard card = clients.card(id, user);
		model.addAttribute("form", ClientForm.of(card));
		return formPage(model, user, card);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ClientForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				clients.update(id, form.toDraft(), form.getVersion(), user);
				redirect.addFlashAttribute("notice", "client.saved");
				return "redirect:/clients/" + id;
			}
			catch (RuleViolation violation) {
				rejectOnForm(errors, form, violation);
			}
			catch (ConcurrentEdit edit) {
				Forms.reject(errors, edit);
			}
		}
		response.setStatus(errors.hasGlobalErrors() && !errors.hasFieldErrors() ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, clients.card(id, user));
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			clients.delete(id, version, user);
			redirect.addFlashAttribute("notice", "client.deleted");
			return "redirect:/clients";
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
			return "redirect:/clients/" + id;
		}
	}

	@PostMapping("/views")
	String saveView(@RequestParam String name, @RequestParam String query,
			@RequestParam(defaultValue = "false") boolean shared, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return savedViews.save(LIST, "/clients", name, query, shared, user, redirect);
	}

	@PostMapping("/views/{id}/delete")
	String deleteView(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return savedViews.delete("/clients", id, user, redirect);
	}

	/**
	 * How many history entries a card page (a lead's, a contact person's) shows at once.
	 */
	static final int HISTORY_PAGE = 20;

	private void rejectOnForm(BindingResult errors, ClientForm form, RuleViolation violation) {
		String field = violation.field() == null ? null : form.formField(violation.field());
		Forms.reject(errors, new RuleViolation(field, violation.messageKey(), violation.arguments()));
	}

	private String formPage(Model model, CurrentUser user, @Nullable ClientCard card) {
		model.addAttribute("client", card);
		model.addAttribute("segments", segments.all());
		model.addAttribute("customFields", customFields.of("CLIENT"));
		model.addAttribute("people", users.activeWithin(scopes.of(user.id())));
		model.addAttribute("mayChooseResponsible",
				!(user.is(Role.SALES_MANAGER) || user.is(Role.MARKETER) || user.is(Role.SUPPORT)));
		model.addAttribute("sizes", CompanySize.values());
		model.addAttribute("addressKinds", io.clientele.clients.Address.Kind.values());
		return "clients/form";
	}

}
