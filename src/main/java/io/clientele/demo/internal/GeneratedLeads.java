package io.clientele.demo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import io.clientele.clients.BulkLoad;
import io.clientele.clients.ClientKind;
import io.clientele.clients.LeadSource;
import io.clientele.clients.LeadStatus;
import io.clientele.identity.Staffing;
import org.jspecify.annotations.Nullable;

/**
 * The leads of a generated data set: a quarter new (most of those still waiting in their
 * department's queue), the rest in work, qualified, rejected with a reason, or converted
 * into one of the data set's clients, whose name, contact person and phone they carry.
 * Like the clients, every lead comes from a generator seeded by its position.
 */
final class GeneratedLeads {

	private static final List<String> MESSAGES = List.of("Прошу перезвонить, интересует оптовая поставка",
			"Нужен счёт на оплату", "Хотим обсудить условия сотрудничества", "Пришлите, пожалуйста, прайс-лист",
			"Какие сроки доставки в наш регион?", "Нужна консультация по подключению",
			"Запрос коммерческого предложения на 2027 год", "Оставили заявку на выставке, ждём звонка",
			"Интересует демонстрация для нашей команды", "Можно ли получить образцы продукции?");

	private static final Map<LeadSource, List<String>> CHANNELS = Map.of(LeadSource.WEB_FORM,
			List.of("Сайт", "Лендинг акции", "Яндекс Директ"), LeadSource.CALL,
			List.of("Входящий звонок", "Реклама на радио"), LeadSource.EMAIL, List.of("Почта info@", "Рассылка"),
			LeadSource.CHAT, List.of("Чат на сайте", "Telegram", "WhatsApp"), LeadSource.MANUAL,
			List.of("Выставка", "Рекомендация", "Личная встреча"), LeadSource.IMPORT,
			List.of("Выставка «Продэкспо»", "База партнёра"));

	private static final List<String> MAIL_DOMAINS = List.of("mail.ru", "yandex.ru", "gmail.com", "bk.ru");

	private final long seed;

	private final Instant now;

	private final List<Long> departments;

	private final Map<Long, List<Long>> managersByDepartment = new HashMap<>();

	private final Map<Long, Long> departmentOf = new HashMap<>();

	private final List<Long> reasons;

	private final long[] clientIds;

	private final long[] contactIds;

	private final IntFunction<BulkLoad.ClientRow> client;

	private final IntFunction<BulkLoad.ContactRow> contact;

	/**
	 * @param clientIds the data set's clients, by position
	 * @param client the client generated at a position, made again
	 * @param contact the contact person generated at a position, made again
	 */
	GeneratedLeads(long seed, Instant now, List<Staffing.Member> managers, List<Long> reasons, long[] clientIds,
			long[] contactIds, IntFunction<BulkLoad.ClientRow> client, IntFunction<BulkLoad.ContactRow> contact) {
		this.seed = seed;
		this.now = now;
		for (Staffing.Member manager : managers) {
			managersByDepartment.computeIfAbsent(manager.departmentId(), department -> new ArrayList<>())
				.add(manager.id());
			departmentOf.put(manager.id(), manager.departmentId());
		}
		this.departments = List.copyOf(managersByDepartment.keySet().stream().sorted().toList());
		this.reasons = List.copyOf(reasons);
		this.clientIds = clientIds;
		this.contactIds = contactIds;
		this.client = client;
		this.contact = contact;
	}

	BulkLoad.LeadRow lead(int index) {
		SplittableRandom random = new SplittableRandom(seed * 5_000_011 + index);
		LeadStatus status = status(random.nextInt(100));
		LeadSource source = source(random.nextInt(100));
		String channel = GeneratedNames.pick(random, CHANNELS.get(source));
		String message = random.nextInt(10) < 7 ? GeneratedNames.pick(random, MESSAGES) : null;
		long ageSeconds = status == LeadStatus.NEW ? random.nextLong(14 * 86_400L)
				: 3_600 + random.nextLong(730 * 86_400L);
		Instant created = now.minusSeconds(ageSeconds);
		Instant updated = created.plusSeconds(random.nextLong(ageSeconds));
		if (status == LeadStatus.CONVERTED) {
			return converted(random, source, channel, message, created, updated);
		}
		long department = departments.get(random.nextInt(departments.size()));
		Long responsible = status == LeadStatus.NEW && random.nextInt(10) < 6 ? null
				: GeneratedNames.pick(random, managersByDepartment.get(department));
		Long reason = status == LeadStatus.REJECTED ? GeneratedNames.pick(random, reasons) : null;
		var person = GeneratedNames.person(random);
		String company = random.nextInt(100) < 65 ? GeneratedNames.company(random) : null;
		String phone = random.nextInt(100) < 85 ? new RussianRequisites(random).mobile() : null;
		String email = null;
		if (phone == null || random.nextInt(100) < 70) {
			email = company != null ? person.login() + "@" + GeneratedNames.domain(random, company)
					: person.login() + random.nextInt(1000) + "@" + GeneratedNames.pick(random, MAIL_DOMAINS);
		}
		return new BulkLoad.LeadRow(fullName(person.last(), person.first(), person.middle()), company, phone, email,
				message, source, channel, status, reason, responsible, department, null, null, created, updated, null);
	}

	/**
	 * A lead that became one of the data set's clients: an organisation's first contact
	 * person writing for it, or the individual themself; the client's manager took it.
	 */
	private BulkLoad.LeadRow converted(SplittableRandom random, LeadSource source, String channel,
			@Nullable String message, Instant created, Instant updated) {
		int position = random.nextInt(clientIds.length);
		BulkLoad.ClientRow made = client.apply(position);
		long responsible = made.responsibleId();
		long department = departmentOf.get(responsible);
		Instant converted = updated;
		if (made.kind() == ClientKind.ORGANISATION) {
			int person = DataSetGenerator.Plan.firstContact(position);
			BulkLoad.ContactRow who = contact.apply(person);
			return new BulkLoad.LeadRow(fullName(who.lastName(), who.firstName(), who.middleName()), made.name(),
					who.phones().get(0).number(), who.emails().get(0).address(), message, source, channel,
					LeadStatus.CONVERTED, null, responsible, department, clientIds[position], contactIds[person],
					created, updated, converted);
		}
		return new BulkLoad.LeadRow(made.name(), null, made.phones().get(0).number(), made.emails().get(0).address(),
				message, source, channel, LeadStatus.CONVERTED, null, responsible, department, clientIds[position],
				null, created, updated, converted);
	}

	private static LeadStatus status(int percentile) {
		if (percentile < 25) {
			return LeadStatus.NEW;
		}
		if (percentile < 45) {
			return LeadStatus.IN_WORK;
		}
		if (percentile < 55) {
			return LeadStatus.QUALIFIED;
		}
		return percentile < 75 ? LeadStatus.CONVERTED : LeadStatus.REJECTED;
	}

	private static LeadSource source(int percentile) {
		if (percentile < 35) {
			return LeadSource.WEB_FORM;
		}
		if (percentile < 60) {
			return LeadSource.CALL;
		}
		if (percentile < 75) {
			return LeadSource.EMAIL;
		}
		if (percentile < 85) {
			return LeadSource.CHAT;
		}
		return percentile < 95 ? LeadSource.MANUAL : LeadSource.IMPORT;
	}

	private static String fullName(String last, String first, @Nullable String middle) {
		return middle == null ? last + " " + first : last + " " + first + " " + middle;
	}

}
