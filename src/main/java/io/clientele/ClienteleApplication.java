package io.clientele;

import java.util.Arrays;

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
		if (args.length > 0 && args[0].equals("generate")) {
			// A command, not a server: the whole application without listening (port -1)
			// fills the database with a data set, then ends.
			String[] command = Arrays.copyOf(args, args.length + 1);
			command[args.length] = "--server.port=-1";
			System.exit(SpringApplication.exit(SpringApplication.run(ClienteleApplication.class, command)));
		}
		SpringApplication.run(ClienteleApplication.class, args);
	}

}
