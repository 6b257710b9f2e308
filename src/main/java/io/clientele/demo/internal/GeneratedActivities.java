package io.clientele.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.clientele.activities.ActivityBulkLoad;
import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskState;
import io.clientele.deals.DealBulkLoad;
import io.clientele.identity.Staffing;
import org.jspecify.annotations.Nullable;

/**
 * The interactions and tasks of a generated data set: ten interactions and one task per
 * client on average, spread over the clients at random (some have none, a few many).
 *
 * <p>
 * An interaction is most often a call, then an e-mail or a note; nine in ten are kept by
 * the client's responsible manager, the others by a colleague of the same department.
 * About 97 % were done over the last two years, 2 % were cancelled, and 1 % are planned
 * between two weeks ago (overdue) and six weeks ahead, in working hours; meetings have
 * the contact person and now and then a colleague as participants. Three in ten refer to
 * one of the client's deals when it has any.
 *
 * <p>
 * A task is mostly the responsible manager's own, one in four given by the department's
 * head; one in five is a work item of the sales conveyor. About 8 % are open, due between
 * three weeks ago and two months ahead (one in ten without a deadline, three in ten at a
 * time of day); the others were done. Every row comes from a generator seeded by its
 * position, so the same seed makes the same rows.
 */
final class GeneratedActivities {

	private static final long DAY = 86_400;

	private static final Map<InteractionKind, List<String>> SUBJECTS = Map.of(
			InteractionKind.CALL, List.of("Уточнить потребность", "Обсудить коммерческое предложение",
					"Напомнить об оплате", "Согласовать сроки поставки", "Первичный звонок",
					"Узнать решение по договору", "Поздравить с праздником", "Предложить новинки"),
			InteractionKind.EMAIL,
			List.of("Коммерческое предложение", "Счёт на оплату", "Договор на согласование", "Прайс-лист", "Акт сверки",
					"Ответ на запрос"),
			InteractionKind.SMS, List.of("Напоминание о встрече", "Заказ отгружен", "Счёт выставлен"),
			InteractionKind.MEETING,
			List.of("Презентация продукции", "Переговоры по договору", "Встреча с руководством клиента",
					"Обсуждение годового плана закупок"),
			InteractionKind.VISIT, List.of("Выезд на объект", "Замер помещения", "Демонстрация образцов"),
			InteractionKind.NOTE,
			List.of("Клиент просил перезвонить после праздников", "Сменился контактный человек",
					"Интересуется скидкой за объём", "Работают с конкурентом"),
			InteractionKind.MESSENGER, List.of("Вопрос по заказу", "Фото образцов", "Уточнение адреса доставки"));

	private static final List<String> RESULTS = List.of("Договорились о встрече", "Отправили КП",
			"Клиент думает, перезвонить через неделю", "Согласовали условия", "Не интересно сейчас",
			"Передали в бухгалтерию", "Ждём ответа");

	private static final List<String> PLACES = List.of("Офис клиента", "Наш офис", "Онлайн", "Переговорная 2");

	private static final List<String> MESSENGERS = List.of("Telegram", "WhatsApp", "Viber");

	private static final List<String> TASKS = List.of("Подготовить коммерческое предложение", "Выставить счёт",
			"Отправить договор", "Проверить оплату", "Согласовать скидку с руководителем", "Подготовить образцы",
			"Обновить реквизиты клиента", "Запросить отзыв", "Напомнить о продлении договора",
			"Собрать документы для тендера");

	private static final List<String> WORK_ITEMS = List.of("Квалифицировать клиента", "Провести презентацию",
			"Рассчитать смету", "Согласовать договор", "Организовать отгрузку", "Закрыть документы");

	private final long seed;

	private final Instant now;

	private final ZoneId zone;

	private final LocalDate today;

	private final long[] clientIds;

	private final long[] contactIds;

	private final List<Long> managerIds;

	private final Map<Long, List<Long>> colleagues = new HashMap<>();

	private final Map<Long, Long> heads = new HashMap<>();

	private final DealBulkLoad.ClientDeals deals;

	/**
	 * @param clientIds the data set's clients, by position
	 * @param contactIds the data set's contact persons, by position
	 * @param managers the managers in the order the clients were given theirs
	 * @param headsOfDepartments the heads, one per department
	 */
	GeneratedActivities(long seed, Instant now, ZoneId zone, long[] clientIds, long[] contactIds,
			List<Staffing.Member> managers, List<Staffing.Member> headsOfDepartments, DealBulkLoad.ClientDeals deals) {
		this.seed = seed;
		this.now = now;
		this.zone = zone;
		this.today = LocalDate.ofInstant(now, zone);
		this.clientIds = clientIds;
		this.contactIds = contactIds;
		this.managerIds = managers.stream().map(Staffing.Member::id).toList();
		this.deals = deals;
		Map<Long, List<Long>> byDepartment = new HashMap<>();
		managers.forEach(manager -> byDepartment.computeIfAbsent(manager.departmentId(), d -> new ArrayList<>())
			.add(manager.id()));
		managers.forEach(manager -> colleagues.put(manager.id(),
				byDepartment.get(manager.departmentId()).stream().filter(id -> id != manager.id()).toList()));
		Map<Long, Long> headOfDepartment = new HashMap<>();
		headsOfDepartments.forEach(head -> headOfDepartment.put(head.departmentId(), head.id()));
		managers.forEach(manager -> heads.put(manager.id(),
				headOfDepartment.getOrDefault(manager.departmentId(), manager.id())));
	}

	ActivityBulkLoad.InteractionRow interaction(int index) {
		SplittableRandom random = new SplittableRandom(seed * 7_000_003 + index);
		int position = random.nextInt(clientIds.length);
		long client = clientIds[position];
		long manager = DataSetGenerator.responsibleOf(position, managerIds);
		long responsible = random.nextInt(10) == 0 ? colleague(random, manager) : manager;
		InteractionKind kind = kind(random);
		int fate = random.nextInt(100);
		InteractionState state = fate == 0 ? InteractionState.PLANNED
				: fate < 3 ? InteractionState.CANCELLED : InteractionState.DONE;
		Instant at = state == InteractionState.PLANNED
				? workingHour(random, today.plusDays(random.nextInt(60) - 14), kind == InteractionKind.CALL ? 5 : 15)
				: now.minusSeconds(600 + random.nextLong(730 * DAY));
		boolean wasPlanned = state != InteractionState.DONE || random.nextInt(10) < 4;
		Instant plannedAt = wasPlanned ? at : null;
		Instant doneAt = state == InteractionState.DONE ? at : null;
		Instant created = wasPlanned ? at.minusSeconds(3_600 + random.nextLong(14 * DAY))
				: at.plusSeconds(random.nextLong(7_200));
		if (created.isAfter(now)) {
			created = now;
		}
		Instant updated = state == InteractionState.PLANNED ? created
				: at.isAfter(created) ? at.plusSeconds(random.nextLong(3_600)) : created;
		if (updated.isAfter(now)) {
			updated = now;
		}
		Long contact = contact(random, position);
		Long deal = null;
		int dealCount = deals.count(client);
		if (dealCount > 0 && random.nextInt(10) < 3) {
			deal = deals.deal(client, random.nextInt(dealCount));
		}
		String subject = GeneratedNames.pick(random, SUBJECTS.get(kind));
		boolean done = state == InteractionState.DONE;
		String result = done && random.nextInt(10) < 6 ? GeneratedNames.pick(random, RESULTS) : null;
		CallDirection direction = null;
		Integer duration = null;
		CallResult callResult = null;
		Integer minutes = null;
		if (kind == InteractionKind.CALL) {
			direction = random.nextInt(3) == 0 ? CallDirection.INCOMING : CallDirection.OUTGOING;
			if (done) {
				int outcome = random.nextInt(10);
				callResult = outcome < 7 ? CallResult.ANSWERED : outcome < 9 ? CallResult.NO_ANSWER : CallResult.BUSY;
				duration = callResult == CallResult.ANSWERED ? 20 + random.nextInt(1_200) : 0;
				minutes = (duration + 59) / 60;
			}
		}
		else if (done && random.nextInt(4) != 0) {
			minutes = kind.hasPlace() ? 30 + random.nextInt(91) : 5 + random.nextInt(26);
		}
		String place = kind.hasPlace() ? GeneratedNames.pick(random, PLACES) : null;
		String channel = kind == InteractionKind.MESSENGER ? GeneratedNames.pick(random, MESSENGERS) : null;
		List<Long> users = List.of();
		List<Long> contacts = List.of();
		if (kind.hasPlace()) {
			contacts = contact != null ? List.of(contact) : List.of();
			if (kind == InteractionKind.MEETING && random.nextInt(4) == 0) {
				long other = colleague(random, responsible);
				users = other != responsible ? List.of(other) : List.of();
			}
		}
		return new ActivityBulkLoad.InteractionRow(kind, state, at, plannedAt, doneAt, client, contact, deal, subject,
				result, minutes, responsible, direction, duration, callResult, place, channel, created, updated, users,
				contacts);
	}

	ActivityBulkLoad.TaskRow task(int index) {
		SplittableRandom random = new SplittableRandom(seed * 5_000_011 + index);
		int position = random.nextInt(clientIds.length);
		long manager = DataSetGenerator.responsibleOf(position, managerIds);
		boolean linked = random.nextInt(100) < 85;
		Long client = linked ? clientIds[position] : null;
		Long contact = linked ? contact(random, position) : null;
		Long deal = null;
		if (client != null) {
			int dealCount = deals.count(client);
			if (dealCount > 0 && random.nextInt(10) < 4) {
				deal = deals.deal(client, random.nextInt(dealCount));
			}
		}
		int giver = random.nextInt(20);
		long author = giver < 5 ? heads.get(manager) : giver == 5 ? colleague(random, manager) : manager;
		TaskKind kind = random.nextInt(5) == 0 && client != null ? TaskKind.WORK_ITEM : TaskKind.TASK;
		String title = GeneratedNames.pick(random, kind == TaskKind.WORK_ITEM ? WORK_ITEMS : TASKS);
		int p = random.nextInt(20);
		TaskPriority priority = p < 3 ? TaskPriority.LOW : p < 17 ? TaskPriority.NORMAL : TaskPriority.HIGH;
		boolean open = random.nextInt(100) < 8;
		LocalDate dueOn;
		Instant dueAt = null;
		Instant created;
		if (open) {
			dueOn = random.nextInt(10) == 0 ? null : today.plusDays(random.nextInt(81) - 20);
			LocalDate from = dueOn == null || dueOn.isAfter(today) ? today : dueOn;
			created = from.minusDays(1 + random.nextInt(20))
				.atStartOfDay(zone)
				.toInstant()
				.plusSeconds(9 * 3_600 + random.nextLong(9 * 3_600));
		}
		else {
			created = now.minusSeconds(DAY + random.nextLong(730 * DAY));
			dueOn = random.nextInt(10) == 0 ? null : LocalDate.ofInstant(created, zone).plusDays(random.nextInt(15));
		}
		if (dueOn != null && random.nextInt(10) < 3) {
			dueAt = workingHour(random, dueOn, 30);
		}
		Instant remind = dueAt != null && random.nextInt(3) == 0 ? dueAt.minusSeconds(1_800) : null;
		TaskState state;
		Instant doneAt = null;
		Instant opened = null;
		String result = null;
		int spent = 0;
		if (open) {
			boolean fresh = kind == TaskKind.WORK_ITEM && random.nextInt(2) == 0;
			state = fresh ? TaskState.NEW : random.nextInt(3) == 0 ? TaskState.IN_PROGRESS : TaskState.NEW;
			opened = fresh ? null : created.plusSeconds(random.nextLong(DAY));
			if (opened != null && opened.isAfter(now)) {
				opened = now;
			}
		}
		else {
			state = TaskState.DONE;
			doneAt = created.plusSeconds(600 + random.nextLong(10 * DAY));
			if (doneAt.isAfter(now)) {
				doneAt = now;
			}
			opened = created.plusSeconds(random.nextLong(600));
			result = random.nextInt(3) == 0 ? GeneratedNames.pick(random, RESULTS) : null;
			spent = random.nextInt(4) == 0 ? 0 : 5 + random.nextInt(120);
		}
		Instant updated = doneAt != null ? doneAt : opened != null ? opened : created;
		String description = random.nextInt(4) == 0 ? "Подробности в переписке с клиентом" : null;
		return new ActivityBulkLoad.TaskRow(kind, title, description, manager, author, state, priority, dueOn, dueAt,
				remind, client, contact, deal, opened, result, spent, doneAt, created, updated);
	}

	private static InteractionKind kind(SplittableRandom random) {
		int k = random.nextInt(100);
		return k < 45 ? InteractionKind.CALL
				: k < 65 ? InteractionKind.EMAIL : k < 70 ? InteractionKind.SMS : k < 78 ? InteractionKind.MEETING
						: k < 82 ? InteractionKind.VISIT : k < 92 ? InteractionKind.NOTE : InteractionKind.MESSENGER;
	}

	/**
	 * One of an organisation's contact persons, seven times in ten; none for a person.
	 */
	private @Nullable Long contact(SplittableRandom random, int position) {
		int count = DataSetGenerator.Plan.contactsOf(position);
		if (count == 0 || random.nextInt(10) >= 7) {
			return null;
		}
		return contactIds[DataSetGenerator.Plan.firstContact(position) + random.nextInt(count)];
	}

	private long colleague(SplittableRandom random, long manager) {
		List<Long> others = colleagues.get(manager);
		return others == null || others.isEmpty() ? manager : GeneratedNames.pick(random, others);
	}

	/** A time between 9:00 and 18:00 of the day, on a step of so many minutes. */
	private Instant workingHour(SplittableRandom random, LocalDate day, int stepMinutes) {
		int steps = 9 * 60 / stepMinutes;
		LocalTime time = LocalTime.of(9, 0).plusMinutes((long) random.nextInt(steps) * stepMinutes);
		return ZonedDateTime.of(day, time, zone).toInstant();
	}

}
