package io.clientele.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names for generated data sets: Russian and Latin companies and people, in combinations
 * enough for a million clients to look like a real base (many alike, few the same), which
 * is what searches and duplicate detection must cope with.
 */
final class GeneratedNames {

	private static final List<String> RUSSIAN_FORMS = List.of("ООО", "ООО", "ООО", "ООО", "АО", "ПАО", "ЗАО");

	private static final List<String> ADJECTIVES = List.of("Северная", "Южная", "Первая", "Новая", "Балтийская",
			"Уральская", "Сибирская", "Волжская", "Столичная", "Невская", "Торговая", "Промышленная", "Городская",
			"Центральная", "Восточная", "Западная", "Русская", "Дальневосточная", "Приморская", "Речная", "Лесная",
			"Белая", "Красная", "Золотая", "Серебряная", "Звёздная", "Солнечная", "Морская", "Горная", "Степная");

	private static final List<String> NOUNS = List.of("Звезда", "Линия", "Компания", "Гавань", "Мануфактура",
			"Логистика", "Слобода", "Мастерская", "Торговля", "Кухня", "Верфь", "Строительная группа", "Пекарня",
			"Ярмарка", "Фабрика", "Мельница", "Пристань", "Артель", "Лавка", "Сеть", "Дистрибуция", "База", "Корона",
			"Гильдия", "Палитра", "Кузница", "Пасека", "Дорога", "Марка", "Галерея");

	private static final List<String> LATIN_FIRST = List.of("Northwind", "Baltic", "Nordic", "Silver", "Golden", "Blue",
			"Green", "Eastern", "Western", "Global", "United", "Prime", "Smart", "Star", "Alpha", "Vector", "Atlas",
			"Orion", "Delta", "Sigma");

	private static final List<String> LATIN_SECOND = List.of("Trading", "Logistics", "Systems", "Foods", "Motors",
			"Textiles", "Software", "Partners", "Supply", "Engineering", "Pharma", "Retail", "Holdings", "Labs",
			"Solutions");

	private static final List<String> LATIN_FORMS = List.of("LLC", "Ltd", "GmbH", "Inc.", "B.V.", "AG");

	private static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
			"Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
			"Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров",
			"Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин",
			"Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв");

	private static final List<String> SURNAMES_LATIN = List.of("ivanov", "smirnov", "kuznetsov", "popov", "vasiliev",
			"petrov", "sokolov", "mikhailov", "novikov", "fedorov", "morozov", "volkov", "alekseev", "lebedev",
			"semenov", "egorov", "pavlov", "kozlov", "stepanov", "nikolaev", "orlov", "andreev", "makarov", "nikitin",
			"zakharov", "zaitsev", "solovyov", "borisov", "yakovlev", "grigoriev", "romanov", "vorobyov", "sergeev",
			"kuzmin", "frolov", "aleksandrov", "dmitriev", "korolev", "gusev", "kiselev");

	private static final List<String> MALE = List.of("Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей",
			"Артём", "Илья", "Кирилл", "Михаил", "Никита", "Роман", "Иван", "Павел", "Егор", "Владимир", "Олег",
			"Игорь", "Юрий", "Константин");

	private static final List<String> FEMALE = List.of("Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина",
			"Екатерина", "Светлана", "Юлия", "Дарья", "Ксения", "Алина", "Виктория", "Полина", "Вера", "Людмила",
			"Галина", "Марина", "Софья");

	private static final List<String> PATRONYMIC_ROOTS = List.of("Александров", "Дмитриев", "Сергеев", "Андреев",
			"Алексеев", "Николаев", "Викторов", "Игорев", "Петров", "Владимиров", "Олегов", "Юрьев", "Павлов",
			"Михайлов", "Иванов");

	private static final List<String> LATIN_GIVEN = List.of("John", "Mary", "Peter", "Anna", "Thomas", "Laura",
			"Michael", "Sophie", "Daniel", "Emma", "Lukas", "Julia", "Marco", "Elena", "Jan");

	private static final List<String> LATIN_FAMILY = List.of("Smith", "Miller", "Schmidt", "Müller", "Johnson", "Rossi",
			"Novak", "Kowalski", "Jansen", "Dubois", "Larsen", "Fischer", "Weber", "Brown", "Meyer");

	private GeneratedNames() {
	}

	record Person(String last, String first, String middle, String login) {
	}

	static String company(SplittableRandom random) {
		if (random.nextInt(5) == 0) {
			return pick(random, LATIN_FIRST) + " " + pick(random, LATIN_SECOND) + " " + pick(random, LATIN_FORMS);
		}
		String name = pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
		return pick(random, RUSSIAN_FORMS) + " «" + name + "»";
	}

	static Person person(SplittableRandom random) {
		if (random.nextInt(10) == 0) {
			String first = pick(random, LATIN_GIVEN);
			String last = pick(random, LATIN_FAMILY);
			return new Person(last, first, null,
					(first.charAt(0) + "." + last).toLowerCase(java.util.Locale.ROOT).replace("ü", "ue"));
		}
		int surname = random.nextInt(SURNAMES.size());
		boolean female = random.nextBoolean();
		String middle = pick(random, PATRONYMIC_ROOTS) + (female ? "на" : "ич");
		return new Person(SURNAMES.get(surname) + (female ? "а" : ""),
				female ? pick(random, FEMALE) : pick(random, MALE), middle,
				SURNAMES_LATIN.get(surname) + (female ? "a" : ""));
	}

	static String domain(SplittableRandom random, String name) {
		String base = name.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
		if (base.length() < 3) {
			base = pick(random, SURNAMES_LATIN);
		}
		return base + random.nextInt(10_000) + (random.nextBoolean() ? ".ru" : ".com");
	}

	static <T> T pick(SplittableRandom random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

}
