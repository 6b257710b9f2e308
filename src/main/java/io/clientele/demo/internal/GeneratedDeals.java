package io.clientele.demo.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.clientele.deals.DealBulkLoad;
import io.clientele.deals.DealLine;
import io.clientele.deals.DealState;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.identity.Staffing;
import org.jspecify.annotations.Nullable;

/**
 * The deals of a generated data set, two per client on average, spread over the clients
 * at random (some have none, a few many) and managed by the client's responsible manager,
 * one in twenty with a colleague of the same department as co-executor. Three in five
 * follow the first scenario (goods), the others the second (services); about 35 % are in
 * work, 25 % won and 40 % lost with a reason. A deal passes the stages of its scenario in
 * order up to the one it reached (now and then skipping one), fewer the further, with the
 * required checklist items of every stage it left forwards ticked. Closed deals closed
 * over the last two years, open ones were opened within the last months. Like the
 * clients, every deal comes from a generator seeded by its position.
 */
final class GeneratedDeals {

	private static final List<String> GOODS = List.of("Бумага офисная А4", "Картриджи для принтеров",
			"Канцелярские наборы", "Офисные кресла", "Столы письменные", "Моющие средства", "Упаковочная плёнка",
			"Гофрокороба", "Спецодежда", "Перчатки рабочие", "Светодиодные лампы", "Кабель ВВГнг 3×2,5",
			"Бутилированная вода", "Кофе в зёрнах", "Ноутбуки", "Мониторы 27\"", "Стеллажи складские",
			"Паллеты деревянные");

	private static final List<String> SERVICES = List.of("Монтаж оборудования", "Техническое обслуживание",
			"Пусконаладочные работы", "Аудит инфраструктуры", "Обучение персонала", "Разработка проекта",
			"Доставка и разгрузка", "Консультация специалиста", "Уборка помещений", "Ремонт кондиционеров",
			"Настройка сети", "Сопровождение 1С");

	private static final List<String> GOODS_KINDS = List.of("Поставка", "Поставка", "Оптовый заказ");

	private static final List<String> SERVICE_KINDS = List.of("Монтаж", "Обслуживание", "Консультация");

	private static final List<String> CHANNELS = List.of("Сайт", "Входящий звонок", "Выставка", "Рекомендация",
			"Повторная продажа");

	private static final List<String> LOSS_NOTES = List.of("Клиент выбрал поставщика дешевле",
			"Закупку перенесли на следующий год", "Не отвечает на звонки и письма", "Не устроили сроки");

	private static final List<BigDecimal> DISCOUNTS = List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
			BigDecimal.valueOf(5), BigDecimal.valueOf(10), BigDecimal.valueOf(15));

	private static final long HOUR = 3_600;

	private static final long DAY = 86_400;

	private final long seed;

	private final Instant now;

	private final LocalDate today;

	private final List<SalesScenario> scenarios;

	private final List<Long> lossReasons;

	private final long[] clientIds;

	private final long[] contactIds;

	private final List<Long> managerIds;

	private final Map<Long, List<Long>> colleagues = new HashMap<>();

	/**
	 * @param scenarios the active scenarios with their stages, the first one the most
	 * used
	 * @param clientIds the data set's clients, by position
	 * @param contactIds the data set's contact persons, by position
	 * @param managers the managers in the order the clients were given theirs
	 */
	GeneratedDeals(long seed, Instant now, List<SalesScenario> scenarios, List<Long> lossReasons, long[] clientIds,
			long[] contactIds, List<Staffing.Member> managers) {
		if (scenarios.isEmpty() || lossReasons.isEmpty()) {
			throw new IllegalStateException("Generated deals need a sales scenario and a loss reason");
		}
		this.seed = seed;
		this.now = now;
		this.today = LocalDate.ofInstant(now, ZoneId.systemDefault());
		this.scenarios = List.copyOf(scenarios);
		this.lossReasons = List.copyOf(lossReasons);
		this.clientIds = clientIds;
		this.contactIds = contactIds;
		this.managerIds = managers.stream().map(Staffing.Member::id).toList();
		Map<Long, List<Long>> byDepartment = new HashMap<>();
		managers.forEach(manager -> byDepartment.computeIfAbsent(manager.departmentId(), d -> new ArrayList<>())
			.add(manager.id()));
		managers.forEach(manager -> colleagues.put(manager.id(),
				byDepartment.get(manager.departmentId()).stream().filter(id -> id != manager.id()).toList()));
	}

	DealBulkLoad.DealRow deal(int index) {
		SplittableRandom random = new SplittableRandom(seed * 9_000_011 + index);
		int position = random.nextInt(clientIds.length);
		long responsible = DataSetGenerator.responsibleOf(position, managerIds);
		int scenarioIndex = scenarios.size() == 1 || random.nextInt(100) < 60 ? 0
				: 1 + random.nextInt(scenarios.size() - 1);
		SalesScenario scenario = scenarios.get(scenarioIndex);
		List<Stage> stages = scenario.activeStages();
		int fate = random.nextInt(100);
		DealState state = fate < 35 ? DealState.IN_WORK : fate < 60 ? DealState.WON : DealState.LOST;
		List<Stage> path = path(random, stages, state);
		Stage last = path.get(path.size() - 1);

		List<DealBulkLoad.Stay> stays = new ArrayList<>();
		List<DealBulkLoad.Tick> ticks = new ArrayList<>();
		Instant created = timeline(random, path, state, stays, ticks);
		Instant closed = state.open() ? null : stays.get(stays.size() - 1).leftAt();

		List<DealLine> lines = lines(random, scenarioIndex == 0 ? GOODS : SERVICES, scenarioIndex == 0);
		BigDecimal amount = lines.stream().map(DealLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
		String subject = lines.get(0).product() + (lines.size() > 1 ? " (+" + (lines.size() - 1) + ")" : "");
		String kind = random.nextInt(10) == 0 ? null
				: GeneratedNames.pick(random, scenarioIndex == 0 ? GOODS_KINDS : SERVICE_KINDS);
		String channel = random.nextInt(5) == 0 ? null : GeneratedNames.pick(random, CHANNELS);
		Long contact = DataSetGenerator.Plan.organisation(position) && random.nextInt(5) != 0
				? contactIds[DataSetGenerator.Plan.firstContact(position)] : null;
		List<Long> coExecutors = random.nextInt(20) == 0 && !colleagues.get(responsible).isEmpty()
				? List.of(GeneratedNames.pick(random, colleagues.get(responsible))) : List.of();
		Long reason = state == DealState.LOST ? GeneratedNames.pick(random, lossReasons) : null;
		String note = state == DealState.LOST && random.nextInt(5) == 0 ? GeneratedNames.pick(random, LOSS_NOTES)
				: null;
		int probability = switch (state) {
			case IN_WORK -> last.probability();
			case WON -> 100;
			case LOST -> 0;
		};
		Instant entered = stays.get(stays.size() - 1).enteredAt();
		Instant updated = closed != null ? closed
				: entered.plusSeconds(random.nextLong(Duration.between(entered, now).getSeconds() + 1));
		return new DealBulkLoad.DealRow(clientIds[position], contact, subject, kind, scenario.id(), last.id(), state,
				reason, note, amount, probability, expectedClose(random, closed), channel, responsible, coExecutors,
				created, updated, closed, lines, stays, ticks);
	}

	/**
	 * The stages a deal stood in, in order: from the first to the one it reached. Deals
	 * in work and lost ones reach each next stage less often; won ones were mostly won in
	 * the last stage.
	 */
	private static List<Stage> path(SplittableRandom random, List<Stage> stages, DealState state) {
		int n = stages.size();
		int reached;
		if (state == DealState.WON) {
			reached = n == 1 || random.nextInt(10) < 7 ? n - 1 : n / 2 + random.nextInt(Math.max(1, n - 1 - n / 2));
		}
		else {
			reached = Math.min(n - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.6));
		}
		List<Stage> path = new ArrayList<>();
		for (int i = 0; i <= reached; i++) {
			if (i == 0 || i == reached || random.nextInt(10) != 0) {
				path.add(stages.get(i));
			}
		}
		return path;
	}

	/**
	 * Fills the stays and the ticked items and returns when the deal was opened. A closed
	 * deal closed within the last two years after stays of an hour to two weeks; an open
	 * one has stood in its stage for up to a month (one in ten up to four), after such
	 * stays.
	 */
	private Instant timeline(SplittableRandom random, List<Stage> path, DealState state, List<DealBulkLoad.Stay> stays,
			List<DealBulkLoad.Tick> ticks) {
		long[] lengths = new long[path.size()];
		long total = 0;
		for (int i = 0; i < path.size(); i++) {
			lengths[i] = HOUR + random.nextLong(14 * DAY);
			total += lengths[i];
		}
		Instant end;
		if (state.open()) {
			lengths[path.size() - 1] = HOUR + random.nextLong((random.nextInt(10) == 0 ? 120 : 30) * DAY);
			total = 0;
			for (long length : lengths) {
				total += length;
			}
			end = now;
		}
		else {
			end = now.minusSeconds(60 + random.nextLong(730 * DAY));
		}
		Instant entered = end.minusSeconds(total);
		Instant created = entered;
		for (int i = 0; i < path.size(); i++) {
			Stage stage = path.get(i);
			boolean lastOne = i == path.size() - 1;
			Instant left = lastOne && state.open() ? null : entered.plusSeconds(lengths[i]);
			Long next = lastOne ? null : path.get(i + 1).id();
			stays.add(new DealBulkLoad.Stay(stage.id(), entered, left, next));
			boolean leftForwards = !lastOne || state == DealState.WON;
			for (SalesScenario.ChecklistItem item : stage.checklist()) {
				boolean ticked = leftForwards ? !item.optional() || random.nextBoolean() : random.nextInt(10) < 3;
				if (ticked) {
					ticks.add(new DealBulkLoad.Tick(item.id(), entered.plusSeconds(lengths[i] / 2)));
				}
			}
			if (left != null) {
				entered = left;
			}
		}
		return created;
	}

	/** One to three lines: goods by the dozen or hundred, services by the job or hour. */
	private static List<DealLine> lines(SplittableRandom random, List<String> products, boolean goods) {
		int count = 1 + random.nextInt(3);
		List<DealLine> lines = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String product = GeneratedNames.pick(random, products);
			BigDecimal quantity = BigDecimal.valueOf(goods ? 10 + random.nextInt(291) : 1 + random.nextInt(10));
			BigDecimal price = BigDecimal
				.valueOf(goods ? 50_00 + random.nextLong(5_000_00) : 1_000_00 + random.nextLong(60_000_00), 2);
			lines.add(new DealLine(null, product, quantity, price, GeneratedNames.pick(random, DISCOUNTS)));
		}
		return lines;
	}

	/**
	 * An open deal is expected to close between three weeks ago (overdue) and three
	 * months ahead, one in twenty at no set date; a closed one was expected within two
	 * weeks of its closing.
	 */
	private @Nullable LocalDate expectedClose(SplittableRandom random, @Nullable Instant closed) {
		if (closed != null) {
			return LocalDate.ofInstant(closed, ZoneId.systemDefault()).plusDays(random.nextInt(29) - 14);
		}
		return random.nextInt(20) == 0 ? null : today.plusDays(random.nextInt(111) - 20);
	}

}
