package io.clientele.demo.internal;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.BulkLoad;
import io.clientele.clients.ClientKind;
import io.clientele.clients.CompanySize;
import io.clientele.clients.Email;
import io.clientele.clients.Leads;
import io.clientele.clients.Phone;
import io.clientele.clients.Segment;
import io.clientele.clients.Segments;
import io.clientele.activities.ActivityBulkLoad;
import io.clientele.deals.DealBulkLoad;
import io.clientele.deals.LossReason;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.demo.DataSetSize;
import io.clientele.identity.Role;
import io.clientele.identity.Staffing;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills an empty Clientele with a named data set: the company (20 sales departments with
 * a head and 10 managers each), segments and extra fields, then the clients (four in five
 * organisations), their contact persons, the leads and the deals, written with
 * {@code COPY}. Every row comes from a generator seeded by its position, so a data set is
 * the same on every machine, and rows can be made again (for the links, and for the leads
 * converted into clients) without being kept in memory.
 *
 * <p>
 * Later data (interactions, tasks) is added by further stages on the same clients, as the
 * leads and the deals can be to a data set generated before there were any
 * ({@link #addLeads}, {@link #addDeals}).
 */
@Component
public class DataSetGenerator {

	static final int DEPARTMENTS = 20;

	static final int MANAGERS_PER_DEPARTMENT = 10;

	private static final Logger log = LoggerFactory.getLogger(DataSetGenerator.class);

	private static final List<City> CITIES = List.of(new City("Москва", "495", "101000", 0),
			new City("Москва", "499", "125009", 0), new City("Санкт-Петербург", "812", "190000", 1),
			new City("Екатеринбург", "343", "620014", 2), new City("Новосибирск", "383", "630099", 3),
			new City("Краснодар", "861", "350000", 4), new City("Казань", "843", "420111", 5),
			new City("Самара", "846", "443099", 5), new City("Нижний Новгород", "831", "603000", 5),
			new City("Ростов-на-Дону", "863", "344000", 4), new City("Челябинск", "351", "454000", 2),
			new City("Красноярск", "391", "660000", 3));

	private static final List<String> REGIONS = List.of("Москва и область", "Северо-Запад", "Урал", "Сибирь", "Юг",
			"Поволжье");

	private static final List<String> INDUSTRIES = List.of("Розничная торговля", "Оптовая торговля", "Производство",
			"Строительство", "Информационные технологии", "Логистика", "Общественное питание", "Медицина",
			"Образование", "Сельское хозяйство", "Финансы", "Туризм");

	private static final List<String> ACTIVITIES = List.of("Дистрибьютор", "Конечный потребитель", "Партнёр",
			"Поставщик");

	private static final List<String> POSITIONS = List.of("Генеральный директор", "Менеджер по закупкам",
			"Главный бухгалтер", "Коммерческий директор", "Руководитель отдела снабжения", "Юрист", "Офис-менеджер",
			"Финансовый директор");

	private static final String REGION = "Регион";

	private static final String INDUSTRY = "Отрасль";

	private static final String ACTIVITY = "Вид деятельности";

	private static final String CHANNEL = "Канал привлечения";

	private static final String TURNOVER = "Годовой оборот, млн ₽";

	private final Staffing staffing;

	private final Segments segments;

	private final CustomFields customFields;

	private final Leads leads;

	private final BulkLoad bulk;

	private final SalesScenarios scenarios;

	private final DealBulkLoad dealLoad;

	private final ActivityBulkLoad activityLoad;

	DataSetGenerator(Staffing staffing, Segments segments, CustomFields customFields, Leads leads, BulkLoad bulk,
			SalesScenarios scenarios, DealBulkLoad dealLoad, ActivityBulkLoad activityLoad) {
		this.staffing = staffing;
		this.segments = segments;
		this.customFields = customFields;
		this.leads = leads;
		this.bulk = bulk;
		this.scenarios = scenarios;
		this.dealLoad = dealLoad;
		this.activityLoad = activityLoad;
	}

	record City(String name, String code, String postcode, int region) {
	}

	/** What a generation made, for the one who ran it. */
	public record Report(int clients, long contacts, long links, long leads, long deals, long interactions, long tasks,
			@Nullable String password, long millis) {
	}

	/**
	 * @param password the password of every generated person; null makes one
	 */
	public Report generate(DataSetSize size, long seed, String password) throws SQLException {
		long started = System.nanoTime();
		bulk.requireEmpty();
		String secret = password == null || password.isBlank() ? password() : password;
		List<Staffing.Member> managers = staff(secret);
		List<Long> managerIds = managers.stream().map(Staffing.Member::id).toList();
		Catalog catalog = catalog();
		log.info("Generating data set {}: {} clients", size, size.clients());
		Plan plan = new Plan(size.clients(), seed);
		long[] contactCount = new long[1];
		long[] linkCount = new long[1];
		long[] leadCount = new long[1];
		bulk.into(load -> {
			long[] clientIds = load.clients(
					progress("clients", size.clients(), index -> client(index, seed, managerIds, catalog)),
					size.clients());
			int contacts = plan.contacts();
			long[] contactIds = load.contacts(progress("contacts", contacts, index -> contact(index, seed)), contacts);
			contactCount[0] = contacts;
			linkCount[0] = load.links(plan.links(), clientIds, contactIds);
			GeneratedLeads generated = leads(seed, managers, catalog, new BulkLoad.Loaded(clientIds, contactIds));
			leadCount[0] = load.leads(progress("leads", size.leads(), generated::lead));
			log.info("Building the indexes");
		});
		BulkLoad.Loaded loaded = bulk.loaded(size.clients(), plan.contacts());
		long deals = deals(size, seed, managers, loaded);
		activities(size, seed, managers, loaded);
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("Data set {} generated in {} s", size, millis / 1000);
		return new Report(size.clients(), contactCount[0], linkCount[0], leadCount[0], deals, size.interactions(),
				size.tasks(), secret, millis);
	}

	/**
	 * Adds the leads to a data set generated with this size and seed before there were
	 * leads (refused when there are leads already). Converted leads point at the data
	 * set's clients, made again from their positions.
	 */
	public Report addLeads(DataSetSize size, long seed) throws SQLException {
		long started = System.nanoTime();
		List<Staffing.Member> managers = generatedManagers();
		Plan plan = new Plan(size.clients(), seed);
		BulkLoad.Loaded loaded = bulk.loaded(size.clients(), plan.contacts());
		GeneratedLeads generated = leads(seed, managers, existingCatalog(), loaded);
		log.info("Adding {} leads to data set {}", size.leads(), size);
		long[] count = new long[1];
		bulk.leadsInto(load -> count[0] = load.leads(progress("leads", size.leads(), generated::lead)));
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("{} leads added in {} s", count[0], millis / 1000);
		return new Report(0, 0, 0, count[0], 0, 0, 0, null, millis);
	}

	/**
	 * Adds the deals to a data set generated with this size and seed before there were
	 * deals (refused when there are deals already): the same ones a new generation makes,
	 * on the data set's clients.
	 */
	public Report addDeals(DataSetSize size, long seed) throws SQLException {
		long started = System.nanoTime();
		List<Staffing.Member> managers = generatedManagers();
		long count = deals(size, seed, managers,
				bulk.loaded(size.clients(), new Plan(size.clients(), seed).contacts()));
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("{} deals added in {} s", count, millis / 1000);
		return new Report(0, 0, 0, 0, count, 0, 0, null, millis);
	}

	/**
	 * Adds the interactions and tasks to a data set generated with this size and seed
	 * before there were any (refused when there are some already), on the data set's
	 * clients and deals.
	 */
	public Report addActivities(DataSetSize size, long seed) throws SQLException {
		long started = System.nanoTime();
		activities(size, seed, generatedManagers(),
				bulk.loaded(size.clients(), new Plan(size.clients(), seed).contacts()));
		long millis = (System.nanoTime() - started) / 1_000_000;
		log.info("{} interactions and {} tasks added in {} s", size.interactions(), size.tasks(), millis / 1000);
		return new Report(0, 0, 0, 0, 0, size.interactions(), size.tasks(), null, millis);
	}

	private void activities(DataSetSize size, long seed, List<Staffing.Member> managers, BulkLoad.Loaded loaded)
			throws SQLException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		GeneratedActivities generated = new GeneratedActivities(seed, now, ZoneId.systemDefault(), loaded.clientIds(),
				loaded.contactIds(), managers, staffing.members(Role.HEAD_OF_DEPARTMENT), dealLoad.byClient());
		log.info("Generating {} interactions and {} tasks for data set {}", size.interactions(), size.tasks(), size);
		activityLoad.load(size.interactions(), generated::interaction, size.tasks(), generated::task, now);
	}

	private long deals(DataSetSize size, long seed, List<Staffing.Member> managers, BulkLoad.Loaded loaded)
			throws SQLException {
		List<SalesScenario> active = scenarios.active();
		List<Long> reasons = scenarios.lossReasons().stream().filter(LossReason::active).map(LossReason::id).toList();
		GeneratedDeals generated = new GeneratedDeals(seed, Instant.now().truncatedTo(ChronoUnit.MINUTES), active,
				reasons, loaded.clientIds(), loaded.contactIds(), managers);
		log.info("Generating {} deals for data set {}", size.deals(), size);
		dealLoad.load(size.deals(), generated::deal);
		return size.deals();
	}

	private List<Staffing.Member> generatedManagers() {
		List<Staffing.Member> managers = staffing.members(Role.SALES_MANAGER);
		if (managers.size() != DEPARTMENTS * MANAGERS_PER_DEPARTMENT) {
			throw new IllegalStateException("This is not a generated data set: " + managers.size() + " managers");
		}
		return managers;
	}

	/**
	 * The responsible manager of the client at a position: the managers in turn, so that
	 * each has every two-hundredth client.
	 */
	static long responsibleOf(int position, List<Long> managers) {
		return managers.get(position % managers.size());
	}

	private GeneratedLeads leads(long seed, List<Staffing.Member> managers, Catalog catalog, BulkLoad.Loaded loaded) {
		List<Long> managerIds = managers.stream().map(Staffing.Member::id).toList();
		List<Long> reasons = leads.reasons().stream().map(Leads.Reason::id).toList();
		return new GeneratedLeads(seed, Instant.now().truncatedTo(ChronoUnit.MINUTES), managers, reasons,
				loaded.clientIds(), loaded.contactIds(), index -> client(index, seed, managerIds, catalog),
				index -> contact(index, seed));
	}

	private List<Staffing.Member> staff(String password) {
		long company = staffing.company();
		long sales = staffing.department("Продажи", company);
		List<Staffing.Person> people = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(7);
		for (int d = 1; d <= DEPARTMENTS; d++) {
			long department = staffing.department("Отдел продаж " + d, sales);
			people
				.add(new Staffing.Person("h%02d".formatted(d), fullName(random), Role.HEAD_OF_DEPARTMENT, department));
			for (int m = 1; m <= MANAGERS_PER_DEPARTMENT; m++) {
				int number = (d - 1) * MANAGERS_PER_DEPARTMENT + m;
				people.add(new Staffing.Person("m%03d".formatted(number), fullName(random), Role.SALES_MANAGER,
						department));
			}
		}
		staffing.people(people, password);
		return staffing.members(Role.SALES_MANAGER);
	}

	private static String fullName(SplittableRandom random) {
		var person = GeneratedNames.person(random);
		return person.middle() == null ? person.first() + " " + person.last()
				: person.last() + " " + person.first() + " " + person.middle();
	}

	record Catalog(List<Long> regions, List<Long> industries, List<Long> activities, long channel,
			List<String> channelCodes, long turnover) {
	}

	private Catalog catalog() {
		long region = segments.createType(REGION);
		List<Long> regions = REGIONS.stream().map(name -> segments.create(region, name)).toList();
		long industry = segments.createType(INDUSTRY);
		List<Long> industries = INDUSTRIES.stream().map(name -> segments.create(industry, name)).toList();
		long activity = segments.createType(ACTIVITY);
		List<Long> activities = ACTIVITIES.stream().map(name -> segments.create(activity, name)).toList();
		long channel = customFields.define("CLIENT", new CustomFields.Definition(CHANNEL, CustomFieldType.CHOICE, false,
				List.of("Выставка", "Сайт", "Рекомендация", "Холодный звонок"), true));
		long turnover = customFields.define("CLIENT",
				new CustomFields.Definition(TURNOVER, CustomFieldType.NUMBER, false, List.of(), false));
		return new Catalog(regions, industries, activities, channel,
				customFields.get(channel).options().stream().map(option -> option.code()).toList(), turnover);
	}

	/** The catalogue {@link #catalog()} made for a data set generated earlier. */
	private Catalog existingCatalog() {
		List<Segment> all = segments.all();
		CustomField channel = field(CHANNEL);
		return new Catalog(segmentIds(all, REGION, REGIONS), segmentIds(all, INDUSTRY, INDUSTRIES),
				segmentIds(all, ACTIVITY, ACTIVITIES), channel.id(),
				channel.options().stream().map(option -> option.code()).toList(), field(TURNOVER).id());
	}

	private static List<Long> segmentIds(List<Segment> all, String type, List<String> names) {
		return names.stream()
			.map(name -> all.stream()
				.filter(segment -> segment.typeName().equals(type) && segment.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("This is not a generated data set: no segment " + name))
				.id())
			.toList();
	}

	private CustomField field(String label) {
		return customFields.of("CLIENT")
			.stream()
			.filter(field -> field.label().equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("This is not a generated data set: no field " + label));
	}

	BulkLoad.ClientRow client(int index, long seed, List<Long> managers, Catalog catalog) {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003 + index);
		RussianRequisites requisites = new RussianRequisites(random);
		City city = CITIES.get(random.nextInt(CITIES.size()));
		long responsible = responsibleOf(index, managers);
		List<Long> held = new ArrayList<>(List.of(catalog.regions().get(city.region()),
				catalog.industries().get(random.nextInt(catalog.industries().size()))));
		if (random.nextInt(3) == 0) {
			held.add(catalog.activities().get(random.nextInt(catalog.activities().size())));
		}
		Map<String, Object> custom = new LinkedHashMap<>();
		if (random.nextInt(10) < 7) {
			custom.put(String.valueOf(catalog.channel()),
					catalog.channelCodes().get(random.nextInt(catalog.channelCodes().size())));
		}
		if (random.nextBoolean()) {
			custom.put(String.valueOf(catalog.turnover()), 1 + random.nextInt(50_000) / 10.0);
		}
		String street = GeneratedNames.pick(random, List.of("ул. Ленина", "пр. Мира", "ул. Гагарина", "ул. Советская",
				"ул. Садовая", "ул. Профсоюзная", "ул. Тверская", "ул. Победы")) + ", д. " + (1 + random.nextInt(150));
		if (Plan.organisation(index)) {
			String name = GeneratedNames.company(random);
			String inn = requisites.legalInn();
			String domain = GeneratedNames.domain(random, name);
			return new BulkLoad.ClientRow(ClientKind.ORGANISATION, name, null, null, null, null, inn,
					requisites.kpp(inn), requisites.ogrn(), GeneratedNames.pick(random, INDUSTRIES),
					CompanySize.values()[random.nextInt(4)], domain, null, null,
					LocalDate.of(1992 + random.nextInt(32), 1 + random.nextInt(12), 1 + random.nextInt(28)),
					city.name(), List.of(new Phone(requisites.landline(city.code()), null)),
					List.of(new Email("info@" + domain, null)),
					List.of(new Address(Address.Kind.LEGAL, street, city.name(), city.postcode())),
					List.of(new BankAccount("044525225", "40702810200000012345", "30101810400000000225",
							"ПАО Сбербанк")),
					held, custom, responsible);
		}
		var person = GeneratedNames.person(random);
		String name = person.middle() == null ? person.last() + " " + person.first()
				: person.last() + " " + person.first() + " " + person.middle();
		return new BulkLoad.ClientRow(ClientKind.INDIVIDUAL, name, null, person.last(), person.first(), person.middle(),
				random.nextInt(4) == 0 ? requisites.personInn() : null, null, null, null, null, null, null,
				LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)), null,
				city.name(), List.of(new Phone(requisites.mobile(), null)),
				List.of(new Email(person.login() + random.nextInt(1000) + "@mail.ru", null)),
				List.of(new Address(Address.Kind.HOME, street, city.name(), city.postcode())), List.of(), held, custom,
				responsible);
	}

	BulkLoad.ContactRow contact(int index, long seed) {
		SplittableRandom random = new SplittableRandom(seed * 7_000_003 + index);
		var person = GeneratedNames.person(random);
		return new BulkLoad.ContactRow(person.last(), person.first(), person.middle(),
				List.of(new Phone(new RussianRequisites(random).mobile(), null)),
				List.of(new Email(person.login() + random.nextInt(10_000) + "@example.ru", null)));
	}

	private static <T> Iterator<T> progress(String what, int count, IntFunction<T> row) {
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return next < count;
			}

			@Override
			public T next() {
				if (next >= count) {
					throw new NoSuchElementException();
				}
				if (next > 0 && next % 100_000 == 0) {
					log.info("{}: {} of {}", what, next, count);
				}
				return row.apply(next++);
			}

		};
	}

	/**
	 * Which organisation gets which contact persons: two or three each (two and a half on
	 * average, so M has exactly 2,000,000), and one in fifty of them also works for
	 * another organisation (a consultant).
	 */
	static final class Plan {

		private final int clients;

		private final long seed;

		Plan(int clients, long seed) {
			this.clients = clients;
			this.seed = seed;
		}

		static boolean organisation(int index) {
			return index % 5 != 4;
		}

		static int contactsOf(int client) {
			return organisation(client) ? 2 + client % 2 : 0;
		}

		/**
		 * The position of an organisation's first contact person: every ten clients have
		 * twenty (eight organisations with two or three each).
		 */
		static int firstContact(int client) {
			int first = client / 10 * 20;
			for (int before = client - client % 10; before < client; before++) {
				first += contactsOf(before);
			}
			return first;
		}

		int contacts() {
			int total = 0;
			for (int client = 0; client < clients; client++) {
				total += contactsOf(client);
			}
			return total;
		}

		Iterator<BulkLoad.LinkRow> links() {
			return new Iterator<>() {

				private int client = -1;

				private int left;

				private int contact;

				private BulkLoad.LinkRow pending;

				@Override
				public boolean hasNext() {
					if (pending != null) {
						return true;
					}
					while (left == 0 && client + 1 < clients) {
						client++;
						left = contactsOf(client);
					}
					return left > 0;
				}

				@Override
				public BulkLoad.LinkRow next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					if (pending != null) {
						BulkLoad.LinkRow second = pending;
						pending = null;
						return second;
					}
					int first = contactsOf(client) - left;
					left--;
					int person = contact++;
					long mixed = mix(seed * 31 + person);
					if (Math.floorMod(mixed, 50) == 0) {
						int other = (int) Math.floorMod(mixed >>> 8, clients);
						if (organisation(other) && other != client) {
							pending = new BulkLoad.LinkRow(other, person, "Консультант", false);
						}
					}
					return new BulkLoad.LinkRow(client, person,
							POSITIONS.get((int) Math.floorMod(mixed >>> 16, POSITIONS.size())), first == 0);
				}

			};
		}

		private static long mix(long value) {
			long z = value + 0x9E3779B97F4A7C15L;
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			return z ^ (z >>> 31);
		}

	}

	private static String password() {
		String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("bench-");
		for (int i = 0; i < 12; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
