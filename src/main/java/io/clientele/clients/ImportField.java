package io.clientele.clients;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.clientele.shared.Labelled;

/**
 * A field a file's column can be mapped to, for the kinds of record it exists on, with
 * the column titles (Russian and English, lower case) that suggest it. Phones and e-mails
 * may come from several columns, and a cell may hold several, separated by commas or
 * semicolons. Custom fields are mapped as {@code custom:<key>} besides these.
 */
public enum ImportField implements Labelled {

	COMPANY(kinds(ImportKind.CONTACT, ImportKind.LEAD), "компания", "организация", "клиент", "company", "organisation",
			"organization", "employer"),
	KIND(kinds(ImportKind.CLIENT), "тип", "тип клиента", "вид", "type", "kind", "client type"),
	NAME(kinds(ImportKind.CLIENT, ImportKind.LEAD), "название", "наименование", "компания", "организация", "клиент",
			"name", "company name", "client", "имя", "company", "organisation", "organization"),
	SHORT_NAME(kinds(ImportKind.CLIENT), "краткое название", "краткое наименование", "short name"),
	FULL_NAME(kinds(ImportKind.CLIENT, ImportKind.CONTACT), "фио", "ф.и.о.", "контактное лицо", "full name", "contact",
			"contact person", "person", "name"),
	LAST_NAME(kinds(ImportKind.CLIENT, ImportKind.CONTACT), "фамилия", "last name", "surname", "family name"),
	FIRST_NAME(kinds(ImportKind.CLIENT, ImportKind.CONTACT), "имя", "first name", "given name"),
	MIDDLE_NAME(kinds(ImportKind.CLIENT, ImportKind.CONTACT), "отчество", "middle name", "patronymic"),
	COMPANY_INN(kinds(ImportKind.CONTACT), "инн компании", "инн организации", "инн", "company inn", "inn"),
	POSITION(kinds(ImportKind.CONTACT), "должность", "position", "job title", "title", "role"),
	INN(kinds(ImportKind.CLIENT), "инн", "inn", "tax id", "taxpayer id"), KPP(kinds(ImportKind.CLIENT), "кпп", "kpp"),
	OGRN(kinds(ImportKind.CLIENT), "огрн", "огрнип", "ogrn"),
	INDUSTRY(kinds(ImportKind.CLIENT), "отрасль", "сфера деятельности", "вид деятельности", "industry"),
	WEBSITE(kinds(ImportKind.CLIENT), "сайт", "веб-сайт", "website", "web", "url", "site"),
	SOURCE(kinds(ImportKind.CLIENT), "источник", "source"),
	CHANNEL(kinds(ImportKind.LEAD), "канал", "кампания", "рекламная кампания", "channel", "campaign", "utm_campaign"),
	PHONE(kinds(ImportKind.CLIENT, ImportKind.CONTACT, ImportKind.LEAD), "телефон", "тел", "тел.", "мобильный",
			"рабочий телефон", "phone", "telephone", "tel", "mobile", "phone number"),
	EMAIL(kinds(ImportKind.CLIENT, ImportKind.CONTACT, ImportKind.LEAD), "e-mail", "email", "эл. почта",
			"электронная почта", "почта", "mail", "e-mail address", "email address"),
	ADDRESS(kinds(ImportKind.CLIENT), "адрес", "фактический адрес", "address"),
	CITY(kinds(ImportKind.CLIENT), "город", "city", "town"),
	BIRTHDAY(kinds(ImportKind.CLIENT, ImportKind.CONTACT), "дата рождения", "день рождения", "birthday",
			"date of birth"),
	MESSAGE(kinds(ImportKind.LEAD), "сообщение", "запрос", "текст заявки", "заявка", "message", "request"),
	NOTES(kinds(ImportKind.CLIENT, ImportKind.CONTACT), "примечание", "примечания", "комментарий", "заметки",
			"описание", "notes", "note", "comment", "comments", "description"),
	RESPONSIBLE(kinds(ImportKind.CLIENT, ImportKind.LEAD), "ответственный", "менеджер", "ответственный менеджер",
			"responsible", "manager", "owner", "account manager");

	/** The prefix of a mapping to a custom field: {@code custom:<field key>}. */
	public static final String CUSTOM_PREFIX = "custom:";

	private final Set<ImportKind> kinds;

	private final List<String> titles;

	ImportField(Set<ImportKind> kinds, String... titles) {
		this.kinds = kinds;
		this.titles = List.of(titles);
	}

	private static Set<ImportKind> kinds(ImportKind first, ImportKind... rest) {
		return EnumSet.of(first, rest);
	}

	/** How the field is named in a mapping: {@code lastName}. */
	public String key() {
		String[] words = name().toLowerCase(Locale.ROOT).split("_");
		StringBuilder key = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return key.toString();
	}

	public boolean appliesTo(ImportKind kind) {
		return kinds.contains(kind);
	}

	/** Whether several columns may feed it (and a cell may hold several values). */
	public boolean repeatable() {
		return this == PHONE || this == EMAIL;
	}

	/** Whether a column title, as written in a file, names this field. */
	public boolean titled(String title) {
		String normal = title.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
		return titles.contains(normal) || (repeatable() && titles.stream()
			.filter(known -> known.length() >= 4)
			.anyMatch(known -> normal.startsWith(known + " ") || normal.endsWith(" " + known)));
	}

	public static Optional<ImportField> byKey(String key) {
		for (ImportField field : values()) {
			if (field.key().equals(key)) {
				return Optional.of(field);
			}
		}
		return Optional.empty();
	}

	public static List<ImportField> of(ImportKind kind) {
		return java.util.Arrays.stream(values()).filter(field -> field.appliesTo(kind)).toList();
	}

	@Override
	public String messageKey() {
		return "import.field." + key();
	}

}
