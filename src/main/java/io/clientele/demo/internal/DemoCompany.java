package io.clientele.demo.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientService;
import io.clientele.clients.CompanySize;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.ContactService;
import io.clientele.clients.Email;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.clientele.clients.Segments;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.Staffing;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --demo}: fills an empty Clientele with a believable Russian trading company, so
 * that a newcomer sees a living CRM at the first start: departments and their people,
 * segments, extra fields, and a few hundred clients with their contact persons. Does
 * nothing when clients exist already.
 */
@Component
@Order(100)
class DemoCompany implements ApplicationRunner {

	static final int ORGANISATIONS = 260;

	static final int PEOPLE = 60;

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	private final Staffing staffing;

	private final Segments segments;

	private final CustomFields customFields;

	private final ClientService clients;

	private final ContactService contacts;

	private final JdbcClient jdbc;

	DemoCompany(Staffing staffing, Segments segments, CustomFields customFields, ClientService clients,
			ContactService contacts, JdbcClient jdbc) {
		this.staffing = staffing;
		this.segments = segments;
		this.customFields = customFields;
		this.clients = clients;
		this.contacts = contacts;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("demo")) {
			return;
		}
		if (jdbc.sql("select exists (select 1 from clients)").query(Boolean.class).single()) {
			log.info("--demo: there are clients already; nothing added");
			return;
		}
		long started = System.nanoTime();
		String password = password();
		Random random = new Random(20261123);
		Company company = staff(password);
		Catalog catalog = catalog();
		int contactsMade = 0;
		var requisites = new RussianRequisites(random);
		for (int i = 0; i < ORGANISATIONS; i++) {
			CurrentUser manager = company.managers().get(random.nextInt(company.managers().size()));
			long client = clients.create(organisation(random, requisites, manager, catalog), company.administrator());
			for (int c = 0; c < 1 + random.nextInt(3); c++) {
				contacts.create(contact(random, requisites, client, c == 0), company.administrator());
				contactsMade++;
			}
		}
		for (int i = 0; i < PEOPLE; i++) {
			CurrentUser manager = company.managers().get(random.nextInt(company.managers().size()));
			clients.create(person(random, requisites, manager, catalog), company.administrator());
		}
		log.warn("""

				=====================================================================
				  --demo: a trading company with {} clients and {} contact persons.
				  Its people (head: petrova, managers: ivanov, smirnova, kuznetsov,
				  popova, sokolov, lebedeva; marketing: morozova; support: volkov)
				  all sign in with the password: {}
				=====================================================================""", ORGANISATIONS + PEOPLE,
				contactsMade, password);
		log.info("--demo filled in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	record Company(CurrentUser administrator, List<CurrentUser> managers) {
	}

	record Catalog(List<Long> regions, List<Long> industries, List<Long> kinds, long channelField, long turnoverField,
			long contractField, List<String> channelCodes) {
	}

	private Company staff(String password) {
		long root = staffing.company();
		long sales = staffing.department("Отдел продаж", root);
		long moscow = staffing.department("Продажи — Москва", sales);
		long petersburg = staffing.department("Продажи — Санкт-Петербург", sales);
		long marketing = staffing.department("Маркетинг", root);
		long support = staffing.department("Служба поддержки", root);
		List<CurrentUser> managers = new ArrayList<>();
		managers.add(staffing.person("petrova", "Петрова Елена Сергеевна", Role.HEAD_OF_DEPARTMENT, sales, password));
		managers.add(staffing.person("ivanov", "Иванов Алексей Петрович", Role.SALES_MANAGER, moscow, password));
		managers.add(staffing.person("smirnova", "Смирнова Ольга Викторовна", Role.SALES_MANAGER, moscow, password));
		managers.add(staffing.person("kuznetsov", "Кузнецов Дмитрий Андреевич", Role.SALES_MANAGER, moscow, password));
		managers.add(staffing.person("popova", "Попова Наталья Игоревна", Role.SALES_MANAGER, petersburg, password));
		managers.add(staffing.person("sokolov", "Соколов Артём Николаевич", Role.SALES_MANAGER, petersburg, password));
		managers.add(staffing.person("lebedeva", "Лебедева Мария Олеговна", Role.SALES_MANAGER, petersburg, password));
		staffing.person("morozova", "Морозова Анна Дмитриевна", Role.MARKETER, marketing, password);
		staffing.person("volkov", "Волков Игорь Васильевич", Role.SUPPORT, support, password);
		return new Company(staffing.administrator(), managers);
	}

	private Catalog catalog() {
		long region = segments.createType("Регион");
		List<Long> regions = new ArrayList<>();
		for (String name : List.of("Москва и область", "Санкт-Петербург", "Урал", "Сибирь", "Юг", "Поволжье")) {
			regions.add(segments.create(region, name));
		}
		long industry = segments.createType("Отрасль");
		List<Long> industries = new ArrayList<>();
		for (String name : List.of("Розничная торговля", "Производство", "Строительство", "IT", "Логистика",
				"Общепит")) {
			industries.add(segments.create(industry, name));
		}
		long kind = segments.createType("Вид деятельности");
		List<Long> kinds = new ArrayList<>();
		for (String name : List.of("Дистрибьютор", "Конечный потребитель", "Партнёр")) {
			kinds.add(segments.create(kind, name));
		}
		long channel = customFields.define("CLIENT", new CustomFields.Definition("Канал привлечения",
				CustomFieldType.CHOICE, false, List.of("Выставка", "Сайт", "Рекомендация", "Холодный звонок"), true));
		long turnover = customFields.define("CLIENT",
				new CustomFields.Definition("Годовой оборот, млн ₽", CustomFieldType.NUMBER, false, List.of(), false));
		long contract = customFields.define("CLIENT",
				new CustomFields.Definition("Договор подписан", CustomFieldType.BOOLEAN, false, List.of(), false));
		return new Catalog(regions, industries, kinds, channel, turnover, contract,
				customFields.get(channel).options().stream().map(option -> option.code()).toList());
	}

	private ClientDraft organisation(Random random, RussianRequisites requisites, CurrentUser manager,
			Catalog catalog) {
		String name = DemoNames.companyName(random);
		String inn = requisites.legalInn();
		DemoNames.City city = DemoNames.city(random);
		String domain = DemoNames.domain(random);
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, inn, requisites.kpp(inn),
				requisites.ogrn(), DemoNames.industry(random), CompanySize.values()[random.nextInt(4)], domain,
				DemoNames.source(random), null,
				LocalDate.of(1995 + random.nextInt(28), 1 + random.nextInt(12), 1 + random.nextInt(28)),
				random.nextInt(4) == 0 ? "Предпочитают связь по e-mail до 12:00." : null,
				List.of(new Phone(requisites.landline(city.code()), "приёмная")),
				List.of(new Email("info@" + domain, null)),
				random.nextBoolean() ? List.of(new Messenger("Telegram", "@" + domain.replace(".ru", ""))) : List.of(),
				List.of(new Address(Address.Kind.LEGAL, DemoNames.street(random), city.name(), city.postcode()),
						new Address(Address.Kind.ACTUAL, DemoNames.street(random), city.name(), city.postcode())),
				List.of(new BankAccount("044525225", "40702810200000012345", "30101810400000000225", "ПАО Сбербанк")),
				List.of(),
				List.of(catalog.regions().get(city.region()),
						catalog.industries().get(random.nextInt(catalog.industries().size())),
						catalog.kinds().get(random.nextInt(catalog.kinds().size()))),
				manager.id(),
				Map.of(String.valueOf(catalog.channelField()),
						catalog.channelCodes().get(random.nextInt(catalog.channelCodes().size())),
						String.valueOf(catalog.turnoverField()), 5 + random.nextInt(2000),
						String.valueOf(catalog.contractField()), random.nextBoolean()));
	}

	private ClientDraft person(Random random, RussianRequisites requisites, CurrentUser manager, Catalog catalog) {
		DemoNames.Person person = DemoNames.person(random);
		DemoNames.City city = DemoNames.city(random);
		return new ClientDraft(ClientKind.INDIVIDUAL, null, null, person.last(), person.first(), person.middle(),
				random.nextInt(3) == 0 ? requisites.personInn() : null, null, null, null, null, null,
				DemoNames.source(random),
				LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)), null, null,
				List.of(new Phone(requisites.mobile(), "мобильный")),
				List.of(new Email(person.login() + random.nextInt(100) + "@mail.ru", null)), List.of(),
				List.of(new Address(Address.Kind.HOME, DemoNames.street(random), city.name(), city.postcode())),
				List.of(), List.of(), List.of(catalog.regions().get(city.region())), manager.id(), Map.of());
	}

	private ContactDraft contact(Random random, RussianRequisites requisites, long client, boolean key) {
		DemoNames.Person person = DemoNames.person(random);
		return new ContactDraft(person.last(), person.first(), person.middle(), null,
				List.of(new Phone(requisites.mobile(), null)), List.of(new Email(person.login() + "@example.ru", null)),
				List.of(), null,
				List.of(new ContactDraft.Work(client, DemoNames.position(random, key), null, key, false, null)),
				Map.of());
	}

	private static String password() {
		String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("demo-");
		for (int i = 0; i < 10; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
