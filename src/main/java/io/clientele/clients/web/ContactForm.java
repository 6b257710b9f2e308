package io.clientele.clients.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ContactCard;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.Email;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The contact person form: the person, their phones and addresses, and their role at each
 * client they work for.
 */
public class ContactForm {

	private long version;

	private @Nullable String lastName;

	private @Nullable String firstName;

	private @Nullable String middleName;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate birthday;

	private @Nullable String notes;

	private List<ClientForm.PhoneRow> phones = new ArrayList<>();

	private List<ClientForm.EmailRow> emails = new ArrayList<>();

	private List<ClientForm.MessengerRow> messengers = new ArrayList<>();

	private List<WorkRow> work = new ArrayList<>();

	private Map<String, String> custom = new LinkedHashMap<>();

	private Map<String, List<String>> customMany = new LinkedHashMap<>();

	static ContactForm at(long clientId) {
		ContactForm form = new ContactForm();
		WorkRow row = new WorkRow();
		row.setClientId(clientId);
		form.work.add(row);
		form.phones.add(new ClientForm.PhoneRow());
		form.emails.add(new ClientForm.EmailRow());
		return form;
	}

	static ContactForm of(ContactCard card) {
		ContactForm form = new ContactForm();
		form.version = card.version();
		form.lastName = card.lastName();
		form.firstName = card.firstName();
		form.middleName = card.middleName();
		form.birthday = card.birthday();
		form.notes = card.notes();
		card.phones().forEach(phone -> {
			var row = new ClientForm.PhoneRow();
			row.setNumber(PhoneNumbers.display(phone.number()));
			row.setNote(phone.note());
			form.phones.add(row);
		});
		card.emails().forEach(email -> {
			var row = new ClientForm.EmailRow();
			row.setAddress(email.address());
			row.setNote(email.note());
			form.emails.add(row);
		});
		card.messengers().forEach(messenger -> {
			var row = new ClientForm.MessengerRow();
			row.setKind(messenger.kind());
			row.setHandle(messenger.handle());
			form.messengers.add(row);
		});
		card.work().forEach(at -> {
			WorkRow row = new WorkRow();
			row.setClientId(at.clientId());
			row.setClientName(at.clientName());
			row.setPosition(at.position());
			row.setDepartment(at.department());
			row.setKeyPerson(at.keyPerson());
			row.setLeftCompany(at.leftCompany());
			row.setLeftOn(at.leftOn());
			form.work.add(row);
		});
		card.custom().forEach((key, value) -> {
			if (value instanceof List<?> many) {
				form.customMany.put(key, many.stream().map(String::valueOf).toList());
			}
			else {
				form.custom.put(key, String.valueOf(value));
			}
		});
		return form;
	}

	ContactDraft toDraft() {
		Map<String, Object> values = new LinkedHashMap<>(custom);
		customMany.forEach((key, codes) -> values.put(key, codes.stream().filter(code -> !code.isBlank()).toList()));
		return new ContactDraft(lastName, firstName, middleName, birthday,
				phones.stream()
					.filter(row -> row.getNumber() != null && !row.getNumber().isBlank())
					.map(row -> new Phone(row.getNumber(), row.getNote()))
					.toList(),
				emails.stream()
					.filter(row -> row.getAddress() != null && !row.getAddress().isBlank())
					.map(row -> new Email(row.getAddress(), row.getNote()))
					.toList(),
				messengers.stream()
					.filter(row -> row.getHandle() != null && !row.getHandle().isBlank())
					.map(row -> new Messenger(row.getKind(), row.getHandle()))
					.toList(),
				notes,
				work.stream()
					.filter(row -> row.getClientId() != null)
					.map(row -> new ContactDraft.Work(row.getClientId(), row.getPosition(), row.getDepartment(),
							row.isKeyPerson(), row.isLeftCompany(), row.getLeftOn()))
					.toList(),
				values);
	}

	/** Like {@link ClientForm#formField}: rows left empty were not passed on. */
	String formField(String draftField) {
		var row = java.util.regex.Pattern.compile("(phones|emails|messengers)\\[(\\d+)](.*)").matcher(draftField);
		if (row.matches()) {
			List<Boolean> filled = switch (row.group(1)) {
				case "phones" -> phones.stream().map(p -> p.getNumber() != null && !p.getNumber().isBlank()).toList();
				case "emails" -> emails.stream().map(e -> e.getAddress() != null && !e.getAddress().isBlank()).toList();
				default -> messengers.stream().map(m -> m.getHandle() != null && !m.getHandle().isBlank()).toList();
			};
			int wanted = Integer.parseInt(row.group(2));
			int seen = -1;
			for (int i = 0; i < filled.size(); i++) {
				if (filled.get(i) && ++seen == wanted) {
					return row.group(1) + "[" + i + "]" + row.group(3);
				}
			}
		}
		if (draftField.matches("cf\\d+")) {
			String key = draftField.substring(2);
			return customMany.containsKey(key) ? "customMany[" + key + "]" : "custom[" + key + "]";
		}
		return draftField;
	}

	public static class WorkRow {

		private @Nullable Long clientId;

		private @Nullable String clientName;

		private @Nullable String position;

		private @Nullable String department;

		private boolean keyPerson;

		private boolean leftCompany;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate leftOn;

		public @Nullable Long getClientId() {
			return clientId;
		}

		public void setClientId(@Nullable Long clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientName() {
			return clientName;
		}

		public void setClientName(@Nullable String clientName) {
			this.clientName = clientName;
		}

		public @Nullable String getPosition() {
			return position;
		}

		public void setPosition(@Nullable String position) {
			this.position = position;
		}

		public @Nullable String getDepartment() {
			return department;
		}

		public void setDepartment(@Nullable String department) {
			this.department = department;
		}

		public boolean isKeyPerson() {
			return keyPerson;
		}

		public void setKeyPerson(boolean keyPerson) {
			this.keyPerson = keyPerson;
		}

		public boolean isLeftCompany() {
			return leftCompany;
		}

		public void setLeftCompany(boolean leftCompany) {
			this.leftCompany = leftCompany;
		}

		public @Nullable LocalDate getLeftOn() {
			return leftOn;
		}

		public void setLeftOn(@Nullable LocalDate leftOn) {
			this.leftOn = leftOn;
		}

	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
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

	public @Nullable LocalDate getBirthday() {
		return birthday;
	}

	public void setBirthday(@Nullable LocalDate birthday) {
		this.birthday = birthday;
	}

	public @Nullable String getNotes() {
		return notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

	public List<ClientForm.PhoneRow> getPhones() {
		return phones;
	}

	public void setPhones(List<ClientForm.PhoneRow> phones) {
		this.phones = phones;
	}

	public List<ClientForm.EmailRow> getEmails() {
		return emails;
	}

	public void setEmails(List<ClientForm.EmailRow> emails) {
		this.emails = emails;
	}

	public List<ClientForm.MessengerRow> getMessengers() {
		return messengers;
	}

	public void setMessengers(List<ClientForm.MessengerRow> messengers) {
		this.messengers = messengers;
	}

	public List<WorkRow> getWork() {
		return work;
	}

	public void setWork(List<WorkRow> work) {
		this.work = work;
	}

	public Map<String, String> getCustom() {
		return custom;
	}

	public void setCustom(Map<String, String> custom) {
		this.custom = custom;
	}

	public Map<String, List<String>> getCustomMany() {
		return customMany;
	}

	public void setCustomMany(Map<String, List<String>> customMany) {
		this.customMany = customMany;
	}

}
