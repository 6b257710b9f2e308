package io.clientele.identity.internal;

import io.clientele.identity.Role;
import io.clientele.shared.ClienteleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On the first start (no user at all) creates the company's root department and one
 * administrator, whose password is {@code CLIENTELE_ADMIN_PASSWORD} or, if that is not
 * set, generated and printed once in the log. Either way it must be changed at the first
 * sign-in. There is no fixed default password.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserRepository users;

	private final DepartmentRepository departments;

	private final PasswordEncoder encoder;

	private final ClienteleProperties.Admin settings;

	private final JdbcClient jdbc;

	FirstAdministrator(UserRepository users, DepartmentRepository departments, PasswordEncoder encoder,
			ClienteleProperties properties, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.users = users;
		this.departments = departments;
		this.encoder = encoder;
		this.settings = properties.admin();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// Nodes of a cluster may start together; one of them creates the administrator.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('clientele.first-administrator'))").query().singleRow();
		if (users.count() > 0) {
			return;
		}
		Department company = departments.findRoot().orElseGet(() -> departments.save(new Department("Company", null)));
		boolean given = StringUtils.hasText(settings.password());
		String password = given ? settings.password() : TemporaryPasswords.generate();
		users.save(new User(settings.username(), "Administrator", null, Role.ADMINISTRATOR, company.id(),
				encoder.encode(password)));
		if (given) {
			log.info("Created the administrator '{}' with the password from CLIENTELE_ADMIN_PASSWORD; "
					+ "it must be changed at the first sign-in", settings.username());
		}
		else {
			log.warn("""

					=====================================================================
					  Clientele created the administrator account.
					    user name: {}
					    password:  {}
					  This password is shown only now. Sign in and choose your own.
					=====================================================================""", settings.username(),
					password);
		}
	}

}
