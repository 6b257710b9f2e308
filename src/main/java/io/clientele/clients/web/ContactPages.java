package io.clientele.clients.web;

import io.clientele.shared.files.ExportFormat;
import io.clientele.shared.lists.ListExport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.ContactCard;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.ContactList;
import io.clientele.clients.ContactService;
import io.clientele.clients.Merging;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Contact persons: their card and form, and linking one to another client.
 */
@Controller
class ContactPages {

	private final ContactService contacts;

	private final ClientService clients;

	private final CustomFields customFields;

	private final RecordHistory history;

	private final ContactList list;

	private final ClientExports exports;

	private final Merging merging;

	ContactPages(ContactService contacts, ClientService clients, CustomFields customFields, RecordHistory history,
			ContactList list, ClientExports exports, Merging merging) {
		this.list = list;
		this.exports = exports;
		this.merging = merging;
		this.contacts = contacts;
		this.clients = clients;
		this.customFields = customFields;
		this.history = history;
	}

	@GetMapping("/contacts")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String after, @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		var fields = customFields.of("CONTACT");
		Map<CustomField, String> filters = filters(params, fields);
		model.addAttribute("q", q);
		model.addAttribute("fields", fields);
		model.addAttribute("columns", fields.stream().filter(CustomField::shownInList).toList());
		model.addAttribute("filters",
				filters.entrySet()
					.stream()
					.collect(Collectors.toMap(entry -> entry.getKey().column(), Map.Entry::getValue)));
		model.addAttribute("exportLink", exportLink(q, filters));
		try {
			model.addAttribute("page", list.page(q, null, filters, after, 50, user));
		}
		catch (RuleViolation violation) {
			model.addAttribute("listError", violation);
		}
		return "clients/contacts";
	}

	/**
	 * Every page of the list as it is shown (as a table or as vCards); a list that cannot
	 * be shown goes back to the list, which says why.
	 */
	@GetMapping("/contacts/export")
	@Nullable String export(@RequestParam(required = false) @Nullable String q,
			@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String delimiter, @AuthenticationPrincipal CurrentUser user,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		var fields = customFields.of("CONTACT");
		Map<CustomField, String> filters = filters(params, fields);
		try {
			exports.contacts(q, null, filters, fields.stream().filter(CustomField::shownInList).toList(),
					ExportFormat.of(format, true), ExportFormat.delimiter(delimiter), user, locale, response);
			return null;
		}
		catch (RuleViolation violation) {
			return ListExport.refused(violation, link("/contacts", q, filters), redirect);
		}
	}

	/** The contact person as a vCard 4.0 file, for an address book. */
	@GetMapping("/contacts/{id}/vcard")
	void vcard(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		exports.card(contacts.card(id, user), response);
	}

	/** Filters on the contacts' extra fields, as {@code f.<column>}. */
	static Map<CustomField, String> filters(MultiValueMap<String, String> params, List<CustomField> fields) {
		Map<CustomField, String> filters = new LinkedHashMap<>();
		fields.forEach(field -> {
			String value = params.getFirst("f." + field.column());
			if (value != null && !value.isBlank()) {
				filters.put(field, value);
			}
		});
		return filters;
	}

	/** The export of the list as filtered, to be followed by {@code format=…}. */
	private static String exportLink(@Nullable String q, Map<CustomField, String> filters) {
		String link = link("/contacts/export", q, filters);
		return link + (link.contains("?") ? "&" : "?");
	}

	private static String link(String path, @Nullable String q, Map<CustomField, String> filters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (q != null && !q.isBlank()) {
			uri.queryParam("q", encode(q));
		}
		filters.forEach((field, value) -> uri.queryParam("f." + field.column(), encode(value)));
		return uri.build(true).toUriString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@GetMapping("/clients/{clientId}/contacts/new")
	String newContact(@PathVariable long clientId, @AuthenticationPrincipal CurrentUser user, Model model) {
		var client = clients.card(clientId, user);
		ContactForm form = ContactForm.at(clientId);
		form.getWork().get(0).setClientName(client.name());
		model.addAttribute("form", form);
		return formPage(model, null, clientId);
	}

	@PostMapping("/contacts")
	String create(@ModelAttribute("form") ContactForm form, BindingResult errors,
			@RequestParam(required = false) @Nullable Long back, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				long id = contacts.create(form.toDraft(), user);
				redirect.addFlashAttribute("notice", "contact.created");
				return back != null ? "redirect:/clients/" + back : "redirect:/contacts/" + id;
			}
			catch (RuleViolation violation) {
				reject(errors, form, violation);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, null, back);
	}

	@GetMapping("/contacts/{id}")
	String card(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("contact", contacts.card(id, user));
		model.addAttribute("customFields", customFields.of("CONTACT"));
		model.addAttribute("merges", merging.into(ContactService.RECORD_TYPE, id, user));
		var absorbed = merging.absorbed(ContactService.RECORD_TYPE, id);
		var ids = new java.util.ArrayList<Long>(java.util.List.of(id));
		ids.addAll(absorbed.keySet());
		model.addAttribute("history", history.of(ContactService.RECORD_TYPE, ids, null, 50));
		model.addAttribute("historyOf", id);
		model.addAttribute("absorbed", absorbed);
		return "clients/contact";
	}

	@GetMapping("/contacts/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		ContactCard card = contacts.card(id, user);
		model.addAttribute("form", ContactForm.of(card));
		return formPage(model, card, null);
	}

	@PostMapping("/contacts/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				contacts.update(id, form.toDraft(), form.getVersion(), user);
				redirect.addFlashAttribute("notice", "contact.saved");
				return "redirect:/contacts/" + id;
			}
			catch (RuleViolation violation) {
				reject(errors, form, violation);
			}
			catch (ConcurrentEdit edit) {
				Forms.reject(errors, edit);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, contacts.card(id, user), null);
	}

	@PostMapping("/contacts/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			contacts.delete(id, version, user);
			redirect.addFlashAttribute("notice", "contact.deleted");
			return "redirect:/clients";
		}
		catch (ConcurrentEdit edit) {
			redirect.addFlashAttribute("failure", "problem.concurrent-edit");
			return "redirect:/contacts/" + id;
		}
	}

	@GetMapping("/clients/{clientId}/contacts/link")
	String linkPage(@PathVariable long clientId, @RequestParam(required = false) @Nullable String q,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("client", clients.card(clientId, user));
		model.addAttribute("q", q);
		model.addAttribute("matches", q == null || q.isBlank() ? List.of() : contacts.search(q, user));
		return "clients/link-contact";
	}

	@PostMapping("/clients/{clientId}/contacts/link")
	String link(@PathVariable long clientId, @RequestParam long contactId,
			@RequestParam(required = false) @Nullable String position,
			@RequestParam(required = false) @Nullable String department,
			@RequestParam(defaultValue = "false") boolean keyPerson, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			contacts.link(contactId, new ContactDraft.Work(clientId, position, department, keyPerson, false, null),
					user);
			redirect.addFlashAttribute("notice", "contact.linked");
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:/clients/" + clientId;
	}

	private void reject(BindingResult errors, ContactForm form, RuleViolation violation) {
		String field = violation.field() == null ? null : form.formField(violation.field());
		Forms.reject(errors, new RuleViolation(field, violation.messageKey(), violation.arguments()));
	}

	private String formPage(Model model, @Nullable ContactCard contact, @Nullable Long back) {
		model.addAttribute("contact", contact);
		model.addAttribute("back", back);
		model.addAttribute("customFields", customFields.of("CONTACT"));
		return "clients/contact-form";
	}

}
