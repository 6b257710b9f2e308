package io.clientele.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmarks' framework floor: Tomcat, Spring MVC, Jackson, JdbcClient and HikariCP
 * running the statements Clientele runs for a scenario (read from {@code bench/sql}), with
 * nothing else — no security, no templates, no JPA.
 */
@SpringBootApplication
public class ReferenceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReferenceApplication.class, args);
	}

}
