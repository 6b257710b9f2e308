package io.clientele.clients;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dates of clients and their contact persons that come round in the next days:
 * birthdays and the clients' key dates, for the responsible managers' daily digest. Read
 * once a day over the whole base (no index on the month and day: a scan of the clients
 * and the contact persons, about a second on M).
 */
@Service
public class UpcomingDates {

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private final JdbcClient jdbc;

	UpcomingDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public enum Kind {

		/** An individual client's birthday. */
		CLIENT_BIRTHDAY,
		/** One of a client's key dates. */
		KEY_DATE,
		/** The birthday of one of the client's contact persons. */
		CONTACT_BIRTHDAY

	}

	/**
	 * A date coming round.
	 *
	 * @param on the day it comes round within the window
	 * @param date the date as recorded (the year of birth, of the contract …)
	 * @param label what a key date is; null for birthdays
	 */
	public record UpcomingDate(long responsibleId, Kind kind, long clientId, String clientName,
			@Nullable Long contactId, @Nullable String contactName, @Nullable String label, LocalDate date,
			LocalDate on) {
	}

	/**
	 * The dates that come round on the {@code days} days from {@code from}, of live
	 * clients and their live contact persons, for each client's responsible manager, by
	 * day.
	 */
	@Transactional(readOnly = true)
	public List<UpcomingDate> within(LocalDate from, int days) {
		List<String> monthDays = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate day = from.plusDays(i);
			monthDays.add(MONTH_DAY.format(day));
			if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
				monthDays.add("02-29"); // born on the 29th: remembered on the 28th
			}
		}
		String[] wanted = monthDays.toArray(String[]::new);
		List<UpcomingDate> found = jdbc
			.sql("""
					select c.responsible_id, 'CLIENT_BIRTHDAY', c.id, c.name, null::bigint, null, null, c.birthday
					  from clients c
					 where c.deleted_at is null and to_char(c.birthday, 'MM-DD') = any(:days)
					union all
					select c.responsible_id, 'KEY_DATE', c.id, c.name, null::bigint, null, k.label, k.day
					  from clients c cross join lateral (
					       select d ->> 'label' as label,
					              case jsonb_typeof(d -> 'date')
					                   when 'array' then make_date(cast(d -> 'date' ->> 0 as int), cast(d -> 'date' ->> 1 as int),
					                                               cast(d -> 'date' ->> 2 as int))
					                   else cast(d ->> 'date' as date) end as day
					         from jsonb_array_elements(c.key_dates) d) k
					 where c.deleted_at is null and c.key_dates <> '[]' and to_char(k.day, 'MM-DD') = any(:days)
					union all
					select c.responsible_id, 'CONTACT_BIRTHDAY', c.id, c.name, ct.id, ct.full_name, null, ct.birthday
					  from contacts ct join client_contacts cc on cc.contact_id = ct.id join clients c on c.id = cc.client_id
					 where ct.deleted_at is null and c.deleted_at is null and to_char(ct.birthday, 'MM-DD') = any(:days)
					""")
			.param("days", wanted)
			.query((rs, n) -> {
				LocalDate date = rs.getObject(8, LocalDate.class);
				return new UpcomingDate(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
						rs.getObject(5, Long.class), rs.getString(6), rs.getString(7), date, comesRound(date, from));
			})
			.list();
		return found.stream()
			.sorted(java.util.Comparator.comparing(UpcomingDate::on)
				.thenComparing(UpcomingDate::clientName)
				.thenComparing(d -> d.contactName() == null ? "" : d.contactName()))
			.toList();
	}

	/** The first day on or after {@code from} on which the date comes round. */
	static LocalDate comesRound(LocalDate date, LocalDate from) {
		MonthDay monthDay = MonthDay.from(date);
		LocalDate thisYear = monthDay.isValidYear(from.getYear()) ? monthDay.atYear(from.getYear())
				: LocalDate.of(from.getYear(), 2, 28);
		if (thisYear.isBefore(from)) {
			int next = from.getYear() + 1;
			return monthDay.isValidYear(next) ? monthDay.atYear(next) : LocalDate.of(next, 2, 28);
		}
		return thisYear;
	}

}
