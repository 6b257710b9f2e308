package io.clientele.clients.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.Email;
import io.clientele.clients.KeyDate;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.shared.BankAccounts;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TaxIds;
import io.clientele.shared.TextRules;
import org.jspecify.annotations.Nullable;

/**
 * Checks a submitted client field by field and brings it into its stored form: phones to
 * E.164, tax ids and bank details verified by their check digits, texts refused rather
 * than altered. A refusal names the field ({@code phones[1].number}) and the reason.
 */
final class ClientRules {

	static final int NAME_MAX = 300;

	static final int TEXT_MAX = 200;

	static final int NOTES_MAX = 10_000;

	static final int MAX_ITEMS = 20;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	private ClientRules() {
	}

	/**
	 * @param customValues the extra field values, already checked by the caller
	 * @param responsibleId the checked responsible user
	 */
	static ClientData check(ClientDraft draft, String phoneRegion, long responsibleId,
			Map<String, Object> customValues) {
		if (draft.kind() == null) {
			throw new RuleViolation("kind", "value.missing");
		}
		boolean organisation = draft.kind() == ClientKind.ORGANISATION;
		String lastName = TextRules.line("lastName", draft.lastName(), TEXT_MAX);
		String firstName = TextRules.line("firstName", draft.firstName(), TEXT_MAX);
		String middleName = TextRules.line("middleName", draft.middleName(), TEXT_MAX);
		String name;
		if (organisation) {
			name = TextRules.required("name", draft.name(), NAME_MAX);
		}
		else {
			if (isBlank(lastName) && isBlank(firstName)) {
				throw new RuleViolation("lastName", "client.person-name-required");
			}
			name = String.join(" ", nonBlank(lastName, firstName, middleName));
		}
		String inn = draft.inn() == null || draft.inn().isBlank() ? null : TaxIds.inn("inn", draft.inn());
		String kpp = draft.kpp() == null || draft.kpp().isBlank() ? null : TaxIds.kpp("kpp", draft.kpp());
		String ogrn = draft.ogrn() == null || draft.ogrn().isBlank() ? null : TaxIds.ogrn("ogrn", draft.ogrn());
		checkRequisitesFit(draft.kind(), inn, kpp, ogrn);
		return new ClientData(draft.kind(), name,
				organisation ? TextRules.line("shortName", draft.shortName(), NAME_MAX) : null, lastName, firstName,
				middleName, inn, kpp, ogrn,
				organisation ? TextRules.line("industry", draft.industry(), TEXT_MAX) : null,
				organisation ? draft.size() : null, website(draft.website()),
				TextRules.line("source", draft.source(), TEXT_MAX), past("birthday", draft.birthday()),
				organisation ? past("foundedOn", draft.foundedOn()) : null,
				TextRules.multiline("notes", draft.notes(), NOTES_MAX), phones(draft.phones(), phoneRegion),
				emails(draft.emails()), messengers(draft.messengers()), addresses(draft.addresses()),
				organisation ? bankAccounts(draft.bankAccounts()) : List.of(), keyDates(draft.keyDates()),
				List.copyOf(new LinkedHashSet<>(draft.segmentIds())), responsibleId, customValues);
	}

	/**
	 * A KPP belongs to a legal entity (10-digit INN); OGRN to it, OGRNIP to an
	 * entrepreneur.
	 */
	private static void checkRequisitesFit(ClientKind kind, @Nullable String inn, @Nullable String kpp,
			@Nullable String ogrn) {
		if (kind == ClientKind.INDIVIDUAL && inn != null && inn.length() != 12) {
			throw new RuleViolation("inn", "client.inn.person-has-12-digits");
		}
		if (kpp != null && (inn == null || inn.length() != 10)) {
			throw new RuleViolation("kpp", "client.kpp.needs-legal-inn");
		}
		if (ogrn != null && inn != null && ogrn.length() != (inn.length() == 10 ? 13 : 15)) {
			throw new RuleViolation("ogrn", "client.ogrn.does-not-fit-inn");
		}
	}

	static List<Phone> phones(List<Phone> phones, String region) {
		limit("phones", phones);
		List<Phone> checked = new ArrayList<>();
		for (int i = 0; i < phones.size(); i++) {
			Phone phone = phones.get(i);
			String field = "phones[" + i + "]";
			if (phone.number() == null || phone.number().isBlank()) {
				throw new RuleViolation(field + ".number", "phone.invalid");
			}
			String number = phone(field + ".number", phone.number(), region);
			if (checked.stream().noneMatch(existing -> existing.number().equals(number))) {
				checked.add(new Phone(number, TextRules.line(field + ".note", phone.note(), TEXT_MAX)));
			}
		}
		return checked;
	}

	static List<Email> emails(List<Email> emails) {
		limit("emails", emails);
		List<Email> checked = new ArrayList<>();
		for (int i = 0; i < emails.size(); i++) {
			Email email = emails.get(i);
			String field = "emails[" + i + "]";
			String address = email(field + ".address", email.address());
			if (address == null) {
				throw new RuleViolation(field + ".address", "email.invalid");
			}
			if (checked.stream().noneMatch(existing -> existing.address().equalsIgnoreCase(address))) {
				checked.add(new Email(address, TextRules.line(field + ".note", email.note(), TEXT_MAX)));
			}
		}
		return checked;
	}

	/** A phone number in E.164, or null when none was given. */
	static @Nullable String phone(String field, @Nullable String input, String region) {
		String text = TextRules.line(field, input, 50);
		return text == null || text.isBlank() ? null : PhoneNumbers.normalise(field, text, region);
	}

	/** A plausible e-mail address, or null when none was given. */
	static @Nullable String email(String field, @Nullable String input) {
		String address = TextRules.line(field, input, 254);
		if (address == null || address.isBlank()) {
			return null;
		}
		if (!EMAIL.matcher(address).matches()) {
			throw new RuleViolation(field, "email.invalid");
		}
		return address;
	}

	static List<Messenger> messengers(List<Messenger> messengers) {
		limit("messengers", messengers);
		List<Messenger> checked = new ArrayList<>();
		for (int i = 0; i < messengers.size(); i++) {
			Messenger messenger = messengers.get(i);
			String field = "messengers[" + i + "]";
			checked.add(new Messenger(TextRules.required(field + ".kind", messenger.kind(), 100),
					TextRules.required(field + ".handle", messenger.handle(), TEXT_MAX)));
		}
		return checked;
	}

	static List<Address> addresses(List<Address> addresses) {
		limit("addresses", addresses);
		List<Address> checked = new ArrayList<>();
		for (int i = 0; i < addresses.size(); i++) {
			Address address = addresses.get(i);
			String field = "addresses[" + i + "]";
			if (address.kind() == null) {
				throw new RuleViolation(field + ".kind", "value.missing");
			}
			checked.add(new Address(address.kind(), TextRules.required(field + ".text", address.text(), 500),
					TextRules.line(field + ".city", address.city(), 100),
					TextRules.line(field + ".postcode", address.postcode(), 20)));
		}
		return checked;
	}

	static List<BankAccount> bankAccounts(List<BankAccount> accounts) {
		limit("bankAccounts", accounts);
		List<BankAccount> checked = new ArrayList<>();
		for (int i = 0; i < accounts.size(); i++) {
			BankAccount account = accounts.get(i);
			String field = "bankAccounts[" + i + "]";
			String bic = BankAccounts.bic(field + ".bic", account.bic());
			String number = BankAccounts.account(field + ".account", bic, account.account());
			String correspondent = account.correspondentAccount() == null || account.correspondentAccount().isBlank()
					? null : BankAccounts.correspondentAccount(field + ".correspondentAccount", bic,
							account.correspondentAccount());
			checked.add(new BankAccount(bic, number, correspondent,
					TextRules.line(field + ".bank", account.bank(), TEXT_MAX)));
		}
		return checked;
	}

	static List<KeyDate> keyDates(List<KeyDate> dates) {
		limit("keyDates", dates);
		List<KeyDate> checked = new ArrayList<>();
		for (int i = 0; i < dates.size(); i++) {
			KeyDate date = dates.get(i);
			String field = "keyDates[" + i + "]";
			if (date.date() == null) {
				throw new RuleViolation(field + ".date", "value.missing");
			}
			checked.add(new KeyDate(TextRules.required(field + ".label", date.label(), 100), date.date()));
		}
		return checked;
	}

	static @Nullable String website(@Nullable String website) {
		String text = TextRules.line("website", website, 500);
		if (text == null || text.isBlank()) {
			return null;
		}
		String withScheme = text.contains("://") ? text : "https://" + text;
		try {
			URI uri = new URI(withScheme);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| !uri.getHost().contains(".")) {
				throw new RuleViolation("website", "client.website.invalid");
			}
			return text;
		}
		catch (URISyntaxException ex) {
			throw new RuleViolation("website", "client.website.invalid");
		}
	}

	private static @Nullable LocalDate past(String field, @Nullable LocalDate date) {
		if (date != null && (date.isAfter(LocalDate.now()) || date.getYear() < 1800)) {
			throw new RuleViolation(field, "date.implausible");
		}
		return date;
	}

	private static void limit(String field, List<?> items) {
		if (items.size() > MAX_ITEMS) {
			throw new RuleViolation(field, "list.too-many", MAX_ITEMS);
		}
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static List<String> nonBlank(String... parts) {
		List<String> kept = new ArrayList<>();
		for (String part : parts) {
			if (!isBlank(part)) {
				kept.add(part);
			}
		}
		return kept;
	}

}
