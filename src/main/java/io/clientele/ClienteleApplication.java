package io.clientele;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Clientele, a self-hosted CRM. One deployable, business modules as top-level packages.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClienteleApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClienteleApplication.class, args);
	}

}
