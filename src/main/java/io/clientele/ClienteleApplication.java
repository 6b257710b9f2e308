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

	static {
		// The XLSX reader brings the Aalto StAX parser, which also announces itself as
		// the
		// JVM-wide default through META-INF/services; Flowable's BPMN parser then gets
		// Aalto
		// and refuses valid maps. Keep the JDK's own StAX as the default; the XLSX reader
		// creates its Aalto factory directly and is not affected.
		useJdkDefault("javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl");
		useJdkDefault("javax.xml.stream.XMLOutputFactory", "com.sun.xml.internal.stream.XMLOutputFactoryImpl");
		useJdkDefault("javax.xml.stream.XMLEventFactory", "com.sun.xml.internal.stream.events.XMLEventFactoryImpl");
	}

	private static void useJdkDefault(String factory, String implementation) {
		if (System.getProperty(factory) == null) {
			System.setProperty(factory, implementation);
		}
	}

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
