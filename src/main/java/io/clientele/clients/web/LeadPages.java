package io.clientele.clients.web;

import io.clientele.shared.files.ExportFormat;
import io.clientele.shared.lists.ListExport;
import io.clientele.shared.lists.ListParams;
import io.clientele.shared.lists.ListView;
import io.clientele.shared.views.SavedViewActions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.audit.RecordHistory;
import io.clientele.clients.LeadCard;
import io.clientele.clients.LeadDraft;
import io.clientele.clients.LeadSource;
import io.clientele.clients.LeadStatus;
import io.clientele.clients.Leads;
import io.clientele.clients.PersonName;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.clients.internal.LeadColumns;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
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
 * The lead list, card, form, status actions and conversion.
 */
@Controller
@RequestMapping("/leads")
class LeadPages {

	static final String LIST = "leads";

	private final Leads leads;

	private final LeadColumns columns;

	private final ListView view;

	private final SavedViewActions savedViews;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final RecordHistory history;

	private final ClientExports exports;

	private final java.util.List<io.clientele.clients.spi.LeadFollowUp> followUps;

	LeadPages(Leads leads, LeadColumns columns, ListView view, SavedViewActions savedViews, UserDirectory users,
			AccessScopes scopes, RecordHistory history, ClientExports exports,
			java.util.List<io.clientele.clients.spi.LeadFollowUp> followUps) {
		this.followUps = followUps;
		this.exports = exports;
		this.leads = leads;
		this.columns = columns;
		this.view = view;
		this.savedViews = savedViews;
		this.users = users;
		this.scopes = scopes;
		this.history = history;
	}

	@GetMapping
	String list(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) @Nullable Long view,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		String opened = savedViews.open("/leads", params, view, user);
		if (opened != null) {
			return opened;
		}
		ListParams state = ListParams.from("/leads", params, columns.defaults(), "created", true);
		model.addAttribute("state", state);
		model.addAttribute("catalog", columns.all().values());
		savedViews.addTo(model, LIST, view, user);
		boolean distributes = distributes(user);
		this.view.filterChoices(model, state, choices -> filterChoices(choices, user));
		if (distributes && !model.containsAttribute("people")) {
			// whom to give the chosen leads to
			model.addAttribute("people", users.activeWithin(scopes.of(user.id())));
		}
		model.addAttribute("base", "/leads");
		model.addAttribute("entity", "leads");
		model.addAttribute("listTitle", "leads.title");
		model.addAttribute("canReassign", distributes);
		this.view.show(model, () -> leads.page(state.query(), user), locale, kind -> "ti-inbox");
		return "lists/list";
	}

	/**
	 * The filter panel's fields, when it is first opened (see
	 * {@link ListView#filterFields}).
	 */
	@GetMapping("/filters")
	String filters(@AuthenticationPrincipal CurrentUser user, Model model) {
		return view.filterFields(model, ListParams.unfiltered("/leads"), columns.all().values(),
				choices -> filterChoices(choices, user));
	}

	private void filterChoices(Model model, CurrentUser user) {
		model.addAttribute("segments", List.of());
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
		ListParams state = ListParams.from("/leads", params, columns.defaults(), "created", true);
		try {
			exports.leads(state, ExportFormat.of(format, false), ExportFormat.delimiter(delimiter),
					savedViews.title(LIST, view, user), user, locale, response);
			return null;
		}
		catch (RuleViolation violation) {
			return ListExport.refused(violation, state.page(null, null), redirect);
		}
	}

	@GetMapping("/new")
	String newLead(@AuthenticationPrincipal CurrentUser user, Model model) {
		LeadForm form = new LeadForm();
		form.setSource(LeadSource.CALL);
		model.addAttribute("form", form);
		return formPage(model, user, null);
	}

	@PostMapping
	String create(@ModelAttribute("form") LeadForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			long id = leads.create(form.toDraft(), user);
			redirect.addFlashAttribute("notice", "lead.created");
			return "redirect:/leads/" + id;
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user, null);
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		LeadCard lead = leads.card(id, user);
		model.addAttribute("lead", lead);
		model.addAttribute("responsible",
				lead.responsibleId() == null ? null : users.find(lead.responsibleId()).orElse(null));
		model.addAttribute("reasons", leads.reasons());
		model.addAttribute("people", distributes(user) ? users.activeWithin(scopes.of(user.id())) : List.of());
		model.addAttribute("history", history.of(Leads.RECORD_TYPE, id, null, ClientPages.HISTORY_PAGE));
		model.addAttribute("historyPage", ClientPages.HISTORY_PAGE);
		return "leads/card";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		LeadCard lead = leads.card(id, user);
		model.addAttribute("form", LeadForm.of(lead));
		return formPage(model, user, lead);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") LeadForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			leads.update(id, form.toDraft(), form.getVersion(), user);
			redirect.addFlashAttribute("notice", "lead.saved");
			return "redirect:/leads/" + id;
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (ConcurrentEdit edit) {
			Forms.reject(errors, edit);
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		return formPage(model, user, leads.card(id, user));
	}

	@PostMapping("/{id}/status")
	String move(@PathVariable long id, @RequestParam long version, @RequestParam LeadStatus to,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "lead.status.changed", () -> leads.move(id, version, to, user));
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long reasonId,
			@RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "lead.rejected", () -> leads.reject(id, version, reasonId, note, user));
	}

	@PostMapping("/{id}/assign")
	String assignOne(@PathVariable long id, @RequestParam long userId, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "lead.assigned", () -> leads.assign(List.of(id), userId, user));
	}

	@PostMapping("/assign")
	String assign(@RequestParam(required = false) @Nullable List<Long> ids,
			@RequestParam(required = false) @Nullable Long userId, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty() || userId == null) {
			redirect.addFlashAttribute("failure", "leads.assign.choose");
			return "redirect:/leads";
		}
		try {
			int changed = leads.assign(ids, userId, user);
			redirect.addFlashAttribute("notice", "leads.assigned");
			redirect.addFlashAttribute("noticeArgs", new Object[] { changed });
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:/leads";
	}

	@GetMapping("/{id}/convert")
	String convertForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		LeadCard lead = leads.card(id, user);
		model.addAttribute("form", ConversionForm.of(lead));
		return convertPage(model, lead);
	}

	@PostMapping("/{id}/convert")
	String convert(@PathVariable long id, @ModelAttribute("form") ConversionForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Leads.Converted converted = leads.convert(id, form.getVersion(), form.toConversion(), user);
			redirect.addFlashAttribute("notice", "lead.converted");
			return "redirect:/clients/" + converted.clientId();
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (ConcurrentEdit edit) {
			Forms.reject(errors, edit);
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		return convertPage(model, leads.card(id, user));
	}

	@PostMapping("/views")
	String saveView(@RequestParam String name, @RequestParam String query,
			@RequestParam(defaultValue = "false") boolean shared, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return savedViews.save(LIST, "/leads", name, query, shared, user, redirect);
	}

	@PostMapping("/views/{id}/delete")
	String deleteView(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return savedViews.delete("/leads", id, user, redirect);
	}

	private String act(long id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
		}
		return "redirect:/leads/" + id;
	}

	private String formPage(Model model, CurrentUser user, @Nullable LeadCard lead) {
		model.addAttribute("lead", lead);
		model.addAttribute("sources", LeadSource.values());
		model.addAttribute("people", distributes(user) ? users.activeWithin(scopes.of(user.id())) : List.of());
		model.addAttribute("mayChooseResponsible", distributes(user) && lead == null);
		return "leads/form";
	}

	private String convertPage(Model model, LeadCard lead) {
		model.addAttribute("lead", lead);
		model.addAttribute("opensDeal", !followUps.isEmpty());
		return "leads/convert";
	}

	private static boolean distributes(CurrentUser user) {
		return user.is(Role.ADMINISTRATOR) || user.is(Role.HEAD_OF_DEPARTMENT);
	}

	/** The lead form's fields. */
	public static class LeadForm {

		private @Nullable String name;

		private @Nullable String company;

		private @Nullable String phone;

		private @Nullable String email;

		private @Nullable String message;

		private LeadSource source = LeadSource.MANUAL;

		private @Nullable String channel;

		private @Nullable Long responsibleId;

		private long version;

		static LeadForm of(LeadCard lead) {
			LeadForm form = new LeadForm();
			form.name = lead.name();
			form.company = lead.company();
			form.phone = lead.phone();
			form.email = lead.email();
			form.message = lead.message();
			form.source = lead.source();
			form.channel = lead.channel();
			form.responsibleId = lead.responsibleId();
			form.version = lead.version();
			return form;
		}

		LeadDraft toDraft() {
			return new LeadDraft(name, company, phone, email, message, source == null ? LeadSource.MANUAL : source,
					channel, responsibleId, null, Map.of());
		}

		public @Nullable String getName() {
			return name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getCompany() {
			return company;
		}

		public void setCompany(@Nullable String company) {
			this.company = company;
		}

		public @Nullable String getPhone() {
			return phone;
		}

		public void setPhone(@Nullable String phone) {
			this.phone = phone;
		}

		public @Nullable String getEmail() {
			return email;
		}

		public void setEmail(@Nullable String email) {
			this.email = email;
		}

		public @Nullable String getMessage() {
			return message;
		}

		public void setMessage(@Nullable String message) {
			this.message = message;
		}

		public LeadSource getSource() {
			return source;
		}

		public void setSource(LeadSource source) {
			this.source = source;
		}

		public @Nullable String getChannel() {
			return channel;
		}

		public void setChannel(@Nullable String channel) {
			this.channel = channel;
		}

		public @Nullable Long getResponsibleId() {
			return responsibleId;
		}

		public void setResponsibleId(@Nullable Long responsibleId) {
			this.responsibleId = responsibleId;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

	}

	/** The conversion form: a new organisation (or individual), or an existing client. */
	public static class ConversionForm {

		private @Nullable Long existingClientId;

		private @Nullable String clientName;

		private @Nullable String lastName;

		private @Nullable String firstName;

		private @Nullable String middleName;

		private boolean contact = true;

		private boolean deal = true;

		private @Nullable String dealSubject;

		private long version;

		static ConversionForm of(LeadCard lead) {
			ConversionForm form = new ConversionForm();
			form.dealSubject = lead.message() != null && !lead.message().isBlank()
					? lead.message().strip().lines().findFirst().orElse("")
					: lead.company() != null ? lead.company() : lead.name();
			if (form.dealSubject.length() > 300) {
				form.dealSubject = form.dealSubject.substring(0, 300);
			}
			form.clientName = lead.company();
			PersonName name = PersonName.split(lead.name());
			form.lastName = name.last();
			form.firstName = name.first();
			form.middleName = name.middle();
			form.version = lead.version();
			return form;
		}

		Leads.Conversion toConversion() {
			return new Leads.Conversion(existingClientId, clientName, lastName, firstName, middleName, contact,
					deal ? (dealSubject == null || dealSubject.isBlank() ? "—" : dealSubject) : null);
		}

		public boolean isDeal() {
			return deal;
		}

		public void setDeal(boolean deal) {
			this.deal = deal;
		}

		public @Nullable String getDealSubject() {
			return dealSubject;
		}

		public void setDealSubject(@Nullable String dealSubject) {
			this.dealSubject = dealSubject;
		}

		public @Nullable Long getExistingClientId() {
			return existingClientId;
		}

		public void setExistingClientId(@Nullable Long existingClientId) {
			this.existingClientId = existingClientId;
		}

		public @Nullable String getClientName() {
			return clientName;
		}

		public void setClientName(@Nullable String clientName) {
			this.clientName = clientName;
		}

		public @Nullable String getLastName() {
			return lastName;
		}

		public void setLastName(@Nullable String lastName) {
			this.lastName = lastName;
		}

		public @Nullable String getFirstName() {
			return firstName;
		}

		public void setFirstName(@Nullable String firstName) {
			this.firstName = firstName;
		}

		public @Nullable String getMiddleName() {
			return middleName;
		}

		public void setMiddleName(@Nullable String middleName) {
			this.middleName = middleName;
		}

		public boolean isContact() {
			return contact;
		}

		public void setContact(boolean contact) {
			this.contact = contact;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

	}

}
