package io.clientele.shared.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.clientele.support.ClienteleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions in PostgreSQL: the last access written at most once a minute, anything else at
 * once, and a session asked for twice within a request read once.
 */
@ClienteleIntegrationTest
class SessionStoreIntegrationTests {

	FindByIndexNameSessionRepository<Session> sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@SuppressWarnings("unchecked")
	void sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
		assertThat(repository).isInstanceOf(SessionStore.ReadOnce.class);
		this.sessions = (FindByIndexNameSessionRepository<Session>) repository;
	}

	@Test
	void the_last_access_is_written_once_a_minute_and_every_other_change_at_once() {
		Session session = sessions.createSession();
		session.setAttribute("language", "ru");
		sessions.save(session);
		String id = session.getId();
		long stored = lastAccess(id);

		Session next = sessions.findById(id);
		next.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(10));
		sessions.save(next);
		assertThat(lastAccess(id)).isEqualTo(stored);

		next = sessions.findById(id);
		next.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(20));
		next.setMaxInactiveInterval(Duration.ofMinutes(45));
		next.setAttribute("language", "en");
		sessions.save(next);
		assertThat(lastAccess(id)).isEqualTo(stored + 20_000);
		assertThat(sessions.findById(id).<String>getAttribute("language")).isEqualTo("en");

		next = sessions.findById(id);
		next.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(81));
		sessions.save(next);
		assertThat(lastAccess(id)).isEqualTo(stored + 81_000);

		String changed = next.changeSessionId();
		sessions.save(next);
		assertThat(sessions.findById(changed)).isNotNull();
		assertThat(sessions.findById(id)).isNull();
	}

	@Test
	void a_session_asked_for_again_within_a_request_is_not_read_again() throws Exception {
		Session session = sessions.createSession();
		sessions.save(session);
		AtomicReference<Session> first = new AtomicReference<>();
		SessionStore.ReadOnce.within(() -> {
			first.set(sessions.findById(session.getId()));
			assertThat(sessions.findById(session.getId())).isSameAs(first.get());
			sessions.deleteById(session.getId());
			assertThat(sessions.findById(session.getId())).isNull();
		});
		assertThat(first.get()).isNotNull();
	}

	private long lastAccess(String sessionId) {
		return jdbc.sql("select last_access_time from spring_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

}
