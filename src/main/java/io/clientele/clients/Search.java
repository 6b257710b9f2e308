package io.clientele.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.identity.AccessScope;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The top-bar search: clients, contact persons and leads the reader may see, by any part
 * of their name, tax ids, phone digits, e-mail addresses or extra text fields. Each
 * table's {@code search_text} column holds all of these (lower case, Ё as Е) under one
 * trigram index, so one indexed {@code LIKE '%…%'} per kind answers it. A phone typed in
 * any format is also looked up as its E.164 digits.
 *
 * <p>
 * Best first, in two steps per kind: names that start with the text, in name order, from
 * a range of the name's b-tree index; then, only while fewer than asked for were found, a
 * few of the records that contain the text anywhere (names that contain it before those
 * that contain it elsewhere, shorter names first). The second step stops at twice as many
 * matches as asked for instead of ranking thousands of them: a common fragment matches a
 * twentieth of a million clients. A contact person is seen through the clients they work
 * for; each carries the responsible managers and segments of those clients (decision
 * 0005), so a manager's search finds the text and their id in one index
 * ({@code contacts_search_readers_idx}) instead of checking every match with two
 * look-ups.
 *
 * <p>
 * Plans are made for the text typed ({@code plan_cache_mode = force_custom_plan}): a plan
 * made once for any text assumes every fragment is as common as the average one, and
 * scans a whole table with {@code LIMIT} for a rare fragment that the trigram index finds
 * at once. The statistics of {@code search_text} are detailed enough (statistics target
 * 1,000) for the planner to tell a common fragment from a rare one.
 */
@Service
public class Search {

	public static final int MIN_LENGTH = 3;

	private static final String CLIENTS_STARTING = """
			select c.id, c.name, coalesce(c.inn, c.city) as detail from clients c
			 where c.deleted_at is null and lower(c.name) like :prefix and %s
			 order by lower(c.name), c.id limit :limit
			""";

	private static final String CLIENTS_CONTAINING = """
			select id, name, detail from (
			  select c.id, c.name, coalesce(c.inn, c.city) as detail from clients c
			   where c.deleted_at is null and c.search_text like any(:patterns) and %s
			   limit :candidates) t
			 order by lower(name) like :contains desc, length(name), id
			""";

	/**
	 * A reader's clients that contain the text among the first {@value #SAMPLE} of their
	 * clients (in the order of the index of their responsible manager), tried before the
	 * readers' trigram index. A text that most of the reader's clients contain (a mail
	 * domain, {@code info@}) has trigrams in nearly every row of the million: the index
	 * reads and intersects those long lists (12 ms on M for {@code info@}) to find the
	 * reader's thousands, where the first few hundred rows of the reader's own already
	 * hold enough (0.8 ms). A rarer text finds too few here and goes on to the index,
	 * which is quick for it.
	 */
	private static final String CLIENTS_SAMPLED = """
			select id, name, detail from (
			  select c.id, c.name, coalesce(c.inn, c.city) as detail from (
			    select c.id, c.name, c.inn, c.city, c.search_text from clients c
			     where c.deleted_at is null and %s
			     limit :sample) c
			   where c.search_text like any(:patterns)
			   limit :candidates) t
			 order by lower(name) like :contains desc, length(name), id
			""";

	static final int SAMPLE = 400;

	/**
	 * The clients (that the reader may see) a contact person works for, for the line
	 * under the name.
	 */
	private static final String WORKS_FOR = """
			(select string_agg(c.name, ', ' order by c.name) from client_contacts cc join clients c on c.id = cc.client_id
			  where cc.contact_id = %s.id and c.deleted_at is null and %s)""";

	private static final String CONTACTS_STARTING = """
			select ct.id, ct.full_name, %1$s from contacts ct
			 where ct.deleted_at is null and lower(ct.full_name) like :prefix and %2$s
			 order by lower(ct.full_name), ct.id limit :limit
			""";

	private static final String CONTACTS_CONTAINING = """
			select id, full_name, %1$s from (
			  select ct.id, ct.full_name from contacts ct
			   where ct.deleted_at is null and ct.search_text like any(:patterns) and %2$s
			   limit :candidates) t
			 order by lower(full_name) like :contains desc, length(full_name), id
			""";

	/**
	 * A reader who sees part of the base: their contact persons that contain the text, in
	 * one step, best first. The name's b-tree cannot tell a reader's names from the
	 * others', so a prefix of a common name walked, or joined with the trigram index,
	 * hundreds of thousands of entries; the readers' trigram index finds the reader's
	 * matches (a few hundred at most) at once. {@code search_text} starts with the name
	 * in lower case with Ё as Е, so it also says whether the name starts with the text.
	 */
	private static final String CONTACTS_OF_READER = """
			select id, full_name, %1$s from (
			  select ct.id, ct.full_name from contacts ct
			   where ct.deleted_at is null and ct.search_text like any(:patterns) and %2$s
			   order by ct.search_text like :prefix desc, lower(ct.full_name) like :contains desc,
			            case when ct.search_text like :prefix then lower(ct.full_name) end, length(ct.full_name), ct.id
			   limit :limit) t
			""";

	/**
	 * A manager's contact persons whose names start with the text, in name order, from a
	 * range of the index of each contact person's first reader and name
	 * ({@code contacts_reader_name_idx}). A common surname is in thousands of the
	 * readers' trigram index entries of a manager (Петров: 779 of m007's on M, 10 ms to
	 * find and rank them all); its first names are a few index entries here. A contact
	 * person whose first reader is someone else is found by the next step, ranked with
	 * the others, when this one finds fewer than asked for.
	 */
	private static final String CONTACTS_OF_READER_STARTING = """
			select ct.id, ct.full_name, %1$s from contacts ct
			 where ct.deleted_at is null and ct.client_responsible_ids[1] = any(:readers)
			   and lower(ct.full_name) like :prefix and %2$s
			 order by lower(ct.full_name), ct.id limit :limit
			""";

	private static final String LEADS_STARTING = """
			select c.id, c.name, c.company from leads c
			 where lower(c.name) like :prefix and %s
			 order by lower(c.name), c.id limit :limit
			""";

	private static final String LEADS_CONTAINING = """
			select id, name, company from (
			  select c.id, c.name, c.company, c.created_at from leads c
			   where c.search_text like any(:patterns) and %s
			   limit :candidates) t
			 order by lower(name) like :contains desc, created_at desc, id
			""";

	private final JdbcClient jdbc;

	private final ClientAccess clientAccess;

	private final String phoneRegion;

	private final TransactionTemplate readOnly;

	/**
	 * Searches the kinds side by side, each on its own connection: the answer takes as
	 * long as the slowest kind instead of the three together. Bounded by the pool's size;
	 * when all its threads are busy the request's own thread searches, so an overload
	 * makes searches serial and slower, never refused.
	 */
	private final ThreadPoolExecutor kinds;

	Search(JdbcClient jdbc, ClientAccess clientAccess, ClienteleProperties properties,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clientAccess = clientAccess;
		this.phoneRegion = properties.phoneRegion();
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		int threads = properties.db().effectivePoolSize();
		AtomicInteger number = new AtomicInteger();
		this.kinds = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				runnable -> {
					Thread thread = new Thread(runnable, "search-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		this.kinds.allowCoreThreadTimeOut(true);
	}

	@PreDestroy
	void stop() {
		kinds.shutdownNow();
	}

	/** A record found, with a line that says why it is the one. */
	public record Hit(long id, String name, @Nullable String detail) {
	}

	/** Hits grouped by kind. */
	public record Results(String text, List<Hit> clients, List<Hit> contacts, List<Hit> leads) {

		public boolean empty() {
			return clients.isEmpty() && contacts.isEmpty() && leads.isEmpty();
		}

	}

	/** What the text typed is looked for as: the patterns for {@code LIKE}. */
	private record Typed(String[] patterns, String prefix, String contains) {
	}

	public Results find(String text, int perKind, CurrentUser reader) {
		String typed = text == null ? "" : text.strip();
		if (typed.length() < MIN_LENGTH || typed.length() > 200) {
			return new Results(typed, List.of(), List.of(), List.of());
		}
		Typed looked = typed(typed);
		int limit = Math.max(1, Math.min(perKind, 50));
		var visibility = clientAccess.of(reader.id());
		AccessScope scope = visibility.scope();
		String clientCondition = visibility.sqlCondition("c");
		String visibleContact = visibility.contactCondition("ct");
		String leadCondition = scope.queueCondition("c.responsible_id", "c.department_id");
		boolean planOnce = visibility.searchesOnTheReadersIndexOnly();
		var clients = inParallel(() -> bestFirst(CLIENTS_STARTING.formatted(clientCondition),
				planOnce ? CLIENTS_SAMPLED.formatted(clientCondition) : null,
				CLIENTS_CONTAINING.formatted(visibility.searchCondition("c")), visibility::bindReaders, looked, limit,
				planOnce));
		var contacts = inParallel(
				() -> scope.coversEverything()
						? bestFirst(
								CONTACTS_STARTING.formatted(WORKS_FOR.formatted("ct", clientCondition), visibleContact),
								null,
								CONTACTS_CONTAINING.formatted(WORKS_FOR.formatted("t", clientCondition),
										visibleContact),
								visibility::bindReaders, looked, limit, false)
						: readersContacts(visibility, clientCondition, visibleContact, looked, limit));
		// the leads on this thread, while the others run
		List<Hit> leads = inTransaction(() -> bestFirst(LEADS_STARTING.formatted(leadCondition), null,
				LEADS_CONTAINING.formatted(leadCondition), scope::bindQueue, looked, limit, false));
		return new Results(typed, joined(clients), joined(contacts), leads);
	}

	/**
	 * A reader's contact persons that contain the text, best first: for a reader who sees
	 * their own clients only, those whose names start with it first (see
	 * {@link #CONTACTS_OF_READER_STARTING}); then, while there is room, all of them
	 * ranked in one step.
	 */
	private List<Hit> readersContacts(ClientVisibility visibility, String clientCondition, String visibleContact,
			Typed looked, int limit) {
		Map<Long, Hit> hits = new LinkedHashMap<>();
		if (visibility.searchesOnTheReadersIndexOnly()) {
			visibility
				.bindReaders(jdbc.sql(CONTACTS_OF_READER_STARTING.formatted(WORKS_FOR.formatted("ct", clientCondition),
						visibleContact)))
				.param("prefix", looked.prefix())
				.param("limit", limit)
				.query(this::hit)
				.list()
				.forEach(hit -> hits.put(hit.id(), hit));
			if (hits.size() >= limit) {
				return List.copyOf(hits.values());
			}
			RecordListQuery.planOnceForAnyValues(jdbc);
		}
		for (Hit hit : visibility
			.bindReaders(
					jdbc.sql(CONTACTS_OF_READER.formatted(WORKS_FOR.formatted("t", clientCondition), visibleContact)))
			.param("patterns", looked.patterns())
			.param("prefix", looked.prefix())
			.param("contains", looked.contains())
			.param("limit", limit)
			.query(this::hit)
			.list()) {
			if (hits.size() < limit) {
				hits.putIfAbsent(hit.id(), hit);
			}
		}
		return List.copyOf(hits.values());
	}

	private CompletableFuture<List<Hit>> inParallel(Supplier<List<Hit>> kind) {
		return CompletableFuture.supplyAsync(() -> inTransaction(kind), kinds);
	}

	/**
	 * One kind's steps in a read-only transaction, planned for the text typed (see the
	 * class's comment).
	 */
	private List<Hit> inTransaction(Supplier<List<Hit>> kind) {
		return readOnly.execute(tx -> {
			RecordListQuery.planForTheValues(jdbc);
			return kind.get();
		});
	}

	private static List<Hit> joined(CompletableFuture<List<Hit>> kind) {
		try {
			return kind.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * The names that start with the text, then (while there is room) records that contain
	 * it; each record once.
	 * @param sampled records that contain it among the first few the reader may see
	 * (tried first, see {@link #CLIENTS_SAMPLED}), or null
	 * @param planOnce plan the second step once for any text (see the class's comment)
	 */
	private List<Hit> bestFirst(String starting, @Nullable String sampled, String containing,
			UnaryOperator<JdbcClient.StatementSpec> access, Typed typed, int limit, boolean planOnce) {
		Map<Long, Hit> hits = new LinkedHashMap<>();
		access.apply(jdbc.sql(starting))
			.param("prefix", typed.prefix())
			.param("limit", limit)
			.query(this::hit)
			.list()
			.forEach(hit -> hits.put(hit.id(), hit));
		if (hits.size() < limit) {
			if (planOnce) {
				RecordListQuery.planOnceForAnyValues(jdbc);
			}
			// Twice as many as asked for: some of them may be the names found above.
			int candidates = 2 * limit;
			List<Hit> found = sampled == null ? List.of() : containing(sampled, access, typed, candidates);
			if (found.size() < candidates) {
				found = containing(containing, access, typed, candidates);
			}
			for (Hit hit : found) {
				if (hits.size() < limit) {
					hits.putIfAbsent(hit.id(), hit);
				}
			}
		}
		return List.copyOf(hits.values());
	}

	private List<Hit> containing(String sql, UnaryOperator<JdbcClient.StatementSpec> access, Typed typed,
			int candidates) {
		return access.apply(jdbc.sql(sql))
			.param("patterns", typed.patterns())
			.param("contains", typed.contains())
			.param("candidates", candidates)
			.param("sample", SAMPLE)
			.query(this::hit)
			.list();
	}

	private Hit hit(ResultSet rs, int row) throws SQLException {
		return new Hit(rs.getLong(1), rs.getString(2), rs.getString(3));
	}

	private Typed typed(String typed) {
		String normal = typed.toLowerCase(Locale.ROOT).replace('ё', 'е');
		List<String> patterns = new ArrayList<>();
		patterns.add(RecordListQuery.like(normal));
		String digits = phoneDigits(typed);
		if (digits != null && !normal.contains(digits)) {
			patterns.add(RecordListQuery.like(digits));
		}
		String international = digits == null ? null : homeDialled(typed, digits);
		if (international != null) {
			// the start of a stored number: its digits follow a space in search_text
			patterns.add("% " + international + "%");
		}
		return new Typed(patterns.toArray(String[]::new), RecordListQuery.like(normal).substring(1), patterns.get(0));
	}

	/**
	 * The start of a number typed as dialled at home, with the trunk prefix instead of
	 * the country code ({@code 8 (495) 123} for {@code +7 495 123…}): its international
	 * digits, or {@code null}. Whole numbers are normalised already; a text with a
	 * {@code +} has the country code.
	 */
	private @Nullable String homeDialled(String text, String digits) {
		if (text.startsWith("+") || digits.length() < MIN_LENGTH + 1 || digits.length() >= 10) {
			return null;
		}
		return PhoneNumbers.withoutTrunkPrefix(digits, phoneRegion);
	}

	/**
	 * The digits to look for when the text looks like (part of) a phone number: a whole
	 * number in E.164 digits, a part as typed without separators.
	 */
	private @Nullable String phoneDigits(String text) {
		if (!text.matches("[\\d\\s()+\\-.]+")) {
			return null;
		}
		String digits = text.replaceAll("\\D", "");
		if (digits.length() < MIN_LENGTH) {
			return null;
		}
		if (digits.length() >= 10) {
			try {
				return PhoneNumbers.digits(PhoneNumbers.normalise("q", text, phoneRegion));
			}
			catch (RuleViolation notAWholeNumber) {
				return digits;
			}
		}
		return digits;
	}

}
