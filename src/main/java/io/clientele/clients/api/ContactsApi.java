package io.clientele.clients.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.ContactCard;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.ContactList;
import io.clientele.clients.ContactService;
import io.clientele.clients.Email;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.shared.files.ExportFormat;
import io.clientele.clients.web.ClientExports;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Contact persons through the API.
 */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactsApi {

	private final ContactService contacts;

	private final ContactList list;

	private final CustomFields customFields;

	private final ClientExports exports;

	ContactsApi(ContactService contacts, ContactList list, CustomFields customFields, ClientExports exports) {
		this.customFields = customFields;
		this.exports = exports;
		this.contacts = contacts;
		this.list = list;
	}

	record ContactJson(long id, long version, @Nullable String lastName, @Nullable String firstName,
			@Nullable String middleName, String fullName, @Nullable LocalDate birthday, List<Phone> phones,
			List<Email> emails, List<Messenger> messengers, @Nullable String notes, List<ContactDraft.Work> work,
			Map<String, Object> custom, Instant createdAt, Instant updatedAt) {

		static ContactJson of(ContactCard card) {
			return new ContactJson(card.id(), card.version(), card.lastName(), card.firstName(), card.middleName(),
					card.fullName(), card.birthday(), card.phones(), card.emails(), card.messengers(), card.notes(),
					card.work()
						.stream()
						.map(at -> new ContactDraft.Work(at.clientId(), at.position(), at.department(), at.keyPerson(),
								at.leftCompany(), at.leftOn()))
						.toList(),
					card.custom(), card.createdAt(), card.updatedAt());
		}

	}

	/**
	 * A contact person to create, or the whole new state of one to update.
	 *
	 * @param work the clients they work for; at least one
	 * @param version the version an update is based on
	 */
	record ContactWrite(@Nullable String lastName, @Nullable String firstName, @Nullable String middleName,
			@Nullable LocalDate birthday, @Nullable List<Phone> phones, @Nullable List<Email> emails,
			@Nullable List<Messenger> messengers, @Nullable String notes, @Nullable List<ContactDraft.Work> work,
			@Nullable Map<String, Object> custom, @Nullable Long version) {

		ContactDraft draft() {
			return new ContactDraft(lastName, firstName, middleName, birthday, phones, emails, messengers, notes, work,
					custom);
		}

	}

	@GetMapping
	@Operation(summary = "List the contact persons the caller may see",
			description = "By name; `q` matches part of the name, a phone number in any format or an e-mail address; "
					+ "`client` keeps the people of one client; pass `after` (the `next` of the previous page) for more.")
	ContactList.Page list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long client,
			@RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "50") int size,
			@AuthenticationPrincipal CurrentUser user) {
		return list.page(q, client, after, size, user);
	}

	@GetMapping("/export")
	@Operation(summary = "Export the contact persons the caller may see as CSV, XLSX or vCard",
			description = "Every matching person, by name, with the list's `q` and `client`. CSV and XLSX hold the "
					+ "columns of the contact list (name, where they work, phones, e-mails, the extra fields shown in "
					+ "the list) with headers in the language of `Accept-Language`, written as the client export is; "
					+ "`vcf` is one vCard 4.0 file with a card per person (names, phones, e-mails, birthday, notes, "
					+ "the job at the first client they have not left).")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment",
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = ExportFormat.XLSX_MEDIA_TYPE,
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "text/vcard", schema = @Schema(type = "string", format = "binary")) })
	void export(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long client,
			@Parameter(description = "csv, xlsx or vcf") @RequestParam(defaultValue = "csv") String format,
			@Parameter(description = "CSV field separator: comma (the default) or semicolon") @RequestParam(
					required = false) @Nullable String delimiter,
			@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletResponse response) {
		exports.contacts(q, client, Map.of(),
				customFields.of("CONTACT").stream().filter(CustomField::shownInList).toList(),
				ExportFormat.of(format, true), ExportFormat.delimiter(delimiter), user, locale, response);
	}

	@GetMapping("/{id}/vcard")
	@Operation(summary = "A contact person as a vCard 4.0 file")
	@ApiResponse(responseCode = "200", description = "The card, as an attachment",
			content = @Content(mediaType = "text/vcard", schema = @Schema(type = "string", format = "binary")))
	void vcard(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response) {
		exports.card(contacts.card(id, user), response);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A contact person")
	ContactJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ContactJson.of(contacts.card(id, user));
	}

	@PostMapping
	@Operation(summary = "Create a contact person")
	ResponseEntity<ContactJson> create(@RequestBody ContactWrite contact, @AuthenticationPrincipal CurrentUser user) {
		long id = contacts.create(contact.draft(), user);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + id))
			.body(ContactJson.of(contacts.card(id, user)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a contact person's data",
			description = "Send the version you read; 409 if it changed.")
	ContactJson update(@PathVariable long id, @RequestBody ContactWrite contact,
			@AuthenticationPrincipal CurrentUser user) {
		if (contact.version() == null) {
			throw new RuleViolation("version", "value.missing");
		}
		contacts.update(id, contact.draft(), contact.version(), user);
		return ContactJson.of(contacts.card(id, user));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Move a contact person to the recycle bin")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam long version,
			@AuthenticationPrincipal CurrentUser user) {
		contacts.delete(id, version, user);
		return ResponseEntity.noContent().build();
	}

}
