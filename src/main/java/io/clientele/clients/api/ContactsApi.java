package io.clientele.clients.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ContactCard;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.ContactList;
import io.clientele.clients.ContactService;
import io.clientele.clients.Email;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

	ContactsApi(ContactService contacts, ContactList list) {
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
