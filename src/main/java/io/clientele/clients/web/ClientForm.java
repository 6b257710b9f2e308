package io.clientele.clients.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientCard;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.CompanySize;
import io.clientele.clients.Email;
import io.clientele.clients.KeyDate;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.clients.Segment;
import io.clientele.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The client form, bound field by field (repeating groups as indexed rows, extra fields
 * by key). Rows left empty are ignored; everything else goes to the rules as typed.
 */
public class ClientForm {

	private ClientKind kind = ClientKind.ORGANISATION;

	private long version;

	private @Nullable String name;

	private @Nullable String shortName;

	private @Nullable String lastName;

	private @Nullable String firstName;

	private @Nullable String middleName;

	private @Nullable String inn;

	private @Nullable String kpp;

	private @Nullable String ogrn;

	private @Nullable String industry;

	private @Nullable CompanySize size;

	private @Nullable String website;

	private @Nullable String source;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate birthday;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate foundedOn;

	private @Nullable String notes;

	private List<PhoneRow> phones = new ArrayList<>();

	private List<EmailRow> emails = new ArrayList<>();

	private List<MessengerRow> messengers = new ArrayList<>();

	private List<AddressRow> addresses = new ArrayList<>();

	private List<AccountRow> bankAccounts = new ArrayList<>();

	private List<DateRow> keyDates = new ArrayList<>();

	private List<Long> segmentIds = new ArrayList<>();

	private @Nullable Long responsibleId;

	private Map<String, String> custom = new LinkedHashMap<>();

	private Map<String, List<String>> customMany = new LinkedHashMap<>();

	public static ClientForm blank(ClientKind kind) {
		ClientForm form = new ClientForm();
		form.kind = kind;
		return form;
	}

	public static ClientForm of(ClientCard card) {
		ClientForm form = new ClientForm();
		form.kind = card.kind();
		form.version = card.version();
		form.name = card.name();
		form.shortName = card.shortName();
		form.lastName = card.lastName();
		form.firstName = card.firstName();
		form.middleName = card.middleName();
		form.inn = card.inn();
		form.kpp = card.kpp();
		form.ogrn = card.ogrn();
		form.industry = card.industry();
		form.size = card.size();
		form.website = card.website();
		form.source = card.source();
		form.birthday = card.birthday();
		form.foundedOn = card.foundedOn();
		form.notes = card.notes();
		card.phones()
			.forEach(phone -> form.phones.add(new PhoneRow(PhoneNumbers.display(phone.number()), phone.note())));
		card.emails().forEach(email -> form.emails.add(new EmailRow(email.address(), email.note())));
		card.messengers().forEach(m -> form.messengers.add(new MessengerRow(m.kind(), m.handle())));
		card.addresses().forEach(a -> form.addresses.add(new AddressRow(a.kind(), a.text(), a.city(), a.postcode())));
		card.bankAccounts()
			.forEach(b -> form.bankAccounts
				.add(new AccountRow(b.bic(), b.account(), b.correspondentAccount(), b.bank())));
		card.keyDates().forEach(d -> form.keyDates.add(new DateRow(d.label(), d.date())));
		form.segmentIds = new ArrayList<>(card.segments().stream().map(Segment::id).toList());
		form.responsibleId = card.responsibleId();
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

	public ClientDraft toDraft() {
		Map<String, Object> values = new LinkedHashMap<>(custom);
		customMany.forEach((key, codes) -> values.put(key, codes.stream().filter(code -> !code.isBlank()).toList()));
		return new ClientDraft(kind, name, shortName, lastName, firstName, middleName, inn, kpp, ogrn, industry, size,
				website, source, birthday, foundedOn, notes,
				phones.stream()
					.filter(row -> !row.empty())
					.map(row -> new Phone(row.getNumber(), row.getNote()))
					.toList(),
				emails.stream()
					.filter(row -> !row.empty())
					.map(row -> new Email(row.getAddress(), row.getNote()))
					.toList(),
				messengers.stream()
					.filter(row -> !row.empty())
					.map(row -> new Messenger(row.getKind(), row.getHandle()))
					.toList(),
				addresses.stream()
					.filter(row -> !row.empty())
					.map(row -> new Address(row.getKind() == null ? Address.Kind.ACTUAL : row.getKind(), row.getText(),
							row.getCity(), row.getPostcode()))
					.toList(),
				bankAccounts.stream()
					.filter(row -> !row.empty())
					.map(row -> new BankAccount(row.getBic(), row.getAccount(), row.getCorrespondentAccount(),
							row.getBank()))
					.toList(),
				keyDates.stream()
					.filter(row -> !row.empty())
					.map(row -> new KeyDate(row.getLabel(), row.getDate()))
					.toList(),
				segmentIds.stream().filter(java.util.Objects::nonNull).toList(), responsibleId, values);
	}

	/**
	 * The form field a refusal of the rules names: rows left empty were not passed on, so
	 * {@code phones[0]} of the draft may be the form's {@code phones[2]}; extra field
	 * {@code cf12} is {@code custom[12]}.
	 */
	public String formField(String draftField) {
		var row = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)](.*)").matcher(draftField);
		if (row.matches()) {
			List<? extends Object> rows = switch (row.group(1)) {
				case "phones" -> phones;
				case "emails" -> emails;
				case "messengers" -> messengers;
				case "addresses" -> addresses;
				case "bankAccounts" -> bankAccounts;
				case "keyDates" -> keyDates;
				default -> List.of();
			};
			int wanted = Integer.parseInt(row.group(2));
			int seen = -1;
			for (int i = 0; i < rows.size(); i++) {
				if (!empty(rows.get(i)) && ++seen == wanted) {
					return row.group(1) + "[" + i + "]" + row.group(3);
				}
			}
			return draftField;
		}
		if (draftField.matches("cf\\d+")) {
			String key = draftField.substring(2);
			return customMany.containsKey(key) ? "customMany[" + key + "]" : "custom[" + key + "]";
		}
		return draftField;
	}

	private static boolean empty(Object row) {
		if (row instanceof PhoneRow phone) {
			return phone.empty();
		}
		if (row instanceof EmailRow email) {
			return email.empty();
		}
		if (row instanceof MessengerRow messenger) {
			return messenger.empty();
		}
		if (row instanceof AddressRow address) {
			return address.empty();
		}
		if (row instanceof AccountRow account) {
			return account.empty();
		}
		return row instanceof DateRow date && date.empty();
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	public static class PhoneRow {

		private @Nullable String number;

		private @Nullable String note;

		public PhoneRow() {
		}

		PhoneRow(@Nullable String number, @Nullable String note) {
			this.number = number;
			this.note = note;
		}

		boolean empty() {
			return blank(number) && blank(note);
		}

		public @Nullable String getNumber() {
			return number;
		}

		public void setNumber(@Nullable String number) {
			this.number = number;
		}

		public @Nullable String getNote() {
			return note;
		}

		public void setNote(@Nullable String note) {
			this.note = note;
		}

	}

	public static class EmailRow {

		private @Nullable String address;

		private @Nullable String note;

		public EmailRow() {
		}

		EmailRow(@Nullable String address, @Nullable String note) {
			this.address = address;
			this.note = note;
		}

		boolean empty() {
			return blank(address) && blank(note);
		}

		public @Nullable String getAddress() {
			return address;
		}

		public void setAddress(@Nullable String address) {
			this.address = address;
		}

		public @Nullable String getNote() {
			return note;
		}

		public void setNote(@Nullable String note) {
			this.note = note;
		}

	}

	public static class MessengerRow {

		private @Nullable String kind;

		private @Nullable String handle;

		public MessengerRow() {
		}

		MessengerRow(@Nullable String kind, @Nullable String handle) {
			this.kind = kind;
			this.handle = handle;
		}

		boolean empty() {
			return blank(handle);
		}

		public @Nullable String getKind() {
			return kind;
		}

		public void setKind(@Nullable String kind) {
			this.kind = kind;
		}

		public @Nullable String getHandle() {
			return handle;
		}

		public void setHandle(@Nullable String handle) {
			this.handle = handle;
		}

	}

	public static class AddressRow {

		private Address.@Nullable Kind kind;

		private @Nullable String text;

		private @Nullable String city;

		private @Nullable String postcode;

		public AddressRow() {
		}

		AddressRow(Address.Kind kind, String text, @Nullable String city, @Nullable String postcode) {
			this.kind = kind;
			this.text = text;
			this.city = city;
			this.postcode = postcode;
		}

		boolean empty() {
			return blank(text) && blank(city) && blank(postcode);
		}

		public Address.@Nullable Kind getKind() {
			return kind;
		}

		public void setKind(Address.@Nullable Kind kind) {
			this.kind = kind;
		}

		public @Nullable String getText() {
			return text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public @Nullable String getCity() {
			return city;
		}

		public void setCity(@Nullable String city) {
			this.city = city;
		}

		public @Nullable String getPostcode() {
			return postcode;
		}

		public void setPostcode(@Nullable String postcode) {
			this.postcode = postcode;
		}

	}

	public static class AccountRow {

		private @Nullable String bic;

		private @Nullable String account;

		private @Nullable String correspondentAccount;

		private @Nullable String bank;

		public AccountRow() {
		}

		AccountRow(String bic, String account, @Nullable String correspondentAccount, @Nullable String bank) {
			this.bic = bic;
			this.account = account;
			this.correspondentAccount = correspondentAccount;
			this.bank = bank;
		}

		boolean empty() {
			return blank(bic) && blank(account) && blank(correspondentAccount) && blank(bank);
		}

		public @Nullable String getBic() {
			return bic;
		}

		public void setBic(@Nullable String bic) {
			this.bic = bic;
		}

		public @Nullable String getAccount() {
			return account;
		}

		public void setAccount(@Nullable String account) {
			this.account = account;
		}

		public @Nullable String getCorrespondentAccount() {
			return correspondentAccount;
		}

		public void setCorrespondentAccount(@Nullable String correspondentAccount) {
			this.correspondentAccount = correspondentAccount;
		}

		public @Nullable String getBank() {
			return bank;
		}

		public void setBank(@Nullable String bank) {
			this.bank = bank;
		}

	}

	public static class DateRow {

		private @Nullable String label;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate date;

		public DateRow() {
		}

		DateRow(String label, LocalDate date) {
			this.label = label;
			this.date = date;
		}

		boolean empty() {
			return blank(label) && date == null;
		}

		public @Nullable String getLabel() {
			return label;
		}

		public void setLabel(@Nullable String label) {
			this.label = label;
		}

		public @Nullable LocalDate getDate() {
			return date;
		}

		public void setDate(@Nullable LocalDate date) {
			this.date = date;
		}

	}

	// JavaBean accessors of the form itself

	public ClientKind getKind() {
		return kind;
	}

	public void setKind(ClientKind kind) {
		this.kind = kind;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getShortName() {
		return shortName;
	}

	public void setShortName(@Nullable String shortName) {
		this.shortName = shortName;
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

	public @Nullable String getInn() {
		return inn;
	}

	public void setInn(@Nullable String inn) {
		this.inn = inn;
	}

	public @Nullable String getKpp() {
		return kpp;
	}

	public void setKpp(@Nullable String kpp) {
		this.kpp = kpp;
	}

	public @Nullable String getOgrn() {
		return ogrn;
	}

	public void setOgrn(@Nullable String ogrn) {
		this.ogrn = ogrn;
	}

	public @Nullable String getIndustry() {
		return industry;
	}

	public void setIndustry(@Nullable String industry) {
		this.industry = industry;
	}

	public @Nullable CompanySize getSize() {
		return size;
	}

	public void setSize(@Nullable CompanySize size) {
		this.size = size;
	}

	public @Nullable String getWebsite() {
		return website;
	}

	public void setWebsite(@Nullable String website) {
		this.website = website;
	}

	public @Nullable String getSource() {
		return source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable LocalDate getBirthday() {
		return birthday;
	}

	public void setBirthday(@Nullable LocalDate birthday) {
		this.birthday = birthday;
	}

	public @Nullable LocalDate getFoundedOn() {
		return foundedOn;
	}

	public void setFoundedOn(@Nullable LocalDate foundedOn) {
		this.foundedOn = foundedOn;
	}

	public @Nullable String getNotes() {
		return notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

	public List<PhoneRow> getPhones() {
		return phones;
	}

	public void setPhones(List<PhoneRow> phones) {
		this.phones = phones;
	}

	public List<EmailRow> getEmails() {
		return emails;
	}

	public void setEmails(List<EmailRow> emails) {
		this.emails = emails;
	}

	public List<MessengerRow> getMessengers() {
		return messengers;
	}

	public void setMessengers(List<MessengerRow> messengers) {
		this.messengers = messengers;
	}

	public List<AddressRow> getAddresses() {
		return addresses;
	}

	public void setAddresses(List<AddressRow> addresses) {
		this.addresses = addresses;
	}

	public List<AccountRow> getBankAccounts() {
		return bankAccounts;
	}

	public void setBankAccounts(List<AccountRow> bankAccounts) {
		this.bankAccounts = bankAccounts;
	}

	public List<DateRow> getKeyDates() {
		return keyDates;
	}

	public void setKeyDates(List<DateRow> keyDates) {
		this.keyDates = keyDates;
	}

	public List<Long> getSegmentIds() {
		return segmentIds;
	}

	public void setSegmentIds(List<Long> segmentIds) {
		this.segmentIds = segmentIds;
	}

	public @Nullable Long getResponsibleId() {
		return responsibleId;
	}

	public void setResponsibleId(@Nullable Long responsibleId) {
		this.responsibleId = responsibleId;
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
