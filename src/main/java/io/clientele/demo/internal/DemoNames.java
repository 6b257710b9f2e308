package io.clientele.demo.internal;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Names of Russian companies, people, streets and cities for generated clients.
 */
public final class DemoNames {

	private static final List<String> FORMS = List.of("ООО", "ООО", "ООО", "АО", "ПАО");

	private static final List<String> FIRST_WORDS = List.of("Северная", "Южная", "Первая", "Новая", "Балтийская",
			"Уральская", "Сибирская", "Волжская", "Столичная", "Невская", "Торговая", "Промышленная", "Городская");

	private static final List<String> SECOND_WORDS = List.of("Звезда", "Линия", "Компания", "Гавань", "Мануфактура",
			"Логистика", "Слобода", "Мастерская", "Торговля", "Кухня", "Верфь", "Строительная группа", "Пекарня");

	private static final List<String> LATIN = List.of("romashka", "vector", "sever", "alfa", "zvezda", "ural", "volga",
			"neva", "stroy", "tech", "trade", "baltika", "sibir", "terra", "kvant");

	private static final List<String> MALE_LAST = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
			"Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
			"Семёнов");

	private static final List<String> MALE_FIRST = List.of("Александр", "Дмитрий", "Максим", "Сергей", "Андрей",
			"Алексей", "Артём", "Илья", "Кирилл", "Михаил", "Никита", "Роман");

	private static final List<String> FEMALE_FIRST = List.of("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна",
			"Ирина", "Екатерина", "Светлана", "Юлия", "Дарья", "Ксения");

	private static final List<String> PATRONYMIC_ROOTS = List.of("Александров", "Дмитриев", "Сергеев", "Андреев",
			"Алексеев", "Николаев", "Викторов", "Игорев", "Петров", "Владимиров");

	private static final List<String> TRANSLIT = List.of("ivanov", "smirnov", "kuznetsov", "popov", "vasiliev",
			"petrov", "sokolov", "mikhailov", "novikov", "fedorov", "morozov", "volkov", "alekseev", "lebedev",
			"semenov");

	private static final List<String> STREETS = List.of("ул. Ленина", "пр. Мира", "ул. Гагарина", "Невский пр.",
			"ул. Советская", "ул. Садовая", "Ленинградское ш.", "ул. Профсоюзная", "ул. Тверская",
			"наб. Обводного канала");

	private static final List<String> INDUSTRIES = List.of("Розничная торговля", "Оптовая торговля", "Производство",
			"Строительство", "Информационные технологии", "Логистика", "Общественное питание");

	private static final List<String> SOURCES = List.of("Выставка «Продэкспо»", "Сайт", "Рекомендация клиента",
			"Холодный звонок", "Тендер");

	private static final List<String> POSITIONS = List.of("Менеджер по закупкам", "Главный бухгалтер",
			"Коммерческий директор", "Руководитель отдела снабжения", "Юрист", "Офис-менеджер");

	/**
	 * @param region index of the region segment the city lies in
	 */
	public record City(String name, String code, String postcode, int region) {
	}

	private static final List<City> CITIES = List.of(new City("Москва", "495", "101000", 0),
			new City("Москва", "499", "125009", 0), new City("Санкт-Петербург", "812", "190000", 1),
			new City("Екатеринбург", "343", "620014", 2), new City("Новосибирск", "383", "630099", 3),
			new City("Краснодар", "861", "350000", 4), new City("Казань", "843", "420111", 5),
			new City("Самара", "846", "443099", 5));

	public record Person(String last, String first, String middle, String login) {
	}

	private DemoNames() {
	}

	public static String companyName(Random random) {
		return pick(random, FORMS) + " «" + pick(random, FIRST_WORDS) + " " + pick(random, SECOND_WORDS) + "»";
	}

	public static String domain(Random random) {
		return pick(random, LATIN) + "-" + pick(random, LATIN) + random.nextInt(1000) + ".ru";
	}

	public static Person person(Random random) {
		int surname = random.nextInt(MALE_LAST.size());
		boolean female = random.nextBoolean();
		String root = pick(random, PATRONYMIC_ROOTS);
		String last = MALE_LAST.get(surname) + (female ? "а" : "");
		String first = female ? pick(random, FEMALE_FIRST) : pick(random, MALE_FIRST);
		String middle = root + (female ? "на" : "ич");
		return new Person(last, first, middle, TRANSLIT.get(surname).toLowerCase(Locale.ROOT) + (female ? "a" : ""));
	}

	public static City city(Random random) {
		return pick(random, CITIES);
	}

	public static String street(Random random) {
		return pick(random, STREETS) + ", д. " + (1 + random.nextInt(150));
	}

	public static String industry(Random random) {
		return pick(random, INDUSTRIES);
	}

	public static String source(Random random) {
		return pick(random, SOURCES);
	}

	public static String position(Random random, boolean key) {
		return key ? "Генеральный директор" : pick(random, POSITIONS);
	}

	private static <T> T pick(Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

}
