package io.clientele.shared.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clientele.support.EmptyDatabase;
import io.clientele.support.StandaloneClientele;
import io.clientele.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Clientele started on an empty database, as on a user's first start. Each test gets a
 * database of its own on the test JVM's embedded server.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartIntegrationTests {

	private static final Pattern PRINTED_PASSWORD = Pattern.compile("password:\\s+(\\S+)");

	EmptyDatabase database;

	@BeforeEach
	void emptyDatabase() throws Exception {
		database = EmptyDatabase.create("first_start");
	}

	@AfterEach
	void dropDatabase() throws Exception {
		database.close();
	}

	@Test
	void the_first_start_creates_one_administrator_with_a_password_printed_once(CapturedOutput output) {
		String password;
		try (var clientele = start("clientele.admin.password=")) {
			Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
			assertThat(printed.find()).as("the password is printed in the log").isTrue();
			password = printed.group(1);
			assertThat(clientele.jdbc()
				.sql("select count(*) from users where role = 'ADMINISTRATOR' and must_change_password")
				.query(Long.class)
				.single()).isEqualTo(1);

			var browser = new WebSession(clientele.port(), "en");
			browser.signIn("admin", password);
			assertThat(browser.get("/").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
		}

		// The second start finds the same data and prints no password again.
		int printedBefore = count(output.getOut(), PRINTED_PASSWORD);
		try (var clientele = start("clientele.admin.password=")) {
			assertThat(clientele.jdbc().sql("select count(*) from users").query(Long.class).single()).isEqualTo(1);
			assertThat(count(output.getOut(), PRINTED_PASSWORD)).isEqualTo(printedBefore);
			var browser = new WebSession(clientele.port(), "en");
			browser.signIn("admin", password);
			assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void a_password_given_in_the_environment_is_used_and_must_still_be_changed(CapturedOutput output) {
		try (var clientele = start("clientele.admin.password=Given-by-the-operator")) {
			assertThat(output.getOut()).doesNotContain("Given-by-the-operator");
			var browser = new WebSession(clientele.port(), "en");
			browser.signIn("admin", "Given-by-the-operator");
			assertThat(browser.get("/").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
		}
	}

	@Test
	void the_demo_switch_fills_a_believable_company_once(CapturedOutput output) {
		try (var clientele = start("demo")) {
			var jdbc = clientele.jdbc();
			assertThat(jdbc.sql("select count(*) from clients").query(Long.class).single()).isEqualTo(320);
			assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single()).isGreaterThan(260);
			assertThat(jdbc.sql("select count(distinct responsible_id) from clients").query(Long.class).single())
				.isEqualTo(7);
			assertThat(jdbc.sql("select count(*) from segments").query(Long.class).single()).isGreaterThan(10);
			// Every generated tax id passes its check digits, as typed in ones must.
			assertThat(jdbc.sql("select inn from clients where inn is not null").query(String.class).list())
				.allMatch(io.clientele.shared.TaxIds::isValidInn);
			Matcher password = Pattern.compile("password: (demo-\\S+)").matcher(output.getOut());
			assertThat(password.find()).isTrue();
			var browser = new WebSession(clientele.port(), "ru");
			browser.signIn("ivanov", password.group(1));
			assertThat(browser.get("/clients").body()).contains("Клиентов: ");
		}
		try (var clientele = start("demo")) {
			assertThat(clientele.jdbc().sql("select count(*) from clients").query(Long.class).single()).isEqualTo(320);
		}
	}

	@Test
	void the_process_engine_keeps_its_tables_in_a_schema_of_its_own() {
		try (var clientele = start()) {
			var jdbc = clientele.jdbc();
			assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'flowable'")
				.query(Long.class)
				.single()).isGreaterThan(10);
			assertThat(jdbc.sql("""
					select count(*) from information_schema.tables
					 where table_schema = 'public' and (table_name like 'act\\_%' or table_name like 'flw\\_%')
					""").query(Long.class).single()).isZero();
			assertThat(jdbc.sql(
					"select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'users'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private StandaloneClientele start(String... properties) {
		return StandaloneClientele.start(database.jdbcUrl(), "postgres", "", properties);
	}

	private static int count(String text, Pattern pattern) {
		Matcher matcher = pattern.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
